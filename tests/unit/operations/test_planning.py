import datetime as dt

import pytest

from desktop.models import VisitStatus
from desktop.services.errors import ValidationError
from desktop.services.operations.planning import PlanningService
from desktop.services.planning.conflicts import ConflictCode
from desktop.services.planning.request import UnplacedReason
from tests.unit.operations.factories import END, START, make_field, planned_operation, visits


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    yield f
    f.store.lock()


def test_plan_stored_as_proposed_then_accepted(field):
    op_id = planned_operation(field)
    summary = field.services.planning.propose(op_id)
    assert summary.proposed + len(summary.unplaced) == 12
    assert summary.proposed >= 10 and not summary.warnings
    stored = visits(field.store, op_id)
    assert len(stored) == summary.proposed
    assert {status for *_, status, _ in stored} == {VisitStatus.PROPOSED}
    assert all(START <= start.date() <= END for *_, start in stored)
    assert field.services.operations.get(op_id).proposed_count == summary.proposed
    field.services.planning.accept(op_id)
    assert {status for *_, status, _ in visits(field.store, op_id)} == {VisitStatus.PLANNED}
    with pytest.raises(ValidationError):
        field.services.planning.accept(op_id)


def test_rerun_replaces_only_proposed(field):
    op_id = planned_operation(field)
    field.services.planning.propose(op_id)
    field.services.planning.accept(op_id)
    accepted = visits(field.store, op_id)
    field.services.operations.add_targets(op_id, [])  # nothing new yet
    # A person without a visit: remove one accepted visit's target and add it back.
    person = accepted[0][1]
    field.services.visits.cancel_visit(accepted[0][0])
    # Planned the morning the operation starts: a running one is planned from tomorrow on.
    planning = PlanningService(field.store, clock=lambda: dt.datetime.combine(START, dt.time(7)))
    summary = planning.propose(op_id, seed=3)
    after = visits(field.store, op_id)
    kept = [v for v in after if v[2] is not VisitStatus.PROPOSED]
    assert [v[0] for v in kept] == [v[0] for v in accepted]
    new = [v for v in after if v[2] is VisitStatus.PROPOSED]
    assert [v[1] for v in new] == [person] and summary.proposed == 1
    again = planning.propose(op_id, seed=4)
    final = visits(field.store, op_id)
    assert again.proposed == 1 and len(final) == len(after)
    assert [v[0] for v in final if v[2] is not VisitStatus.PROPOSED] == [v[0] for v in kept]


def test_plan_without_teams_is_refused(field):
    from desktop.services.operations.rows import OperationInput

    op_id, _ = field.services.operations.create(OperationInput("Tom", START, END))
    field.services.operations.add_targets(op_id, field.persons[:2])
    with pytest.raises(ValidationError, match=r"^plan\.no_teams$"):
        field.services.planning.propose(op_id)


def test_move_with_conflicts_then_apply(field):
    op_id = planned_operation(field)
    field.services.planning.propose(op_id)
    field.services.planning.accept(op_id)
    svc = field.services.visits
    rows = svc.calendar(START, END, op_id)
    first = rows[0]
    midsummer_eve = dt.datetime(2026, 6, 19, 10)
    codes = {c.code for c in svc.check_move(first.visit_id, midsummer_eve, None)}
    assert ConflictCode.HOLIDAY in codes
    late = dt.datetime.combine(first.start.date(), dt.time(21))
    codes = {c.code for c in svc.check_move(first.visit_id, late, None)}
    assert ConflictCode.OUTSIDE_WORKING_HOURS in codes
    clean = dt.datetime(2026, 6, 16, 8)
    changes = svc.move_visit(first.visit_id, clean, None)
    assert changes.ids_of("visit") == {first.visit_id}
    moved = {v.visit_id: v for v in svc.calendar(START, END, op_id)}[first.visit_id]
    assert moved.start == clean and moved.end - moved.start == first.end - first.start


def test_cancel_and_restore(field):
    op_id = planned_operation(field)
    field.services.planning.propose(op_id)
    visit_id = visits(field.store, op_id)[0][0]
    svc = field.services.visits
    svc.cancel_visit(visit_id)
    assert visits(field.store, op_id)[0][2] is VisitStatus.CANCELLED
    svc.restore_visit(visit_id, VisitStatus.PROPOSED)
    assert visits(field.store, op_id)[0][2] is VisitStatus.PROPOSED


def test_revisit_after_not_home(field, clock):
    from desktop.services.operations.rows import OutcomeInput

    op_id = planned_operation(field)
    field.services.planning.propose(op_id)
    field.services.planning.accept(op_id)
    first = field.services.visits.calendar(START, END, op_id)[0]
    detail = field.services.outcomes.detail(first.visit_id)
    with pytest.raises(ValidationError):
        field.services.planning.suggest_revisit(first.visit_id)
    clock.set(first.start)  # the visit has begun: its outcome can be recorded
    field.services.outcomes.record(
        first.visit_id, detail.version, OutcomeInput(VisitStatus.NOT_HOME, leave_behind=True)
    )
    planning = PlanningService(field.store, clock=lambda: first.start)
    suggestion, changes = planning.suggest_revisit(first.visit_id)
    if suggestion.visit_id is None:
        assert suggestion.reason in set(UnplacedReason)
    else:
        assert suggestion.start is not None and suggestion.start.date() > first.start.date()
        assert changes.ids_of("visit") == {suggestion.visit_id}
        stored = {v[0]: v for v in visits(field.store, op_id)}[suggestion.visit_id]
        assert stored[2] is VisitStatus.PROPOSED


def test_calendar_rows_for_range_and_filters(field):
    op_id = planned_operation(field)
    field.services.planning.propose(op_id)
    svc = field.services.visits
    all_rows = svc.calendar(START, END)
    team = svc.calendar_teams(op_id)[0]
    mine = svc.calendar(START, END, op_id, team.team_id)
    assert mine and all(r.team_id == team.team_id and r.team_name == team.name for r in mine)
    assert len(mine) < len(all_rows)
    assert svc.calendar(END + dt.timedelta(days=1), END + dt.timedelta(days=5)) == []
    assert all(r.person_label.startswith("Förnamn") for r in all_rows)


def _accepted_rows(field):
    op_id = planned_operation(field)
    field.services.planning.propose(op_id)
    field.services.planning.accept(op_id)
    return op_id, field.services.visits.calendar(START, END, op_id)


def test_stale_move_cancel_and_restore_are_refused(field):
    """Edits carry the version the user saw; another workstation's change wins."""
    from desktop.services.errors import ConflictError

    op_id, rows = _accepted_rows(field)
    svc = field.services.visits
    seen = rows[0]
    # Another workstation moves the visit first.
    svc.move_visit(seen.visit_id, dt.datetime(2026, 6, 16, 8), None, version=seen.version)
    with pytest.raises(ConflictError):
        svc.move_visit(seen.visit_id, dt.datetime(2026, 6, 17, 9), None, version=seen.version)
    with pytest.raises(ConflictError):
        svc.cancel_visit(seen.visit_id, version=seen.version)
    current = {v.visit_id: v for v in svc.calendar(START, END, op_id)}[seen.visit_id]
    assert current.start == dt.datetime(2026, 6, 16, 8) and current.version > seen.version
    svc.cancel_visit(seen.visit_id, version=current.version)
    with pytest.raises(ConflictError):
        svc.restore_visit(seen.visit_id, VisitStatus.PLANNED, version=current.version)


def test_visit_with_outcome_cannot_be_cancelled_or_restored(field):
    from desktop.models import Visit
    from desktop.services.uow import UnitOfWork

    op_id, rows = _accepted_rows(field)
    visit_id = rows[0].visit_id
    with UnitOfWork(field.store, "Utfall") as uow:
        uow.session.get(Visit, visit_id).status = VisitStatus.MET
    svc = field.services.visits
    with pytest.raises(ValidationError, match=r"^visit\.cancel_only_open$"):
        svc.cancel_visit(visit_id)
    with pytest.raises(ValidationError, match=r"^visit\.restore_only_cancelled$"):
        svc.restore_visit(visit_id, VisitStatus.PLANNED)
    assert {v[0]: v[2] for v in visits(field.store, op_id)}[visit_id] is VisitStatus.MET
