"""What an outcome creates follows the outcome when it is corrected (issue 17).

"Met, support accepted" corrected to "refused" must take back the delivery, the accepted
referral and its open follow-up task, in one unit of work with its own audit entry, and
the statistics must drop the acceptance. Support offered at the door without a referral
counts as an offer. Expectations are counted here from the raw tables.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from desktop.models import AuditEntry, VisitStatus
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


@pytest.fixture
def field(tmp_path, clock):
    f = make_field(tmp_path)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: its outcomes can be recorded
    yield f
    f.store.lock()


def _count(field, sql: str) -> int:
    with field.store.read_session() as s:
        return int(s.execute(text(sql)).scalar_one())


def _stats(field):
    return StatisticsService(field.store, None).figures(PERIOD).total  # type: ignore[arg-type]


def _visits(field, n: int):
    rows = field.services.visits.calendar(START, END, field.operation_id)
    return [field.services.outcomes.detail(r.visit_id) for r in rows[:n]]


def test_correcting_accepted_support_to_refused_retracts_referral_task_and_figure(field):
    out = field.services.outcomes
    accepted = OutcomeInput(
        VisitStatus.MET,
        parts=frozenset({MessagePart.NOT_SUSPECTED}),
        support_offered=True,
        support_accepted=True,
        support_service_id=field.service_id,
    )
    first, second = _visits(field, 2)
    out.record(first.visit_id, first.version, accepted)
    out.record(second.visit_id, second.version, accepted)
    assert _stats(field).support_accepted == 2
    assert _count(field, "SELECT count(*) FROM referral") == 2
    assert _count(field, "SELECT count(*) FROM task WHERE status = 'open'") == 2

    visit = out.detail(first.visit_id)
    out.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.REFUSED))

    vid = visit.visit_id
    assert _count(field, f"SELECT count(*) FROM delivery WHERE visit_id = {vid}") == 0
    assert (
        _count(
            field, f"SELECT count(*) FROM referral WHERE visit_id = {vid} AND retracted_at IS NULL"
        )
        == 0
    )
    assert (
        _count(field, f"SELECT count(*) FROM task WHERE visit_id = {vid} AND status = 'open'") == 0
    )
    # No open task for a retracted referral.
    assert (
        _count(
            field,
            "SELECT count(*) FROM task t JOIN referral r ON r.id = t.referral_id "
            "WHERE t.status = 'open' AND r.retracted_at IS NOT NULL",
        )
        == 0
    )
    total = _stats(field)
    assert total.support_accepted == 1 and total.support_offered == 1
    with field.store.read_session() as s:
        actions = [
            a
            for (a,) in s.execute(
                select(AuditEntry.action).where(AuditEntry.action.like("visit.outcome%"))
            )
        ]
        retracted = s.scalar(select(func.count()).where(AuditEntry.action == "referral.retract"))
    assert actions.count("visit.outcome.correct") == 1 and retracted == 1


def test_correcting_follow_up_replaces_the_open_task(field):
    out = field.services.outcomes
    [visit] = _visits(field, 1)
    due = START + dt.timedelta(days=20)
    out.record(
        visit.visit_id,
        visit.version,
        OutcomeInput(VisitStatus.NOT_HOME, follow_up_title="Ring mamman", follow_up_due=due),
    )
    visit = out.detail(visit.visit_id)
    out.record(
        visit.visit_id,
        visit.version,
        OutcomeInput(VisitStatus.NOT_HOME, follow_up_title="Ring pappan", follow_up_due=due),
    )
    assert _count(field, "SELECT count(*) FROM task WHERE status = 'open'") == 1
    assert _count(field, "SELECT count(*) FROM task WHERE title = 'Ring pappan'") == 1


def test_door_offers_count_in_uptake(field):
    """11 visits offered support at the door, 5 of them accepted: offered is 11, not 5."""
    out = field.services.outcomes
    visits = _visits(field, 11)
    assert len(visits) == 11
    for n, visit in enumerate(visits):
        accepted = n < 5
        out.record(
            visit.visit_id,
            visit.version,
            OutcomeInput(
                VisitStatus.MET,
                support_offered=True,
                support_accepted=accepted,
                support_service_id=field.service_id if accepted else None,
            ),
        )
    offered_at_door = _count(
        field,
        "SELECT count(*) FROM visit v WHERE v.support_offered = true AND NOT EXISTS "
        "(SELECT 1 FROM referral r WHERE r.visit_id = v.id AND r.retracted_at IS NULL)",
    )
    referrals = _count(field, "SELECT count(*) FROM referral WHERE retracted_at IS NULL")
    total = _stats(field)
    assert (offered_at_door, referrals) == (6, 5)
    assert total.support_offered == 11 and total.support_accepted == 5
