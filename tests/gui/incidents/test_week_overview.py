"""Week by district (issue 20): incidents per ISO week and district, each cell's number
and its responding operations beside the grid."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.models import IncidentKind
from desktop.views.incidents.week_overview import WeekDistrictTableModel, WeekOverviewPage
from tests.gui.incidents.conftest import TODAY
from tests.unit.incidents.factories import SHOT_AT, shooting


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
    assert model.columnCount() == 12
    # SHOT_AT is a Sunday: its week is the one before TODAY's (a Monday).
    shot_week = SHOT_AT.date() - dt.timedelta(days=SHOT_AT.weekday())
    column = model.weeks.index(shot_week)
    row = model.districts.index("Kroksbäck")
    assert model.headerData(column, Qt.Orientation.Horizontal) == (
        f"v. {shot_week.isocalendar()[1]}"
    )
    index = model.index(row, column)
    assert index.data().startswith("2")
    assert "Skottlossning" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Hot" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, column - 1).data().startswith("1")
    assert model.index(row, column - 2).data() == ""
    # Choosing the cell lists its responding operations (none yet).
    page.grid.setCurrentIndex(index)
    assert page.cell_title.text().startswith(f"Vecka {shot_week.isocalendar()[1]}, Kroksbäck")
    assert page.operations.item(0).text() == "(ingen respons med akuta besök)"


def test_an_empty_model_is_sound(qtmodeltester):
    model = WeekDistrictTableModel()
    model.set_rows([TODAY], [])
    qtmodeltester.check(model)
