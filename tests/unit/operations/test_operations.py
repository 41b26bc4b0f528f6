import datetime as dt

import pytest

from desktop.models import AgencyKind, PersonStatus, VisitStatus
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.operations import build_operations
from desktop.services.operations.rows import OperationInput, TargetFilter
from tests.factories import login
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    START,
    make_field,
    planned_operation,
)


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    yield f
    f.store.lock()


def test_create_and_list_operation(field):
    ops = field.services.operations
    op_id, changes = ops.create(OperationInput("  Insats juni ", START, END, "Budskapet"))
    assert changes.touches("operation")
    row = ops.get(op_id)
    assert (row.name, row.target_count, row.team_count) == ("Insats juni", 0, 0)
    with pytest.raises(ValidationError):
        ops.create(OperationInput("Bakvänd", END, START))
    ops.update(op_id, row.version, OperationInput("Insats juni v2", START, END))
    assert ops.get(op_id).name == "Insats juni v2"


def test_filter_counts_match_candidates(field):
    ops = field.services.operations
    everyone = ops.count_candidates(TargetFilter())
    assert everyone == 12
    group_a = TargetFilter(group_ids=frozenset({field.groups[0]}))
    assert ops.count_candidates(group_a) == 4
    area = TargetFilter(areas=frozenset({"Hyllie"}), statuses=frozenset({PersonStatus.ACTIVE}))
    found = ops.candidates(area)
    assert ops.count_candidates(area) == len(found)
    assert all(c.area == "Hyllie" and c.status is PersonStatus.ACTIVE for c in found)
    # Groups A and B are in an active conflict; C is not.
    assert ops.count_candidates(TargetFilter(active_conflict_only=True)) == 8
    assert ops.count_candidates(TargetFilter(min_priority=3)) == 4


def test_not_visited_in_last_days_and_exclusion(field, clock):
    ops = field.services.operations
    op_id = planned_operation(field)
    flt = TargetFilter(not_visited_days=90, exclude_operation_id=op_id)
    assert ops.count_candidates(flt) == 0
    assert ops.count_candidates(TargetFilter(not_visited_days=90)) == 12
    field.services.planning.propose(op_id)
    field.services.planning.accept(op_id)
    clock.set(AFTER_THE_PERIOD)
    visit = field.services.visits.calendar(START, END, op_id)[0]
    detail = field.services.outcomes.detail(visit.visit_id)
    from desktop.services.operations.rows import OutcomeInput

    field.services.outcomes.record(visit.visit_id, detail.version, OutcomeInput(VisitStatus.MET))
    today = visit.start.date() + dt.timedelta(days=1)
    assert ops.count_candidates(TargetFilter(not_visited_days=90), today) == 11


def test_team_flag_two_agencies(field):
    op_id, _ = field.services.operations.create(OperationInput("Insats", START, END))
    teams = field.services.teams
    teams.save_team(op_id, "Par", [field.police[0], field.social[0]])
    teams.save_team(op_id, "Bara polis", [field.police[1], field.police[2]])
    rows = {t.name: t for t in teams.teams(op_id)}
    assert rows["Par"].two_agency and not rows["Par"].missing
    assert not rows["Bara polis"].two_agency
    assert rows["Bara polis"].missing == (AgencyKind.SOCIAL,)
    assert field.services.operations.get(op_id).team_count == 2


def test_targets_and_removal(field):
    op_id = planned_operation(field)
    ops = field.services.operations
    assert len(ops.targets(op_id)) == 12
    ops.remove_targets(op_id, field.persons[:2])
    assert len(ops.targets(op_id)) == 10


def test_officer_cannot_edit_operations(tmp_path):
    f = make_field(tmp_path)
    f.store.lock()
    officer = login(f.path, "officer_police")
    try:
        with pytest.raises(PermissionDenied):
            build_operations(officer).operations.create(OperationInput("X", START, END))
    finally:
        officer.lock()
