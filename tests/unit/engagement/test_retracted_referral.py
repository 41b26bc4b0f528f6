"""A referral retracted by an outcome correction cannot be advanced (issue 17, found by
the model test: a referral list still on screen advanced it, and the step opened a new
follow-up task for a referral that counts nowhere)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.models import ReferralStatus, VisitStatus
from desktop.services.engagement import build_engagement
from desktop.services.errors import NotFound
from desktop.services.operations.rows import MessagePart, OutcomeInput
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    PLANNED_AT,
    START,
    make_field,
    planned_operation,
)


@pytest.fixture
def field(tmp_path, clock):
    f = make_field(tmp_path)
    planned_operation(f)
    clock.set(PLANNED_AT)  # the evening before the period
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: outcomes can be recorded
    yield f
    f.store.lock()


def _rows(field, sql: str) -> list[tuple]:
    with field.store.read_session() as s:
        return [tuple(r) for r in s.execute(text(sql)).all()]


def test_a_retracted_referral_is_not_advanced_and_gets_no_task(field):
    out = field.services.outcomes
    row = field.services.visits.calendar(START, END, field.operation_id)[0]
    visit = out.detail(row.visit_id)
    out.record(
        visit.visit_id,
        visit.version,
        OutcomeInput(
            VisitStatus.MET,
            parts=frozenset({MessagePart.HELP}),
            support_offered=True,
            support_accepted=True,
            support_service_id=field.service_id,
        ),
    )
    [(rid, version)] = _rows(field, "SELECT id, version FROM referral")
    visit = out.detail(visit.visit_id)
    out.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.REFUSED))  # retracts it
    [(retracted,)] = _rows(field, f"SELECT retracted_at FROM referral WHERE id = {rid}")
    assert retracted is not None
    [(version,)] = _rows(field, f"SELECT version FROM referral WHERE id = {rid}")

    referrals = build_engagement(field.store).referrals
    with pytest.raises(NotFound):
        referrals.advance(rid, version, ReferralStatus.REFERRED, START)

    assert _rows(field, f"SELECT status FROM referral WHERE id = {rid}") == [("accepted",)]
    assert _rows(
        field, f"SELECT count(*) FROM task WHERE referral_id = {rid} AND status = 'open'"
    ) == [(0,)]
