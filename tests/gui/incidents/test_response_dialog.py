"""Planera respons: the proposal shown part by part, accepted through the service, and
what it refused listed; declining (issue 20)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.models import ResponseStatus
from desktop.views.incidents.response_dialog import ResponseDialog
from tests.gui.incidents.conftest import TODAY
from tests.unit.incidents.factories import shooting


def _dialog(qtbot, session, world, incident_id):
    teams = session.services.operations.visits.calendar_teams()
    dialog = ResponseDialog(
        session.incidents.responses,
        incident_id,
        "5000-K2-26",
        "Skottlossning 5000-K2-26",
        teams,
        chosen_teams=world.teams,
        hub=session.hub,
        today=TODAY,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_propose_then_accept_every_part(qtbot, world, as_user):
    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(shooting(world, reference="5000-K2-26"))
    dialog = _dialog(qtbot, session, world, incident_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.first_day  # the first field
    assert not any(b.isDefault() for b in (dialog.accept_button, dialog.propose_button))
    assert not dialog.accept_button.isEnabled()  # nothing to accept before a proposal
    checked = [
        dialog.teams.item(n).checkState() == Qt.CheckState.Checked
        for n in range(dialog.teams.count())
    ]
    assert checked.count(True) == 2
    dialog.propose()
    proposal = dialog.proposal
    assert proposal is not None and proposal.status is ResponseStatus.PROPOSED
    # The involved groups A and B (3 active members each, the one in custody and the one
    # who left excluded) and no rival beyond them: six persons.
    assert dialog.targets.rowCount() == len(proposal.targets) == 6
    groups = {dialog.targets.data(dialog.targets.index(r, 1)) for r in range(6)}
    assert groups == {"Grupp A", "Grupp B"}
    assert dialog.summary.text().startswith(f"{proposal.proposed_visits} besök föreslagna")
    assert "Ökat fokus för Grupp A" in dialog.sanction_text.text()
    assert "5000-K2-26" in dialog.tasks_text.text()
    assert all(b.isChecked() for b in (dialog.round_part, dialog.sanction_part, dialog.tasks_part))
    dialog.accept_parts()
    decision = dialog.decision
    assert decision is not None
    assert decision.accepted + len(decision.refused) == proposal.proposed_visits
    assert dialog.outcome_text.text().startswith(f"Godkänt: {decision.accepted} akuta besök")
    for refused in decision.refused:
        assert f"• {refused.person} {refused.starts_at:%Y-%m-%d %H:%M}: " in (
            dialog.outcome_text.text()
        )
    assert not dialog.accept_button.isEnabled()
    assert any(c.touches("incident_response") for c in session.published)
    (row,) = session.incidents.responses.responses(incident_id)
    assert row.status is ResponseStatus.ACCEPTED


def test_no_part_chosen_is_refused_in_words(qtbot, world, as_user):
    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(shooting(world, reference="5000-K3-26"))
    dialog = _dialog(qtbot, session, world, incident_id)
    dialog.propose()
    for box in (dialog.round_part, dialog.sanction_part, dialog.tasks_part):
        box.setChecked(False)
    dialog.accept_parts()
    assert dialog.decision is None
    assert "minst en del" in dialog.error.text()


def test_a_part_left_out_is_not_made(qtbot, world, as_user):
    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(shooting(world, reference="5000-K6-26"))
    dialog = _dialog(qtbot, session, world, incident_id)
    dialog.propose()
    dialog.sanction_part.setChecked(False)  # the round and the tasks, no sanction period
    dialog.accept_parts()
    decision = dialog.decision
    assert decision is not None
    assert decision.sanction_ids == () and len(decision.task_ids) > 0
    assert "0 sanktionsperioder" in dialog.outcome_text.text()


def test_decline_with_a_reason(qtbot, world, as_user, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(shooting(world, reference="5000-K4-26"))
    dialog = _dialog(qtbot, session, world, incident_id)
    dialog.propose()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Redan hanterat", True))
    dialog.decline()
    assert dialog.outcome_text.text() == "Förslaget avböjdes."
    (row,) = session.incidents.responses.responses(incident_id)
    assert row.status is ResponseStatus.DECLINED
    assert row.decline_reason == "Redan hanterat"


def test_a_refused_proposal_says_why_in_the_dialog(qtbot, world, as_user):
    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(shooting(world, reference="5000-K5-26"))
    dialog = _dialog(qtbot, session, world, incident_id)
    dialog.first_day.setDate(dialog.first_day.date().addDays(-3))  # before tomorrow
    dialog.propose()
    assert dialog.proposal is None
    assert dialog.error.text()


def test_the_teams_offered_and_chosen_first():
    import datetime as dt

    from desktop.models import OperationStatus
    from desktop.services.operations.rows import OperationRow
    from desktop.services.planning.rows import CalendarTeam
    from desktop.views.incidents.page import team_choices

    def op(id_, start, end, teams):
        return OperationRow(
            id_, 1, f"Op {id_}", start, end, "", OperationStatus.ACTIVE, 0, teams, 0, 0
        )

    today = dt.date(2026, 6, 8)
    ops = [
        op(1, dt.date(2026, 1, 1), dt.date(2026, 3, 1), 2),  # over: not offered
        op(2, dt.date(2026, 6, 1), dt.date(2026, 6, 20), 3),  # under way, most teams
        op(3, dt.date(2026, 6, 5), dt.date(2026, 6, 9), 1),  # under way, one team
        op(4, dt.date(2026, 7, 1), dt.date(2026, 7, 9), 2),  # to come: offered only
    ]
    teams = [CalendarTeam(10 * o.id + n, f"Team {n}", n, o.id, o.name) for o in ops for n in (1, 2)]
    shown, chosen = team_choices(teams, ops, today)
    assert {t.operation_id for t in shown} == {2, 3, 4}
    assert chosen == [21, 22]
