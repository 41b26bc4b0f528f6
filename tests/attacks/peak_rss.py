"""Run a command under an address-space limit and print its exit code and peak RSS.

    python tests/attacks/peak_rss.py LIMIT_BYTES TIMEOUT_SECONDS COMMAND...

Linux counts, in a child's ``ru_maxrss``, the resident size of the process it was
forked from as it was at ``exec``: a command started straight from a test process
that has grown to 800 MiB reports at least 800 MiB, whatever the command itself
used. Started from this small process instead, the command's figure is its own
(this process is about 13 MiB). Prints ``EXIT_CODE PEAK_KIB`` on one line; the
command's standard error is this process's, its standard output is discarded. A
command still running after the timeout is killed (exit code -9).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time


def main(arguments: list[str]) -> None:
    limit, timeout, command = int(arguments[0]), float(arguments[1]), arguments[2:]

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, preexec_fn=cap)
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            _, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)


if __name__ == "__main__":
    main(sys.argv[1:])
