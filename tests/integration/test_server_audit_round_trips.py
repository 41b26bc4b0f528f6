"""An audited action on the server: one transaction, one COMMIT, no NOTIFY in it (issue 19).

With a synchronous standby every COMMIT waits for the standby, and PostgreSQL holds one
lock for every transaction that sent a NOTIFY through that wait, so one NOTIFY in each
save let the server commit one save per round trip to the standby. An audited action is
therefore one transaction whose entries go with its COMMIT in one round trip; then one
statement of its own, committed without waiting for the standby, chains the queue and
sends the NOTIFY. Counted from libpq's trace of the workstation's own connection: each
Query, and each Sync of a prepared statement, is one round trip to the server.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from psycopg import pq

from desktop.models import Role
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonInput
from tests.integration import pg


@pytest.fixture
def desk(tmp_path, pg_server):
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    store = pg.pg_login(fresh.path, "coordinator_social")
    yield store
    store.lock()
    pg.REGISTRY.close()


def _traced(store, path: Path, action) -> list[str]:  # type: ignore[no-untyped-def]
    """The round trips ``action`` makes on the store's one pooled connection."""
    with store.engine.connect() as connection:
        conn = connection.connection.driver_connection
    with path.open("w") as sink:
        conn.pgconn.trace(sink.fileno())
        conn.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
        try:
            action()
        finally:
            conn.pgconn.untrace()
    trips, parts = [], []
    for line in path.read_text(errors="replace").splitlines():
        fields = line.split("\t")
        if fields and fields[0] not in ("F", "B"):
            fields = fields[1:]  # a timestamp first
        if len(fields) < 3 or fields[0] != "F":
            continue
        if fields[2] == "Query":
            trips.append(fields[3])
        elif fields[2] == "Parse":
            parts.append(fields[3])
        elif fields[2] == "Sync":
            trips.append(" ".join(parts))
            parts = []
    return trips


def _after_commit(trips: list[str], notify: bool) -> None:
    commits = [i for i, text in enumerate(trips) if re.search(r"\bCOMMIT\b", text)]
    # One COMMIT, in the round trip of the unit's audit entries, nothing queued after it.
    assert len(commits) == 1, trips
    assert "audit_pending" in trips[commits[0]] and "pg_notify" not in trips[commits[0]]
    assert not any("pg_notify" in text for text in trips[: commits[0]])
    # Then one more: chaining and the notice, without waiting for a standby.
    assert len(trips) == commits[0] + 2, trips
    last = trips[-1]
    assert "rondplan_audit_integrate" in last and "synchronous_commit" in last
    assert ("pg_notify" in last) is notify


def test_a_save_is_one_commit_with_its_entry_and_the_notice_after_it(desk, tmp_path):
    persons = build_services(desk).mapping.persons
    persons.create(PersonInput("Första", "Personen"))  # the first: compiles, prepares
    trips = _traced(desk, tmp_path / "save.trace", lambda: persons.create(PersonInput("A", "B")))
    _after_commit(trips, notify=True)


def test_a_profile_read_is_one_commit_with_its_entry(desk, tmp_path):
    persons = build_services(desk).mapping.persons
    (person_id,) = persons.create(PersonInput("Läst", "Person")).ids_of("person")
    persons.profile(person_id)
    trips = _traced(desk, tmp_path / "read.trace", lambda: persons.profile(person_id))
    _after_commit(trips, notify=False)
    # The read itself: BEGIN, its queries, the entry with the COMMIT, the chaining.
    assert trips[0].strip('" ') == "BEGIN", trips[0]
