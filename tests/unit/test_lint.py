"""ruff's lint rules and formatting hold for the whole tree (the pinned ruff version),
and the core (models, store, services, reports), the views and the entry points (app,
cli, opening; issue 18) pass mypy --strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREES = ["desktop", "tests", "benchmarks", "tools", "packaging"]


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is installed with the test extras"
    return found


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("ruff"), *args, *TREES], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_lint_rules_hold() -> None:
    result = _ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:]


def test_code_is_formatted() -> None:
    result = _ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:]


def test_core_and_views_pass_mypy_strict() -> None:
    # The packages and strictness come from [tool.mypy] in pyproject.toml.
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
