"""Run every test: two pytest sessions side by side, one per core (the README's command).

The suite is CPU-bound and pytest runs one test at a time, so on the two-core machines
CI uses, one session leaves a core idle while the PostgreSQL clusters, Xvfb and the
model test wait for the other. The tests are split by folder into two sessions that
share nothing: every test cluster on its own loopback port lives in
``tests/integration`` or ``tests/attacks`` (one session, with the e2e tests and their
own Xvfb), every database a test makes has a random name, and each session has its
own temporary folder.

``python tools/run_tests.py`` runs both and exits non-zero if either failed;
``python tools/run_tests.py ARGS...`` is plain ``pytest ARGS...`` (one session).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The two halves, about equal in time on this project's CI machine. The attack tests
#: come first in theirs: the hostile-import tests measure a child's peak memory, and a
#: forked child starts with its parent's, which grows as the session goes on.
SESSIONS = (
    ("core+views", ["tests/unit", "tests/gui"]),
    ("server+attacks+e2e", ["tests/attacks", "tests/integration", "tests/e2e"]),
)


def _pump(name: str, stream: object, lock: threading.Lock) -> None:
    """Copy one session's output, each line marked with the session's name."""
    for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
        with lock:
            sys.stdout.write(f"[{name}] {line}")
            sys.stdout.flush()


def main(argv: list[str]) -> int:
    if argv:
        return subprocess.call([sys.executable, "-m", "pytest", *argv], cwd=ROOT)
    lock = threading.Lock()
    started = time.monotonic()
    running: list[tuple[str, subprocess.Popen[str], threading.Thread]] = []
    for index, (name, folders) in enumerate(SESSIONS):
        basetemp = Path(os.environ.get("TMPDIR", "/tmp")) / f"rondplan-tests-{index}"
        command = [
            sys.executable,
            "-m",
            "pytest",
            *folders,
            f"--basetemp={basetemp}",
            "-o",
            f"cache_dir=.pytest_cache/{index}",
        ]
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        pump = threading.Thread(target=_pump, args=(name, process.stdout, lock), daemon=True)
        pump.start()
        running.append((name, process, pump))
    codes = {}
    for name, process, pump in running:
        codes[name] = process.wait()
        pump.join()
    minutes = (time.monotonic() - started) / 60
    for name, code in codes.items():
        print(f"{name}: {'passed' if code == 0 else f'FAILED (exit {code})'}")
    print(f"all tests: {minutes:.1f} min")
    return max(codes.values())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
