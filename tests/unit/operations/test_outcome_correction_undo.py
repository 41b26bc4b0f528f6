"""A corrected outcome can be undone like a move (issue 17).

"Met, support accepted, follow-up" corrected to "refused" retracts the delivery, the
referral and the tasks; undoing the correction brings back the same referral (live
again), its task and the follow-up task (open again), the delivery and the figures,
takes back what the correction created, and is audited on its own. Expectations are
read here from the raw tables, never from the service.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from desktop.models import AuditEntry, VisitStatus
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.operations.outcome_correction import OutcomeCorrections
from desktop.services.operations.rows import MessagePart, OutcomeInput
from desktop.services.statistics.rows import Period
from desktop.services.statistics.service import StatisticsService
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    START,
    make_field,
    planned_operation,
)

PERIOD = Period(START, END)
ACCEPTED = dict(
    parts=frozenset({MessagePart.NOT_SUSPECTED, MessagePart.HELP}),
    support_offered=True,
    support_accepted=True,
    response="Lyssnade",
    follow_up_title="Ring mamman",
    follow_up_due=END,
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


def _rows(field, sql: str) -> list[tuple]:
    with field.store.read_session() as s:
        return [tuple(r) for r in s.execute(text(sql)).all()]


def _derived(field, vid: int) -> dict:
    """The visit's outcome and everything derived from it, from the raw rows."""
    return {
        "visit": _rows(
            field,
            "SELECT status, outcome_recorded_at, part_not_suspected, part_help, response, "
            f"support_offered, support_accepted FROM visit WHERE id = {vid}",
        ),
        "live_referrals": _rows(
            field,
            f"SELECT id, service_id, status FROM referral WHERE visit_id = {vid} "
            "AND retracted_at IS NULL",
        ),
        "open_tasks": _rows(
            field,
            f"SELECT id, title FROM task WHERE status = 'open' AND (visit_id = {vid} OR "
            f"referral_id IN (SELECT id FROM referral WHERE visit_id = {vid})) ORDER BY id",
        ),
        "deliveries": _rows(
            field,
            "SELECT person_id, delivered_on, part_not_suspected, part_help FROM delivery "
            f"WHERE visit_id = {vid}",
        ),
    }


def _accepted_figure(field) -> int:
    stats = StatisticsService(field.store, None)  # type: ignore[arg-type]
    return stats.figures(PERIOD).total.support_accepted


def _first_visit(field):
    rows = field.services.visits.calendar(START, END, field.operation_id)
    return field.services.outcomes.detail(rows[0].visit_id)


def test_undoing_a_correction_restores_the_outcome_and_what_it_derived(field):
    out = field.services.outcomes
    corrections = OutcomeCorrections(out)
    visit = _first_visit(field)
    vid = visit.visit_id
    accepted = OutcomeInput(VisitStatus.MET, support_service_id=field.service_id, **ACCEPTED)
    out.record(vid, visit.version, accepted)
    before = _derived(field, vid)
    assert len(before["live_referrals"]) == 1 and len(before["open_tasks"]) == 2
    assert len(before["deliveries"]) == 1 and _accepted_figure(field) == 1

    correction = corrections.correct(
        vid, out.detail(vid).version, OutcomeInput(VisitStatus.REFUSED)
    )
    corrected = _derived(field, vid)
    assert corrected["live_referrals"] == [] and corrected["open_tasks"] == []
    assert corrected["deliveries"] == [] and _accepted_figure(field) == 0

    corrections.undo(vid, out.detail(vid).version, correction.before)

    assert _derived(field, vid) == before  # the same referral and tasks, live and open
    assert _accepted_figure(field) == 1
    with field.store.read_session() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("visit.outcome%"))
        ).all()
        restored = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "referral.restore")
        ).all()
    assert actions[-2:] == ["visit.outcome.correct", "visit.outcome.correct.undo"]
    assert len(restored) == 1


def test_undo_takes_back_what_the_correction_created(field):
    """Refused corrected to met with support: the undo retracts the new referral and
    cancels the new tasks, and removes the delivery."""
    out = field.services.outcomes
    corrections = OutcomeCorrections(out)
    visit = _first_visit(field)
    vid = visit.visit_id
    out.record(vid, visit.version, OutcomeInput(VisitStatus.REFUSED, response="Nej"))
    before = _derived(field, vid)
    accepted = OutcomeInput(VisitStatus.MET, support_service_id=field.service_id, **ACCEPTED)
    correction = corrections.correct(vid, out.detail(vid).version, accepted)
    assert len(_derived(field, vid)["live_referrals"]) == 1

    corrections.undo(vid, out.detail(vid).version, correction.before)

    assert _derived(field, vid) == before
    assert _accepted_figure(field) == 0
    assert _rows(field, "SELECT count(*) FROM referral WHERE retracted_at IS NULL") == [(0,)]


def test_undo_of_a_correction_saved_over_is_refused(field):
    """Anything saved on the visit after the correction makes its undo a conflict, and
    a referral someone has taken further is never erased by an undo."""
    out = field.services.outcomes
    corrections = OutcomeCorrections(out)
    visit = _first_visit(field)
    vid = visit.visit_id
    out.record(vid, visit.version, OutcomeInput(VisitStatus.NOT_HOME))
    accepted = OutcomeInput(VisitStatus.MET, support_service_id=field.service_id, **ACCEPTED)
    correction = corrections.correct(vid, out.detail(vid).version, accepted)
    version = out.detail(vid).version
    [(rid, rversion)] = _rows(field, f"SELECT id, version FROM referral WHERE visit_id = {vid}")
    from desktop.models import ReferralStatus
    from desktop.services.engagement import build_engagement

    build_engagement(field.store).referrals.advance(rid, rversion, ReferralStatus.REFERRED, END)
    with pytest.raises(ValidationError):
        corrections.undo(vid, version, correction.before)
    assert _rows(field, f"SELECT status FROM visit WHERE id = {vid}") == [("met",)]
    # Someone saves the visit again (his response written down), keeping the referral.
    saved = dict(ACCEPTED, response="Ville prata mer")
    out.record(
        vid, version, OutcomeInput(VisitStatus.MET, support_service_id=field.service_id, **saved)
    )
    with pytest.raises(ConflictError):
        corrections.undo(vid, version, correction.before)
