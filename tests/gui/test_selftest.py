"""``rondplan --self-test`` passes on a source install and reports one line per check."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop.selftest import CHECKS


def test_self_test_passes_with_one_line_per_check():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RONDPLAN_TEST_KDF": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    assert [line[:4] for line in lines[:-1]] == ["OK  "] * len(CHECKS)
    assert len(lines) == len(CHECKS) + 1
    assert lines[-1] == "Självtestet lyckades."
