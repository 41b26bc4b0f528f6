import pytest
from PySide6.QtCore import Qt

from desktop.models import VisitStatus
from desktop.views.operations.models import (
    CandidateTableModel,
    OperationTableModel,
    TargetTableModel,
    TeamTableModel,
)
from desktop.views.operations.page import OperationsPage
from tests.unit.operations.factories import visits

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot, field):
    view = OperationsPage(field.services, field.store.identity)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def test_page_opens_on_the_operation(page, field):
    assert page.model.rowCount() == 1
    assert page.title.text() == "Insats juni"
    assert page.targets.target_model.rowCount() == 12
    assert page.teams.model.rowCount() == 2
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Insats"


def test_filter_counts_as_you_choose(page, field, qtbot):
    tab = page.targets
    tab.set_operation(None)  # count everyone, not only those outside the operation
    tab.statuses.item(0).setCheckState(Qt.CheckState.Unchecked)
    tab.recount()
    assert tab.count.text().startswith("12")
    tab.conflict.setChecked(True)
    qtbot.waitUntil(lambda: tab.count.text().startswith("8"), timeout=2000)
    tab.show_candidates()
    assert tab.candidate_model.rowCount() == 8


def test_team_without_social_services_is_flagged(page, field):
    teams = page.teams
    teams.new_team()
    police = {field.police[2], field.police[3]}
    for i in range(teams.staff.count()):
        item = teams.staff.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in police:
            item.setCheckState(Qt.CheckState.Checked)
    assert "Saknar socialtjänsten" in teams.flag.text()
    teams.save()
    flagged = [r for r in teams.model.rows() if not r.two_agency]
    assert len(flagged) == 1
    assert teams.model.data(teams.model.index(2, 3)).startswith("⚠")


def test_planner_runs_in_background_and_proposal_is_accepted(page, field, qtbot):
    page.tabs.setCurrentWidget(page.plan)
    plan = page.plan
    plan.run_button.click()
    assert not plan.progress.isHidden()
    qtbot.waitUntil(lambda: plan._task is None and plan.visit_model.rowCount() > 0, timeout=10000)
    assert plan.progress.isHidden()
    assert "föreslogs" in plan.summary.text()
    assert {v[2] for v in visits(field.store, field.operation_id)} == {VisitStatus.PROPOSED}
    assert plan.accept_button.isEnabled()
    plan.accept_button.click()
    assert {v[2] for v in visits(field.store, field.operation_id)} == {VisitStatus.PLANNED}
    assert not plan.accept_button.isEnabled()
    assert plan.run_button.text() == "&Föreslå plan"


def test_models(qtmodeltester, field, planned):
    ops = field.services.operations
    for model, rows in (
        (OperationTableModel(), ops.rows()),
        (TargetTableModel(), ops.targets(field.operation_id)),
        (TeamTableModel(), field.services.teams.teams(field.operation_id)),
        (
            CandidateTableModel(),
            ops.candidates(
                __import__(
                    "desktop.services.operations.rows", fromlist=["TargetFilter"]
                ).TargetFilter()
            ),
        ),
    ):
        model.set_rows(rows)
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_team_lead_is_offered_outcomes_not_planning(qtbot, field):
    from desktop.services.operations import build_operations
    from tests.factories import login

    lead = login(field.path, "team_lead_social")
    try:
        view = OperationsPage(build_operations(lead), lead.identity)
        qtbot.addWidget(view)
        assert view.plan.run_button.isHidden() and view.new_button.isHidden()
        assert not view.plan.outcome_button.isHidden()
        assert view.targets.add_all.isHidden()
    finally:
        lead.lock()


def test_editing_a_visit_changed_elsewhere_shows_a_conflict(qtbot, planned, monkeypatch):
    import datetime as dt

    from desktop.models import Visit
    from desktop.views import runner
    from desktop.views.operations import plan_tab

    view = OperationsPage(planned.services, planned.store.identity)
    qtbot.addWidget(view)
    plan = view.plan
    assert plan.visit_model.rowCount() > 0
    plan.visits.setCurrentIndex(plan.visit_model.index(0, 0))
    shown = plan._current()
    with planned.store.write_session() as s, s.begin():  # another workstation's edit
        s.get(Visit, shown.visit_id).ends_at += dt.timedelta(minutes=15)

    class Accepting:
        DialogCode = plan_tab.MoveVisitDialog.DialogCode

        def __init__(self, *args):
            pass

        def exec(self):
            return self.DialogCode.Accepted

        def value(self):
            return shown.start + dt.timedelta(hours=1), None

    warnings = []
    monkeypatch.setattr(plan_tab, "MoveVisitDialog", Accepting)
    monkeypatch.setattr(runner.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    plan.edit_visit()
    assert len(warnings) == 1 and warnings[0]
    with planned.store.read_session() as s:
        assert s.get(Visit, shown.visit_id).starts_at == shown.start


def test_another_operation_does_not_inherit_the_plans_messages(page, field, qtbot):
    """Issue 18: a new, empty operation said "36 besök" and the planner's message
    carried over to another operation."""
    from desktop.services.operations.rows import OperationInput
    from tests.unit.operations.factories import END, START

    page.tabs.setCurrentWidget(page.plan)
    plan = page.plan
    plan.run_button.click()
    qtbot.waitUntil(lambda: plan._task is None and plan.visit_model.rowCount() > 0, timeout=10000)
    assert "föreslogs" in plan.summary.text()
    empty, _ = field.services.operations.create(
        OperationInput("Insats hösten", START, END, "Budskapet")
    )
    page.reload()
    page.select_operation(empty)
    assert plan.visit_model.rowCount() == 0
    assert "föreslogs" not in plan.summary.text()
    assert plan.summary.text() == "0 besök, varav 0 förslag."
