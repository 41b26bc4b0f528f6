"""The audit chain on the server: writers from many workstations, one unbroken chain.

The unit of work chains its entries last, just before its commit, under an advisory
lock; the head's read must see the entry the previous lock holder committed.
"""

from __future__ import annotations

import itertools
import threading

import psycopg
import pytest

from desktop.models import Role
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonInput
from desktop.services.security.audit import verify_chain
from desktop.services.uow import UnitOfWork, append_chain, audit_fields
from tests.integration import pg

WRITERS = 4
EACH = 12


@pytest.fixture
def desks(tmp_path, pg_server):
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    stores = [pg.pg_login(fresh.path, "coordinator_social") for _ in range(WRITERS)]
    yield fresh, stores
    pg.REGISTRY.close()


def _entries(fresh) -> list[tuple[int, str, str]]:
    owner = pg._conninfo(pg.REGISTRY.urls[fresh.path])
    with psycopg.connect(owner) as conn:
        rows = conn.execute("SELECT seq, prev_hash, entry_hash FROM audit_entry ORDER BY seq")
        return rows.fetchall()


def test_the_next_writer_reads_the_head_its_predecessor_committed(desks):
    _, (first, second, *_) = desks
    got: list[tuple[int, str] | None] = []
    with first.write_session() as session, session.begin():
        made = append_chain(session, first, [audit_fields(first, "test.first")])
        assert made is not None

        def other_desk() -> None:
            with second.write_session() as other, other.begin():
                got.append(second.audit_chain_head(other))

        waiting = threading.Thread(target=other_desk)
        waiting.start()
        waiting.join(0.5)
        # The lock keeps the second desk off the chain until the first commits.
        assert waiting.is_alive() and not got
    waiting.join(10)
    assert got == [(made.seq, made.entry_hash)]


def test_concurrent_writers_share_one_chain_without_a_gap_or_a_repeat(desks):
    fresh, stores = desks
    before = len(_entries(fresh))
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def desk(n: int) -> None:
        persons = build_services(stores[n]).mapping.persons
        try:
            start.wait()
            for i in range(EACH):
                changes = persons.create(PersonInput(f"Desk{n}", f"Person{i}"))
                persons.profile(next(iter(changes.ids_of("person"))))  # an audited read
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures
    entries = _entries(fresh)
    assert len(entries) == before + WRITERS * EACH * 2
    assert [seq for seq, _, _ in entries] == list(range(1, len(entries) + 1))
    for (_, _, previous), (_, link, _) in itertools.pairwise(entries):
        assert link == previous
    report = verify_chain(fresh.admin)
    assert report.ok and report.entries == len(entries)


def test_a_unit_of_work_that_fails_leaves_no_entry(desks):
    fresh, (store, *_) = desks
    before = _entries(fresh)
    with pytest.raises(RuntimeError), UnitOfWork(store, "Avbruten") as uow:
        uow.audit("test.never")
        raise RuntimeError("the service gave up")
    assert _entries(fresh) == before
