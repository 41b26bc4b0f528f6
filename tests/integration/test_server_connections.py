"""Connections of one workstation on the server, as the application opens them (issue 19).

A workstation is a ``ServerStore`` (its pool) plus its change listener. Counted from the
server's side, in ``pg_stat_activity`` as the owner sees it: how many sessions the user's
role holds while idle and after a burst of concurrent reads, and how many statements
they send while idle (each statement moves its session's ``query_start``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonFilter
from desktop.store.server.notify import ChangeListener
from desktop.store.server.store import ServerStore
from tests.integration import pg

pytestmark = pytest.mark.usefixtures("on_postgres")

IDLE_S = 3.0
SAMPLE_S = 0.05
BURST_THREADS = 8


class Watch:
    """The owner's view of one role's sessions."""

    def __init__(self, url: str, role: str) -> None:
        self._conn = psycopg.connect(pg._conninfo(url), autocommit=True)
        self._role = role

    def sessions(self) -> list[tuple[int, object, str]]:
        rows = self._conn.execute(
            "SELECT pid, query_start, coalesce(query, '') FROM pg_stat_activity "
            "WHERE usename = %s AND backend_type = 'client backend'",
            (self._role,),
        ).fetchall()
        return [(int(r[0]), r[1], str(r[2])) for r in rows]

    def idle(self, seconds: float) -> tuple[int, int, list[str]]:
        """Over ``seconds``: the most sessions seen, and the statements they sent."""
        seen: dict[int, object] = {row[0]: row[1] for row in self.sessions()}
        most, statements, texts = len(seen), 0, []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            time.sleep(SAMPLE_S)
            rows = self.sessions()
            most = max(most, len(rows))
            for pid, started, query in rows:
                if pid in seen and seen[pid] != started:
                    statements += 1
                    texts.append(query[:40])
                seen[pid] = started
        return most, statements, texts

    def close(self) -> None:
        self._conn.close()


@pytest.fixture
def workstation(tmp_path) -> Iterator[tuple[ServerStore, ChangeListener, Watch]]:
    fresh = pg.pg_fresh_with_users(tmp_path)
    store = pg.pg_login(fresh.path, "coordinator_social")
    listener = ChangeListener(store.conninfo, lambda _change: None, store.origin)
    listener.start()
    watch = Watch(pg.url_of(fresh.path), store.role)
    try:
        assert listener.ready.wait(10)
        yield store, listener, watch
    finally:
        listener.stop()
        watch.close()


def test_an_idle_workstation_holds_two_connections_and_sends_no_polls(workstation):
    store, _listener, watch = workstation
    build_services(store).mapping.persons.page(PersonFilter())  # the first page, as the app
    most, statements, texts = watch.idle(IDLE_S)
    print(f"idle {IDLE_S:.0f} s: {most} sessions, {statements} statements {texts}")
    assert most <= 2
    # The listener waits on its socket (TCP keepalives find a dead peer); the only
    # statement it may send is the stall check, every notify.STALL_CHECK_S (5 s).
    assert statements <= 1, texts


def test_a_burst_of_reads_leaves_two_connections_kept(workstation):
    store, _listener, watch = workstation
    services = build_services(store)
    start = threading.Barrier(BURST_THREADS)
    peak: list[int] = []

    def read() -> None:
        start.wait()
        for _ in range(3):
            services.mapping.persons.page(PersonFilter(text="ann"))
            peak.append(len(watch_sessions()))

    lock = threading.Lock()

    def watch_sessions() -> list[tuple[int, object, str]]:
        with lock:  # one owner connection, shared by the threads
            return watch.sessions()

    threads = [threading.Thread(target=read) for _ in range(BURST_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    # A connection the pool closed leaves pg_stat_activity when its backend has exited,
    # a moment later on a busy machine: what is kept is what is still there after that.
    deadline = time.monotonic() + 5
    kept = len(watch.sessions())
    while kept > 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        kept = len(watch.sessions())
    print(f"burst of {BURST_THREADS}: at most {max(peak)} sessions, {kept} kept after")
    assert max(peak) <= 1 + ServerStore.POOL_SIZE + ServerStore.POOL_OVERFLOW
    assert kept <= 2
