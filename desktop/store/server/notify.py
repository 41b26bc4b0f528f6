"""LISTEN for other workstations' changes and hand them on as ``Changes``.

Each unit of work on the server sends ``NOTIFY rondplan_changes`` with a JSON payload
of entity kinds and ids (never names) inside its transaction; PostgreSQL delivers it
only on commit. ``ChangeListener`` runs one autocommit connection as the user's role
on a daemon thread and calls ``on_change`` (from that thread) for each payload that
did not come from this store. Losing the connection calls ``on_state(False)`` and
retries with backoff; ``on_state(True)`` follows when it is back.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable

import psycopg

from desktop.services.changes import Changes
from desktop.store.server.audit import END_STALLS
from desktop.store.server.store import CHANNEL

log = logging.getLogger(__name__)

BACKOFF_S = (0.5, 1, 2, 5, 10, 30)
# How often a listening workstation asks the server to end sessions that hold everyone
# up beyond the server's limits (rondplan_end_stalls, migration 0012): any one running
# workstation keeps the others saving even if an attacker's session overrides its
# timeouts.
STALL_CHECK_S = 5.0


def parse_payload(payload: str, own_origin: str | None = None) -> Changes | None:
    """The ``Changes`` in one payload; None for our own or an unreadable one."""
    try:
        data = json.loads(payload)
        if own_origin is not None and data.get("o") == own_origin:
            return None
        kinds = frozenset(str(k) for k in data.get("k", []))
        ids = frozenset((str(k), int(i)) for k, i in data.get("i", []))
    except (ValueError, TypeError, AttributeError):
        return None
    return Changes("Ändrat på en annan arbetsstation", kinds, ids)


class ChangeListener:
    """A background LISTEN on ``rondplan_changes`` with reconnection."""

    def __init__(
        self,
        conninfo: str,
        on_change: Callable[[Changes], None],
        own_origin: str | None = None,
        on_state: Callable[[bool], None] | None = None,
        stall_check_s: float | None = None,
    ) -> None:
        self._conninfo = conninfo
        self._stall_check_s = STALL_CHECK_S if stall_check_s is None else stall_check_s
        self._on_change = on_change
        self._origin = own_origin
        self._on_state = on_state or (lambda _up: None)
        self._stop = threading.Event()
        self._conn: psycopg.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="rondplan-listen", daemon=True)
        self.ready = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        attempt = 0
        was_up: bool | None = None
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if was_up is False:
                        self._on_state(True)
                    was_up, attempt = True, 0
                    self.ready.set()
                    checked = time.monotonic()
                    while not self._stop.is_set():
                        # A short timeout keeps stop() prompt; the generator ends on it.
                        for notice in conn.notifies(timeout=0.5):
                            changes = parse_payload(notice.payload, self._origin)
                            if changes:
                                self._on_change(changes)
                        # Notifies() alone would not see a dead link: ask the server,
                        # now and then to end stalled sessions too.
                        if time.monotonic() - checked >= self._stall_check_s:
                            conn.execute(END_STALLS)
                            checked = time.monotonic()
                        else:
                            conn.execute("SELECT 1")
            except psycopg.Error as exc:
                if self._stop.is_set():
                    return
                log.info("change listener lost the server: %s", type(exc).__name__)
                if was_up is not False:
                    self._on_state(False)
                was_up = False
                delay = BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)]
                attempt += 1
                self._stop.wait(delay)
