"""Outcomes only for visits whose time has come, or said to be recorded in advance
(audited); a recorded outcome can be undone, taking back what it created (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from desktop.models import AuditEntry, VisitStatus
from desktop.services.errors import ValidationError
from desktop.services.operations.outcomes import OutcomeService
from desktop.services.operations.rows import MessagePart, OutcomeInput
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    START,
    make_field,
    planned_operation,
)

BEFORE_THE_OPERATION = dt.datetime.combine(START, dt.time(7))
MET_AND_ACCEPTED = dict(
    parts=frozenset({MessagePart.NOT_SUSPECTED}),
    support_offered=True,
    support_accepted=True,
)


@pytest.fixture
def field(tmp_path, clock):
    f = make_field(tmp_path)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: its outcomes can be recorded
    yield f
    f.store.lock()


def _audit(field, action: str) -> list[str]:
    with field.store.read_session() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == action)))


def _count(field, sql: str) -> int:
    with field.store.read_session() as s:
        return int(s.execute(text(sql)).scalar_one())


def test_outcome_for_a_visit_not_yet_begun_is_refused_unless_recorded_in_advance(field):
    early = OutcomeService(field.store, clock=lambda: BEFORE_THE_OPERATION)
    row = field.services.visits.calendar(START, END, field.operation_id)[-1]
    visit = early.detail(row.visit_id)
    with pytest.raises(ValidationError, match=r"^outcome\.visit_in_future$"):
        early.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.MET))
    assert early.detail(visit.visit_id).status is VisitStatus.PLANNED
    # Cancelling ahead of time is what cancelling is for.
    early.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.CANCELLED))
    visit = early.detail(visit.visit_id)
    early.record(
        visit.visit_id, visit.version, OutcomeInput(VisitStatus.MET, recorded_in_advance=True)
    )
    assert early.detail(visit.visit_id).status is VisitStatus.MET
    assert _audit(field, "visit.outcome.correct")[-1] == "cancelled->met;in_advance"


def test_undo_takes_the_outcome_and_what_it_created_back(field):
    out = field.services.outcomes
    row = field.services.visits.calendar(START, END, field.operation_id)[0]
    visit = out.detail(row.visit_id)
    out.record(
        visit.visit_id,
        visit.version,
        OutcomeInput(
            VisitStatus.MET,
            support_service_id=field.service_id,
            follow_up_title="Ring honom",
            follow_up_due=END,
            **MET_AND_ACCEPTED,
        ),
    )
    vid = visit.visit_id
    assert _count(field, f"SELECT count(*) FROM delivery WHERE visit_id = {vid}") == 1
    assert _count(field, f"SELECT count(*) FROM referral WHERE visit_id = {vid}") == 1
    visit = out.detail(vid)
    out.undo(vid, visit.version)
    after = out.detail(vid)
    assert after.status is VisitStatus.PLANNED and after.outcome_recorded_at is None
    assert not after.support_accepted and after.parts == frozenset()
    assert _count(field, f"SELECT count(*) FROM delivery WHERE visit_id = {vid}") == 0
    live = f"SELECT count(*) FROM referral WHERE visit_id = {vid} AND retracted_at IS NULL"
    assert _count(field, live) == 0
    assert (
        _count(field, f"SELECT count(*) FROM task WHERE visit_id = {vid} AND status = 'open'") == 0
    )
    assert _audit(field, "visit.outcome.undo") == ["met"]
    with pytest.raises(ValidationError, match=r"^outcome\.nothing_to_undo$"):
        out.undo(vid, after.version)
