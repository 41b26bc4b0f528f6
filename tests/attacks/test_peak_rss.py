"""The importer's peak memory is its own, however large the test process has grown.

A child's ``ru_maxrss`` starts from the resident size of the process it was forked
from, so under pytest-xdist, where one worker runs hundreds of tests first, the
hostile-import tests measured the worker (793–828 MiB) instead of the importer.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.attacks import peak_rss

GROWN_MIB = 400
PEAK_RSS = peak_rss.__file__


def _grow() -> bytearray:
    ballast = bytearray(GROWN_MIB * 1024 * 1024)
    for offset in range(0, len(ballast), 4096):
        ballast[offset] = 1
    return ballast


def test_a_child_started_from_a_grown_process_reports_the_parents_size() -> None:
    """The control: the pitfall is real on this kernel."""
    ballast = _grow()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert usage.ru_maxrss / 1024 >= GROWN_MIB
    del ballast


def test_the_probe_reports_the_commands_own_peak_from_a_grown_process() -> None:
    ballast = _grow()
    command = [
        sys.executable,
        "-c",
        "block = bytearray(60 * 1024 * 1024); block[::4096] = b'1' * len(block[::4096])",
    ]
    report = subprocess.run(
        [sys.executable, PEAK_RSS, str(3 * 1024**3), "30", *command],
        capture_output=True,
        check=True,
        text=True,
    )
    returncode, peak_kib = (int(field) for field in report.stdout.split())
    assert returncode == 0
    assert 60 <= peak_kib / 1024 < 120
    del ballast


def test_the_probe_kills_a_command_past_its_timeout_and_says_so() -> None:
    report = subprocess.run(
        [sys.executable, PEAK_RSS, str(3 * 1024**3), "0.5", "sleep", "30"],
        capture_output=True,
        check=True,
        text=True,
        timeout=20,
    )
    assert report.stdout.split()[0] == "-9"
