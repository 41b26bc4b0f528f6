"""A running operation is never planned into the past (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import VisitStatus
from desktop.services.errors import ValidationError
from desktop.services.operations.planning import PlanningService
from tests.unit.operations.factories import END, START, make_field, planned_operation, visits


def test_running_operation_is_planned_from_tomorrow(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)
    f.services.planning.propose(op_id)
    f.services.planning.accept(op_id)
    planned = visits(f.store, op_id)
    # Four visits turn out not to happen; the coordinator re-plans in the second week.
    for vid, *_ in planned[:4]:
        f.services.visits.cancel_visit(vid)
    now = dt.datetime.combine(START + dt.timedelta(days=7), dt.time(15))
    summary = PlanningService(f.store, clock=lambda: now).propose(op_id, seed=1)
    new = [v for v in visits(f.store, op_id) if v[2] is VisitStatus.PROPOSED]
    assert summary.proposed == len(new) and new
    assert all(start.date() > now.date() for *_, start in new), new
    # After the period there is nothing left to plan: said in one sentence.
    after = dt.datetime.combine(END, dt.time(18))
    with pytest.raises(ValidationError, match=r"^plan\.period_over$"):
        PlanningService(f.store, clock=lambda: after).propose(op_id)
    f.store.lock()


def test_a_draft_whose_period_has_begun_is_planned_from_tomorrow(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)  # a draft: nothing accepted yet
    now = dt.datetime.combine(START + dt.timedelta(days=3), dt.time(15))  # Thursday
    PlanningService(f.store, clock=lambda: now).propose(op_id, seed=1)
    proposed = [v for v in visits(f.store, op_id) if v[2] is VisitStatus.PROPOSED]
    assert proposed
    assert [start for *_, start in proposed if start.date() <= now.date()] == []
    f.store.lock()


def test_acceptance_refuses_and_lists_the_visits_that_have_begun(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)
    evening_before = dt.datetime.combine(START - dt.timedelta(days=1), dt.time(18))
    PlanningService(f.store, clock=lambda: evening_before).propose(op_id, seed=1)
    # The proposal lies on the desk until Wednesday noon: Monday's to Wednesday
    # morning's visits have begun, so they are refused by name and time; the rest pass.
    now = dt.datetime.combine(START + dt.timedelta(days=2), dt.time(12))
    begun = {vid for vid, _, _, start in visits(f.store, op_id) if start < now}
    assert begun
    result = PlanningService(f.store, clock=lambda: now).accept(op_id)
    assert {r.visit_id for r in result.refused} == begun
    assert {r.reason for r in result.refused} == {"refusal.past"}
    assert all(r.person and r.starts_at < now for r in result.refused)
    statuses = {vid: status for vid, _, status, _ in visits(f.store, op_id)}
    assert {statuses[v] for v in begun} == {VisitStatus.PROPOSED}
    assert result.accepted == len(statuses) - len(begun)
    f.store.lock()
