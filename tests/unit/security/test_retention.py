"""Retention with a mocked clock: deletes on time, not a day early; counts only logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from desktop.models import (
    AuditEntry,
    Delivery,
    DeliveryChannel,
    Note,
    Person,
    RetentionCategory,
    Visit,
    utcnow,
)
from desktop.services.errors import PermissionDenied, ReauthenticationRequired, ValidationError
from desktop.services.security import SecurityServices
from desktop.services.security.notes import NotesService
from desktop.services.uow import UnitOfWork
from tests.factories import PASSWORD, fresh_with_users, login
from tests.unit.security.helpers import FakeClock, attacker_connection

KEEP = 30


@pytest.fixture
def world(tmp_path):
    fresh = fresh_with_users(tmp_path)
    start = utcnow()
    with UnitOfWork(fresh.admin, "Data") as uow:
        person = Person(first_name="Gammal", last_name="Person")
        uow.session.add(person)
        uow.session.flush()
        uow.session.add(
            Visit(person_id=person.id, starts_at=start, ends_at=start + dt.timedelta(hours=1))
        )
        uow.session.add(
            Delivery(person_id=person.id, delivered_on=start.date(), channel=DeliveryChannel.OTHER)
        )
        person_id = person.id
    officer = login(fresh.path, "officer_police")
    NotesService(officer).write_note("Uppgift som ska gallras", person_id=person_id)
    officer.lock()
    clock = FakeClock(start)
    security = SecurityServices.build(fresh.admin, clock=clock)
    for category in (RetentionCategory.NOTE, RetentionCategory.VISIT, RetentionCategory.DELIVERY):
        security.retention.save_rule(
            category, "police" if category is RetentionCategory.NOTE else None, KEEP, "PDL 2 kap."
        )
    security.retention.save_rule(RetentionCategory.PERSON, None, KEEP * 2, "Beslut 2026-01")
    yield fresh, security, clock, person_id
    fresh.admin.lock()


def _count(store, model):
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_not_deleted_a_day_early(world):
    fresh, security, clock, _ = world
    clock.advance(days=KEEP - 1)
    result = security.retention.run()
    assert result.total == 0
    assert (_count(fresh.admin, Note), _count(fresh.admin, Visit)) == (1, 1)
    assert _count(fresh.admin, Delivery) == 1


def test_deleted_on_time_and_scrubbed(world):
    fresh, security, clock, _ = world
    clock.advance(days=KEEP, seconds=1)
    result = security.retention.run()
    assert result.counts[RetentionCategory.NOTE] == 1
    assert result.counts[RetentionCategory.VISIT] == 1
    assert (_count(fresh.admin, Note), _count(fresh.admin, Visit)) == (0, 0)
    # Delivery dates are whole days: due the day after the deadline.
    assert _count(fresh.admin, Delivery) == 1
    clock.advance(days=1)
    assert security.retention.run().counts[RetentionCategory.DELIVERY] == 1
    # Nothing left in free pages or in the WAL.
    wal = fresh.path.with_name(fresh.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    conn = attacker_connection(fresh.path, fresh.recovery_code, drop_triggers=False)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    conn.close()


def test_logs_counts_only(world):
    fresh, security, clock, _ = world
    clock.advance(days=KEEP + 1)
    security.retention.run()
    with fresh.admin.read_session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "retention.run")
        ).one()
    assert entry.detail == "note=1;visit=1;delivery=1;referral=0;incident=0;review=0"
    assert entry.object_ids == ""


def test_note_rule_is_per_agency(world, tmp_path):
    fresh, security, clock, person_id = world
    social = login(fresh.path, "officer_social")
    NotesService(social).write_note("Socialtjänstens anteckning", person_id=person_id)
    social.lock()
    clock.advance(days=KEEP + 1)
    security.retention.run()
    assert _count(fresh.admin, Note) == 1  # only the police note was due


def test_persons_listed_for_review_not_deleted(world):
    fresh, security, clock, person_id = world
    clock.advance(days=KEEP * 2 - 1)
    assert security.retention.persons_for_review() == []
    clock.advance(days=2)
    result = security.retention.run()
    assert result.for_review == 1
    (row,) = security.retention.persons_for_review()
    assert row.person_id == person_id
    assert _count(fresh.admin, Person) == 1
    security.reauth.confirm(PASSWORD)
    security.retention.delete_reviewed_persons([person_id])
    assert _count(fresh.admin, Person) == 0


def test_deleting_persons_needs_fresh_password(world):
    _, security, clock, person_id = world
    clock.advance(minutes=6)
    with pytest.raises(ReauthenticationRequired):
        security.retention.delete_reviewed_persons([person_id])


def test_run_if_due_once_a_day(world):
    _, security, clock, _ = world
    assert security.retention.run_if_due() is not None
    assert security.retention.run_if_due() is None
    clock.advance(days=1)
    assert security.retention.run_if_due() is not None


def test_rules_need_administrator_and_legal_text(world):
    fresh, security, _, _ = world
    with pytest.raises(ValidationError):
        security.retention.save_rule(RetentionCategory.NOTE, None, 10, " ")
    coordinator = login(fresh.path, "coordinator_police")
    with pytest.raises(PermissionDenied):
        SecurityServices.build(coordinator).retention.run()
    coordinator.lock()


def test_deleting_person_deletes_records_merged_into_it(world):
    """Records merged into a deleted person go with it, recursively; none is revived."""
    fresh, security, _, person_id = world
    start = utcnow()
    with UnitOfWork(fresh.admin, "Dubbletter") as uow:
        middle = Person(first_name="Dubblett", last_name="Ett", merged_into_id=person_id)
        uow.session.add(middle)
        uow.session.flush()
        oldest = Person(first_name="Dubblett", last_name="Två", merged_into_id=middle.id)
        uow.session.add(oldest)
        uow.session.flush()
        uow.session.add(
            Visit(person_id=oldest.id, starts_at=start, ends_at=start + dt.timedelta(hours=1))
        )
        other = Person(first_name="Annan", last_name="Person")
        uow.session.add(other)
    assert _count(fresh.admin, Person) == 4
    security.reauth.confirm(PASSWORD)
    security.retention.delete_reviewed_persons([person_id])
    with fresh.admin.read_session() as session:
        left = session.execute(select(Person.first_name, Person.merged_into_id)).all()
    assert left == [("Annan", None)]
    assert _count(fresh.admin, Visit) == 0


def test_visit_cutoff_compares_stockholm_wall_time(tmp_path):
    """Visit starts are Stockholm wall time; the UTC deadline is converted before comparing."""
    fresh = fresh_with_users(tmp_path)
    now = dt.datetime(2026, 3, 2, 9, 0)  # UTC; 10:00 in Stockholm (CET)
    # 09:30 Stockholm = 08:30 UTC on the deadline day: half an hour past the deadline.
    due = dt.datetime(2026, 1, 31, 9, 30)
    # 10:30 Stockholm = 09:30 UTC: half an hour before the deadline.
    kept = dt.datetime(2026, 1, 31, 10, 30)
    with UnitOfWork(fresh.admin, "Data") as uow:
        person = Person(first_name="Gammal", last_name="Person")
        uow.session.add(person)
        uow.session.flush()
        for start in (due, kept):
            uow.session.add(
                Visit(person_id=person.id, starts_at=start, ends_at=start + dt.timedelta(hours=1))
            )
    security = SecurityServices.build(fresh.admin, clock=FakeClock(now))
    security.retention.save_rule(RetentionCategory.VISIT, None, KEEP, "PDL 2 kap.")
    assert security.retention.run().counts[RetentionCategory.VISIT] == 1
    with fresh.admin.read_session() as session:
        assert list(session.scalars(select(Visit.starts_at))) == [kept]
    fresh.admin.lock()


def _statements(store) -> list[str]:
    """Every SQL statement the store's connections run from now on."""
    seen: list[str] = []
    store.engine.dispose()

    def trace(dbapi_connection, _record) -> None:
        dbapi_connection.set_trace_callback(seen.append)

    event.listen(store.engine, "connect", trace)
    return seen


def test_daily_run_does_not_rebuild_the_file_but_the_administrators_run_does(world):
    # The daily run happens while people work: a VACUUM would hold the write lock for
    # the whole file. Only an administrator's explicit run compacts.
    fresh, security, clock, _ = world
    clock.advance(days=KEEP, seconds=1)
    seen = _statements(fresh.admin)
    result = security.retention.run_if_due()
    assert result is not None and result.counts[RetentionCategory.NOTE] == 1
    assert not any("VACUUM" in s.upper() for s in seen)
    assert not any("TRUNCATE" in s.upper() for s in seen)
    clock.advance(days=1)
    security.retention.run()
    assert any(s.strip().upper() == "VACUUM" for s in seen)
