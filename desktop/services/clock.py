"""Local wall-clock "now": the one source the services read (issue 17).

Visits, incidents and call-ins are stored in local wall-clock time, so planning (never
a visit in the past), outcomes (only once a visit has begun) and incidents (never in
the future) compare with local now. A service takes a ``clock`` argument; without one
it reads ``local_now``, which the tests' ``clock`` fixture pins (tests/conftest.py) so
that tests on fixed dates do not depend on the machine's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

LocalClock = Callable[[], dt.datetime]
"""Returns naive local wall-clock now, as visits are stored."""


def system_now() -> dt.datetime:
    """The machine's local wall-clock time."""
    return dt.datetime.now()


# Read on every call, so a test that pins it reaches services built before or after.
_source: LocalClock = system_now


def local_now() -> dt.datetime:
    """Local wall-clock now: the machine's, unless a test pinned ``_source``."""
    return _source()
