"""Week by district (issue 20): incidents per ISO week and district, each cell's number
and its responding operations beside the grid."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.models import IncidentKind
from desktop.views.incidents.week_overview import WeekDistrictTableModel, WeekOverviewPage
from tests.gui.incidents.conftest import TODAY
from tests.unit.incidents.factories import SHOT_AT, shooting


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_grid_counts_per_week_and_district(qtbot, world, as_user, qtmodeltester):
    session = as_user("officer_police")
    register = session.incidents.register
    week_before = SHOT_AT - dt.timedelta(days=8)
    register.create(
        shooting(world, reference="5000-K60-26", district="Kroksbäck", occurred_at=SHOT_AT)
    )
    register.create(
        shooting(
            world,
            reference="5000-K61-26",
            district="Kroksbäck",
            kind=IncidentKind.THREAT,
            occurred_at=SHOT_AT - dt.timedelta(hours=3),
        )
    )
    register.create(
        shooting(world, reference="5000-K62-26", district="Kroksbäck", occurred_at=week_before)
    )
    page = WeekOverviewPage(register.week_overview, today=TODAY)
    qtbot.addWidget(page)
    page.reload()
    model = page.model
    qtmodeltester.check(model)
    assert model.columnCount() == 26
    # SHOT_AT is a Sunday: its week is the one before TODAY's (a Monday).
    shot_week = SHOT_AT.date() - dt.timedelta(days=SHOT_AT.weekday())
    column = model.weeks.index(shot_week)
    row = model.districts.index("Kroksbäck")
    assert model.headerData(column, Qt.Orientation.Horizontal) == str(shot_week.isocalendar()[1])
    index = model.index(row, column)
    assert index.data().startswith("2")
    assert "Skottlossning" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Hot" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, column - 1).data().startswith("1")
    assert model.index(row, column - 2).data() == ""
    # The heat shows on screen (the theme's style sheet would hide a model colour).
    page.resize(1200, 500)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(50)  # the view lays its cells out after it is shown
    image = page.grid.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    pixels = bytes(image.constBits())
    assert pixels.count(bytes((0xB9, 0xB4, 0xFB, 0xFF))) > 50  # two incidents: #fbb4b9
    assert pixels.count(bytes((0xDD, 0xE0, 0xFD, 0xFF))) > 50  # one incident: #fde0dd
    # Choosing the cell lists its responding operations (none yet).
    page.grid.setCurrentIndex(index)
    assert page.cell_title.text().startswith(f"Vecka {shot_week.isocalendar()[1]}, Kroksbäck")
    assert page.operations.item(0).text() == "(ingen respons med akuta besök)"


def test_an_empty_model_is_sound(qtmodeltester):
    model = WeekDistrictTableModel()
    model.set_rows([TODAY], [])
    qtmodeltester.check(model)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_newest_weeks_stay_in_view_until_the_user_scrolls_away(qtbot, world, as_user):
    """Loaded before it is shown (as the main window does), the grid once opened
    scrolled past its last column: a blank grid with only the newest week's edge."""
    session = as_user("officer_police")
    register = session.incidents.register
    register.create(shooting(world, reference="5000-K960-26", district="Kroksbäck"))
    page = WeekOverviewPage(register.week_overview, today=TODAY)
    qtbot.addWidget(page)
    page.reload()
    page.resize(1200, 500)
    page.show()
    qtbot.waitExposed(page)
    grid, bar = page.grid, page.grid.horizontalScrollBar()
    newest = page.model.columnCount() - 1

    def right_edge_is_newest() -> bool:
        right = grid.viewport().width() - 1
        return grid.columnAt(right) == newest and grid.columnViewportPosition(newest) >= 0

    qtbot.waitUntil(right_edge_is_newest, timeout=2000)
    assert bar.maximum() > 0  # 26 weeks do not fit: the grid scrolls
    page.resize(800, 500)  # narrower: still the newest weeks
    qtbot.waitUntil(right_edge_is_newest, timeout=2000)
    bar.setValue(0)  # the user scrolls to the oldest weeks ...
    page.resize(700, 500)  # ... and a resize leaves them there
    qtbot.wait(50)
    assert bar.value() == 0
    assert grid.columnAt(0) == 0
