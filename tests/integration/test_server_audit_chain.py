"""The audit chain on the server: writers from many workstations, one unbroken chain.

A unit of work queues its entries; after its commit the server chains every committed
entry in one batch (migration 0012), so no lock held to a commit serialises the desks.
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
    pg.pg_add_user(fresh, "auditor_social", Role.AUDITOR, "social")
    stores = [pg.pg_login(fresh.path, "coordinator_social") for _ in range(WRITERS)]
    yield fresh, stores
    pg.REGISTRY.close()


def _entries(fresh) -> list[tuple[int, str, str]]:
    owner = pg._conninfo(pg.REGISTRY.urls[fresh.path])
    with psycopg.connect(owner) as conn:
        rows = conn.execute("SELECT seq, prev_hash, entry_hash FROM audit_entry ORDER BY seq")
        return rows.fetchall()


def test_a_writer_with_queued_entries_holds_no_other_writer_up(desks):
    fresh, (first, second, *_) = desks
    with first.write_session() as session, session.begin():
        # Queued for the server, not chained under a lock held to the commit.
        assert append_chain(session, first, [audit_fields(first, "test.first")]) is None
        saved = threading.Event()

        def other_desk() -> None:
            with UnitOfWork(second, "Andra") as uow:
                uow.audit("test.second")
            saved.set()

        other = threading.Thread(target=other_desk)
        other.start()
        # The first transaction is still open, and the second desk saves anyway.
        assert saved.wait(10)
        other.join(10)
    first.settle_audit()  # after its commit, any client chains the queue
    owner = pg._conninfo(pg.REGISTRY.urls[fresh.path])
    with psycopg.connect(owner) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_entry ORDER BY seq")]
    assert actions[-2:] == ["test.second", "test.first"]
    assert verify_chain(pg.pg_login(fresh.path, "auditor_social")).ok


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
    # A writer whose integration found another one busy left its entries queued for the
    # next integration: the verification's (or the next save's).
    auditor = pg.pg_login(fresh.path, "auditor_social")
    auditor.settle_audit()
    entries = _entries(fresh)
    assert len(entries) == before + WRITERS * EACH * 2
    assert [seq for seq, _, _ in entries] == list(range(1, len(entries) + 1))
    for (_, _, previous), (_, link, _) in itertools.pairwise(entries):
        assert link == previous
    report = verify_chain(auditor)
    assert report.ok and report.entries == len(entries)


def test_a_unit_of_work_that_fails_leaves_no_entry(desks):
    fresh, (store, *_) = desks
    before = _entries(fresh)
    with pytest.raises(RuntimeError), UnitOfWork(store, "Avbruten") as uow:
        uow.audit("test.never")
        raise RuntimeError("the service gave up")
    assert _entries(fresh) == before
