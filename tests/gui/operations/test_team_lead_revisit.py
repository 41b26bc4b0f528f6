"""A team lead plans the re-visit of his own round after "not at home" (issue 18).

Before, the permission table gave re-visits to the coordinator only (Action.PLAN) and
the team lead's plan tab had no button. GVI team leads plan the re-visits of their own
round: the button shows, the service takes a visit of the lead's own team and refuses,
in one sentence, a visit of another team.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.models import StaffMember, User, Visit, VisitStatus
from desktop.services.operations import build_operations
from desktop.services.operations.planning import PlanningService
from desktop.services.operations.rows import OutcomeInput
from desktop.services.uow import UnitOfWork
from desktop.views.operations.page import OperationsPage
from tests.factories import login
from tests.unit.operations.factories import END, START

LEAD = "team_lead_social"


def _not_home(field, team_name: str) -> int:
    rows = field.services.visits.calendar(START, END, field.operation_id)
    visit = next(r for r in rows if r.team_name.endswith(team_name))
    detail = field.services.outcomes.detail(visit.visit_id)
    field.services.outcomes.record(
        visit.visit_id, detail.version, OutcomeInput(VisitStatus.NOT_HOME, leave_behind=True)
    )
    return visit.visit_id


def _proposed_after(field, visit_id: int) -> list[int]:
    with field.store.read_session() as s:
        return list(s.scalars(select(Visit.id).where(Visit.revisit_of_id == visit_id)))


@pytest.fixture
def lead(planned):
    # The lead's staff record is on Team 1 (social[0] is Team 1's social worker).
    with UnitOfWork(planned.store, "Teamledaren i team 1") as uow:
        user_id = uow.session.scalar(select(User.id).where(User.username == LEAD))
        uow.session.get(StaffMember, planned.social[0]).user_id = user_id
    store = login(planned.path, LEAD)
    yield store
    store.lock()


def _page(qtbot, lead) -> OperationsPage:
    # Planned as on the operation's first day (the planner does not plan in the past).
    services = build_operations(lead)
    today = dt.datetime.combine(START, dt.time(7))
    services = replace(services, planning=PlanningService(lead, clock=lambda: today))
    page = OperationsPage(services, lead.identity)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.plan)
    return page


def _choose(page: OperationsPage, visit_id: int) -> None:
    row = page.plan.visit_model.row_of(visit_id)
    assert row is not None
    page.plan.visits.setCurrentIndex(page.plan.visit_model.index(row, 0))


def test_team_lead_plans_his_own_teams_revisit_not_another_teams(qtbot, planned, lead, monkeypatch):
    own, other = _not_home(planned, "Team 1"), _not_home(planned, "Team 2")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    page = _page(qtbot, lead)
    assert not page.plan.revisit_button.isHidden()
    assert page.plan.run_button.isHidden()  # planning the operation stays the coordinator's

    _choose(page, own)
    page.plan.revisit_button.click()
    assert told == []
    assert page.plan.summary.text().startswith("Nytt besök föreslaget")
    assert len(_proposed_after(planned, own)) == 1

    _choose(page, other)
    page.plan.revisit_button.click()
    assert told == ["Som teamledare föreslår du nya besök bara för ditt eget teams besök."]
    assert _proposed_after(planned, other) == []
