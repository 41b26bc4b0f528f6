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
