"""ruff's lint rules and formatting hold for the whole tree (the pinned ruff version)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREES = ["desktop", "tests", "benchmarks", "tools", "packaging"]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    beside = Path(sys.executable).with_name("ruff")
    ruff = str(beside) if beside.exists() else shutil.which("ruff")
    assert ruff, "ruff is installed with the test extras"
    return subprocess.run(
        [ruff, *args, *TREES], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_lint_rules_hold() -> None:
    result = _ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:]


def test_code_is_formatted() -> None:
    result = _ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:]
