"""'Godkänn förslaget' says which visits it refused and why (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import VisitStatus
from desktop.services.operations.rows import OperationInput
from desktop.views.operations.page import OperationsPage
from tests.unit.operations.factories import END, START, visits

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_plan_tab_lists_the_refused_visit(qtbot, field):
    field.services.planning.propose(field.operation_id)
    vid, person, _, start = visits(field.store, field.operation_id)[0]
    # Another operation visits him the same day, after the proposal was made.
    ops = field.services.operations
    other, _ = ops.create(OperationInput("Insats B", START, END, "Budskapet"))
    ops.add_targets(other, [person])
    field.services.teams.save_team(other, "Team B", [field.police[3], field.social[3]])
    field.services.planning.propose(other)
    field.services.planning.accept(other)
    (bvid, *_), *_ = visits(field.store, other)
    version = field.services.visits.visit_version(bvid)
    clash = dt.datetime.combine(start.date(), dt.time(19))
    field.services.visits.move_visit(bvid, clash, None, version=version)

    page = OperationsPage(field.services, field.store.identity)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.select_operation(field.operation_id)
    page.tabs.setCurrentWidget(page.plan)
    assert page.plan.accept_button.isEnabled()
    page.plan.accept_button.click()

    text = page.plan.summary.text()
    n = field.persons.index(person)
    assert "1 besök godkändes inte:" in text, text
    refused = [line for line in text.splitlines() if line.startswith("✗")]
    assert refused == [
        f"✗ Förnamn{n} Efternamn{n} {start:%Y-%m-%d %H:%M}: personen har redan ett besök den dagen."
    ], text
    stored = {v[0]: v[2] for v in visits(field.store, field.operation_id)}
    assert stored.pop(vid) is VisitStatus.PROPOSED
    assert set(stored.values()) == {VisitStatus.PLANNED}
