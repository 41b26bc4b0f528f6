"""PySide6 6.12.0 on Python 3.11 under-counts references to None and aborts with
``none_dealloc`` after a few thousand Qt calls that return None; 6.11.3 is sound.

Run in a child process so an abort shows up as a failed test, not a dead test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

CALLS = 50_000

CHILD = f"""
import sys
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel()
obj = QObject()
for i in range({CALLS}):
    assert label.setText("x") is None
    assert obj.setObjectName("n") is None
    assert label.clear() is None
print("survived", sys.getrefcount(None) > 0)
"""


def test_pinned_below_the_broken_release():
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), PySide6.__version__


def test_many_calls_returning_none_do_not_abort():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=240
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived True"
