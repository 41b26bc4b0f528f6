"""Every visit of an operation lies within its period (I19, issue 17): shortening the
period drops the proposals outside it and is refused while a planned visit lies outside."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop.messages import error_words
from desktop.models import VisitStatus
from desktop.services.errors import ValidationError
from desktop.services.invariants import check_invariants
from desktop.services.operations.rows import OperationInput
from desktop.services.uow import UnitOfWork
from tests.unit.operations.factories import END, START, make_field, planned_operation, visits

SHORTER = START + dt.timedelta(days=6)  # the first Sunday: the second week falls out


def _edit(f, op_id: int, first: dt.date, last: dt.date):
    row = f.services.operations.get(op_id)
    return f.services.operations.update(
        op_id, row.version, OperationInput(row.name, first, last, row.purpose)
    )


def test_a_shorter_period_is_refused_while_planned_visits_lie_outside(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)
    f.services.planning.propose(op_id)
    f.services.planning.accept(op_id)
    before = visits(f.store, op_id)
    outside = [start for *_, start in before if start.date() > SHORTER]
    assert outside
    with pytest.raises(ValidationError) as refused:
        _edit(f, op_id, START, SHORTER)
    error = refused.value
    assert error.code == "operation.visits_outside_period"
    assert error.params["count"] == len(outside)
    days = sorted({start.date() for start in outside})
    assert error.params["days"] == ", ".join(d.isoformat() for d in days)
    sentence = error_words(error)
    assert sentence is not None and f"{len(outside)} besök" in sentence
    assert days[0].isoformat() in sentence
    # Nothing changed: the period and every visit are as they were.
    assert f.services.operations.get(op_id).end_date == END
    assert visits(f.store, op_id) == before
    # A later start cuts the first days off just the same.
    with pytest.raises(ValidationError, match=r"^operation\.visits_outside_period$"):
        _edit(f, op_id, START + dt.timedelta(days=1), END)
    f.store.lock()


def test_proposals_outside_a_shorter_period_are_dropped(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)
    f.services.planning.propose(op_id)
    proposed = visits(f.store, op_id)
    outside = {vid for vid, _, _, start in proposed if start.date() > SHORTER}
    assert outside
    changes = _edit(f, op_id, START, SHORTER)
    assert changes.ids_of("visit") == outside
    left = visits(f.store, op_id)
    assert {v[0] for v in left} == {v[0] for v in proposed} - outside
    assert all(start.date() <= SHORTER for *_, start in left)
    assert f.services.operations.get(op_id).end_date == SHORTER
    f.store.lock()


def test_a_cancelled_visit_stays_as_history_and_is_not_restored_outside(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)
    f.services.planning.propose(op_id)
    f.services.planning.accept(op_id)
    late = [vid for vid, _, _, start in visits(f.store, op_id) if start.date() > SHORTER]
    for vid in late:
        f.services.visits.cancel_visit(vid, "Insatsen avslutas tidigare")
    _edit(f, op_id, START, SHORTER)
    statuses = {vid: status for vid, _, status, _ in visits(f.store, op_id)}
    assert {statuses[v] for v in late} == {VisitStatus.CANCELLED}
    with pytest.raises(ValidationError, match=r"^visit\.restore_outside_operation$"):
        f.services.visits.restore_visit(late[0])
    with f.store.read_session() as session:
        assert [v for v in check_invariants(session) if v.code == "I19"] == []
    f.store.lock()


def test_the_check_names_a_visit_outside_its_period(tmp_path):
    f = make_field(tmp_path)
    op_id = planned_operation(f)
    f.services.planning.propose(op_id)
    f.services.planning.accept(op_id)
    vid, _, _, start = max(visits(f.store, op_id), key=lambda v: v[3])
    # As an earlier version (or an edit outside the app) could have left it.
    with UnitOfWork(f.store, "Testdata") as uow:
        uow.session.execute(
            text("UPDATE operation SET end_date = :day WHERE id = :op"),
            {"day": start.date() - dt.timedelta(days=1), "op": op_id},
        )
    with f.store.read_session() as session:
        found = [v for v in check_invariants(session) if v.code == "I19"]
    assert [dict(v.params) for v in found if v.params["visit"] == vid] == [
        {"visit": vid, "day": start.date(), "operation": op_id}
    ]
    assert found[0].message.startswith("Besök ")
    f.store.lock()
