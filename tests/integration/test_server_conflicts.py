"""Two workstations save the same person or visit: the conflict dialog, on the server."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.models import Role, VisitStatus
from desktop.services.bundle import build_services
from desktop.services.conflicts import reload_for_conflict
from desktop.services.errors import ConflictError
from desktop.services.mapping.rows import PersonInput
from desktop.services.operations.rows import OutcomeInput
from desktop.views.persons.person_dialog import PersonDialog
from desktop.views.server.conflict_dialog import (
    OUTCOME_LABELS,
    PERSON_LABELS,
    ConflictDialog,
    resolve_conflict,
)
from tests.integration import pg
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    PLANNED_AT,
    START,
    make_field,
    planned_operation,
)


@pytest.fixture
def two_desks(tmp_path, pg_server):
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    first = build_services(pg.pg_login(fresh.path, "coordinator_social"))
    second = build_services(pg.pg_login(fresh.path, "coordinator_social"))
    person_id = next(
        iter(first.mapping.persons.create(PersonInput("Adam", "Berg")).ids_of("person"))
    )
    yield first, second, person_id
    pg.REGISTRY.close()


def _edit(services, person_id, **changes):
    profile = services.mapping.persons.profile(person_id)
    base = PersonInput(profile.first_name, profile.last_name, priority=profile.priority)
    return profile, dataclasses.replace(base, **changes)


def test_the_second_save_does_not_overwrite_and_the_user_merges_per_field(two_desks, qtbot):
    first, second, person_id = two_desks
    persons_b = second.mapping.persons
    profile_b, mine = _edit(second, person_id, phone="070-123 45 67", last_name="Bergh")
    _, theirs_input = _edit(first, person_id, priority=1, last_name="Berg-Ali")
    first.mapping.persons.update(person_id, profile_b.version, theirs_input)
    with pytest.raises(ConflictError):
        persons_b.update(person_id, profile_b.version, mine)
    stored = reload_for_conflict(second.store, "person", person_id)
    assert stored.version == profile_b.version + 1
    assert stored.values["last_name"] == "Berg-Ali" and stored.values["priority"] == 1

    seen: list[ConflictDialog] = []

    def ask(dialog: ConflictDialog) -> bool:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        # Both versions, field by field, only where they differ.
        assert dialog.fields == ["last_name", "priority", "phone"]
        dialog.choose("priority", theirs_side=True)
        dialog.choose("last_name", theirs_side=True)
        dialog.save_button.click()
        return True

    changes = resolve_conflict(
        None,
        second.store,
        "person",
        person_id,
        mine,
        lambda merged, version: persons_b.update(person_id, version, merged),
        PERSON_LABELS,
        ask,
    )
    assert changes is not None and changes.touches("person") and len(seen) == 1
    final = persons_b.profile(person_id)
    assert (final.last_name, final.priority, final.phone) == ("Berg-Ali", 1, "070-123 45 67")
    assert final.version == profile_b.version + 2


def test_keep_theirs_leaves_the_stored_record_untouched(two_desks, qtbot):
    first, second, person_id = two_desks
    profile_b, mine = _edit(second, person_id, source="Polisens lägesbild")
    _, theirs_input = _edit(first, person_id, priority=3)
    first.mapping.persons.update(person_id, profile_b.version, theirs_input)

    def ask(dialog: ConflictDialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.keep_theirs_button.click()
        return dialog.result() == ConflictDialog.DialogCode.Accepted

    saves: list[object] = []
    resolve_conflict(
        None,
        second.store,
        "person",
        person_id,
        mine,
        lambda m, v: saves.append(m),
        PERSON_LABELS,
        ask,
    )  # type: ignore[func-returns-value]
    assert saves == []
    assert second.mapping.persons.profile(person_id).priority == 3


def test_the_person_dialog_opens_the_conflict_dialog(two_desks, qtbot, monkeypatch):
    first, second, person_id = two_desks
    profile_b = second.mapping.persons.profile(person_id)
    dialog = PersonDialog(second.mapping.persons, profile_b)
    qtbot.addWidget(dialog)
    dialog.fields["phone"].setText("070-765 43 21")  # type: ignore[attr-defined]
    _, theirs_input = _edit(first, person_id, priority=1)
    first.mapping.persons.update(person_id, profile_b.version, theirs_input)

    def keep_mine(self) -> int:  # type: ignore[no-untyped-def]
        assert "phone" in self.fields and "priority" in self.fields
        self.keep_mine_button.click()
        return ConflictDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", keep_mine)
    dialog.save()
    assert dialog.changes.touches("person")
    final = second.mapping.persons.profile(person_id)
    # "Keep mine" is the whole edit, priority included: a choice, never a silent loss.
    assert final.phone == "070-765 43 21" and final.priority == profile_b.priority


def test_visit_outcome_conflict_between_two_team_leads(tmp_path, on_postgres, qtbot, clock):
    field = make_field(tmp_path)
    planned_operation(field)
    clock.set(PLANNED_AT)  # the evening before the period
    field.services.planning.propose(field.operation_id)
    field.services.planning.accept(field.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: outcomes can be recorded
    row = field.services.visits.calendar(START, START + dt.timedelta(days=14))[0]
    other = build_services(pg.pg_login(field.path, "coordinator_social")).operations
    seen = field.services.outcomes.detail(row.visit_id)
    other.outcomes.record(row.visit_id, seen.version, OutcomeInput(VisitStatus.NOT_HOME))
    mine = OutcomeInput(VisitStatus.MET, response="Lyssnade")
    with pytest.raises(ConflictError):
        field.services.outcomes.record(row.visit_id, seen.version, mine)

    def ask(dialog: ConflictDialog) -> bool:
        qtbot.addWidget(dialog)
        assert dialog.fields == ["status", "response"]
        dialog.keep_mine_button.click()
        return True

    resolve_conflict(
        None,
        field.store,
        "visit",
        row.visit_id,
        mine,
        lambda merged, version: field.services.outcomes.record(row.visit_id, version, merged),
        OUTCOME_LABELS,
        ask,
    )
    final = field.services.outcomes.detail(row.visit_id)
    assert final.status is VisitStatus.MET and final.version == seen.version + 2
