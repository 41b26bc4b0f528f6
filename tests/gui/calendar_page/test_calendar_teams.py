"""Teams of different operations can be told apart, and the operation filter narrows
them (issue 18: the legend and the filter read "Team 1, Team 1, Team 2, Team 2")."""

from __future__ import annotations

import pytest

from desktop.services.operations.rows import OperationInput
from desktop.views.calendar.page import CalendarPage
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def two_operations(field):
    ops = field.services.operations
    autumn, _ = ops.create(OperationInput("Insats hösten", START, END, "Budskapet"))
    field.services.teams.save_team(autumn, "Team 1", [field.police[2], field.social[2]])
    field.autumn_id = autumn
    return field


def _filter_texts(combo):
    return [combo.itemText(i) for i in range(combo.count())]


def test_team_names_carry_the_operation_when_several_show(qtbot, two_operations):
    page = CalendarPage(two_operations.bundle)
    qtbot.addWidget(page)
    teams = _filter_texts(page.calendar.toolbar.team_filter)[1:]
    assert sorted(teams) == [
        "Team 1 · Insats hösten",
        "Team 1 · Insats juni",
        "Team 2 · Insats juni",
    ]
    assert "Team 1 · Insats hösten" in page.calendar.legend.text()


def test_the_operation_filter_narrows_the_teams(qtbot, two_operations):
    page = CalendarPage(two_operations.bundle)
    qtbot.addWidget(page)
    combo = page.calendar.toolbar.operation_filter
    combo.setCurrentIndex(combo.findData(two_operations.autumn_id))
    assert _filter_texts(page.calendar.toolbar.team_filter)[1:] == ["Team 1"]
    assert "Team 2" not in page.calendar.legend.text()
