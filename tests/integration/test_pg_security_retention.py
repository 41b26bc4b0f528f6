"""The retention tests (tests/unit/security/test_retention.py), run against PostgreSQL.

Rows are counted as the database owner: row-level security hides other agencies' notes
from the administrator, and "how many notes are left" is a question about the whole
database. File-only by design, with a server version here: the scrub after a run
(VACUUM, an empty WAL, no free pages; on a server, autovacuum is the server's, and a
run issues no VACUUM), and the statement trace (SQLite's trace callback; here
SQLAlchemy's cursor events).
"""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import event

from desktop.models import Delivery, Note, RetentionCategory, Visit
from tests.integration import pg
from tests.unit.security import test_retention as unit
from tests.unit.security.helpers import FakeClock
from tests.unit.security.test_retention import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres", "count_as_owner", "server_clock_follows")

KEEP = unit.KEEP


@pytest.fixture
def count_as_owner(monkeypatch: pytest.MonkeyPatch) -> None:
    def count(store, model) -> int:  # type: ignore[no-untyped-def]
        owner = pg._conninfo(pg.url_of(next(iter(pg.REGISTRY.urls))))
        with psycopg.connect(owner) as conn:
            row = conn.execute(f"SELECT count(*) FROM {model.__tablename__}").fetchone()
        assert row is not None
        return int(row[0])

    monkeypatch.setattr(unit, "_count", count)


@pytest.fixture
def server_clock_follows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server judges notes by its own clock, which no run may pass (migration 0005),
    and which a test cannot move: moving the test clock ahead moves the stored notes'
    creation times back by as much instead (as the owner), the same for the deadline."""
    advance = FakeClock.advance

    def moved(self: FakeClock, **kwargs: float) -> None:
        advance(self, **kwargs)
        step = dt.timedelta(**kwargs)
        for url in pg.REGISTRY.urls.values():
            with psycopg.connect(pg._conninfo(url)) as conn:
                conn.execute("UPDATE note SET created_at = created_at - %s", (step,))

    monkeypatch.setattr(FakeClock, "advance", moved)


def _statements(store) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def trace(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", trace)
    return seen


def test_deleted_on_time_and_scrubbed(world):  # type: ignore[no-redef]
    """Server version: every agency's due note goes (the police note, though the
    administrator is social services'); no VACUUM is sent (autovacuum clears dead rows)."""
    fresh, security, clock, _ = world
    seen = _statements(fresh.admin)
    clock.advance(days=KEEP, seconds=1)
    result = security.retention.run()
    assert result.counts[RetentionCategory.NOTE] == 1
    assert result.counts[RetentionCategory.VISIT] == 1
    assert (unit._count(fresh.admin, Note), unit._count(fresh.admin, Visit)) == (0, 0)
    assert unit._count(fresh.admin, Delivery) == 1
    clock.advance(days=1)
    assert security.retention.run().counts[RetentionCategory.DELIVERY] == 1
    assert not any("VACUUM" in s.upper() for s in seen)


def test_daily_run_does_not_rebuild_the_file_but_the_administrators_run_does(world):  # type: ignore[no-redef]
    """Server version: neither the daily run nor an administrator's run sends VACUUM or
    TRUNCATE (on a file the administrator's run rebuilds the file)."""
    fresh, security, clock, _ = world
    clock.advance(days=KEEP, seconds=1)
    seen = _statements(fresh.admin)
    result = security.retention.run_if_due()
    assert result is not None and result.counts[RetentionCategory.NOTE] == 1
    clock.advance(days=1)
    security.retention.run()
    assert seen and not any(w in s.upper() for s in seen for w in ("VACUUM", "TRUNCATE"))


def test_a_users_daily_run_never_runs_ahead_of_the_servers_clock(world):
    """No run may use a time ahead of the server's clock (not even an administrator's,
    migration 0005), so a user cannot delete notes early by sending a date in the future."""
    fresh, _, _, _ = world
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    with coordinator.connect() as conn:
        row = conn.execute("SELECT rondplan_retention_notes('2099-01-01')").fetchone()
    assert row is not None and row[0] == 0
    assert unit._count(fresh.admin, Note) == 1
