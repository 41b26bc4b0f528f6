"""The clock services read, so tests can move time (retention, re-authentication)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.models import utcnow

Clock = Callable[[], dt.datetime]
"""Returns naive UTC now, like ``desktop.models.utcnow``."""

system_clock: Clock = utcnow
