"""LISTEN for other workstations' changes and hand them on as ``RemoteChange`` values.

Each unit of work on the server sends ``NOTIFY rondplan_changes`` with a JSON payload
of entity kinds and ids (never names) inside its transaction; PostgreSQL delivers it
only on commit. ``ChangeListener`` runs one autocommit connection as the user's role
on a daemon thread and calls ``on_change`` (from that thread) for each payload that
did not come from this store; the views turn it into the services' ``Changes``
(``desktop.services.changes.from_elsewhere``). Losing the connection calls
``on_state(False)`` and retries with backoff; ``on_state(True)`` follows when it is back.

The listener sends nothing while it waits (issue 19: it used to send ``SELECT 1`` twice
a second, about 950 statements a second from 500 idle workstations): it waits on its
socket, which the server's notifications, its end of the session or a dead link wake.
A dead link without a word (a pulled cable, a NAT timeout) is found by TCP keepalives
(``KEEPALIVES``: within about a minute). The only statement is the stall check every
``STALL_CHECK_S``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from desktop.store.server.audit import END_STALLS
from desktop.store.server.store import CHANNEL

log = logging.getLogger(__name__)

BACKOFF_S = (0.5, 1, 2, 5, 10, 30)
# How often a listening workstation asks the server to end sessions that hold everyone
# up beyond the server's limits (rondplan_end_stalls, migration 0012): any one running
# workstation keeps the others saving even if an attacker's session overrides its
# timeouts.
STALL_CHECK_S = 5.0
# How often the waiting thread looks at ``stop()`` (a local wait: nothing is sent).
WAKE_S = 0.5
# libpq's TCP keepalives: probe after 30 s of silence, every 10 s, give up after 3
# unanswered probes, so a dead peer ends the wait within about a minute.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


@dataclass(frozen=True)
class RemoteChange:
    """What another workstation's unit of work changed: entity kinds and (kind, id) pairs."""

    kinds: frozenset[str]
    ids: frozenset[tuple[str, int]]

    def touches(self, *kinds: str) -> bool:
        return any(kind in self.kinds for kind in kinds)


def parse_payload(payload: str, own_origin: str | None = None) -> RemoteChange | None:
    """The change in one payload; None for our own or an unreadable one."""
    try:
        data = json.loads(payload)
        if own_origin is not None and data.get("o") == own_origin:
            return None
        kinds = frozenset(str(k) for k in data.get("k", []))
        ids = frozenset((str(k), int(i)) for k, i in data.get("i", []))
    except (ValueError, TypeError, AttributeError):
        return None
    return RemoteChange(kinds, ids)


class ChangeListener:
    """A background LISTEN on ``rondplan_changes`` with reconnection."""

    def __init__(
        self,
        conninfo: str,
        on_change: Callable[[RemoteChange], None],
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
        # Statements sent after LISTEN (the stall checks): none while merely waiting.
        self.statements = 0

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
                conninfo = psycopg.conninfo.make_conninfo(self._conninfo, **KEEPALIVES)
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if was_up is False:
                        self._on_state(True)
                    was_up, attempt = True, 0
                    self.ready.set()
                    checked = time.monotonic()
                    while not self._stop.is_set():
                        # A wait on the socket alone (nothing is sent): the generator
                        # ends after WAKE_S so stop() stays prompt, and raises when the
                        # server ends the session or the keepalives find the link dead.
                        for notice in conn.notifies(timeout=WAKE_S):
                            change = parse_payload(notice.payload, self._origin)
                            if change:
                                self._on_change(change)
                        if time.monotonic() - checked >= self._stall_check_s:
                            conn.execute(END_STALLS)
                            self.statements += 1
                            checked = time.monotonic()
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
