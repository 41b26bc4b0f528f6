"""The dashboard's violence-and-response section (issue 20): each figure on its tile from
a hand-built set of figures, each definition shown, the charts' tables, click-through."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.services.statistics import Period
from desktop.services.statistics.incidents import (
    IncidentCounts,
    IncidentFigures,
    IncidentGroupFigures,
    IncidentMonth,
)
from desktop.services.statistics.rows import StatsFilter
from desktop.views.statistics.incidents_behind import incidents_query
from desktop.views.statistics.incidents_panel import IncidentFiguresPanel
from desktop.views.statistics.statistics_page import StatisticsPage
from tests.gui.incidents.conftest import TODAY
from tests.unit.incidents.factories import SHOT_AT, shooting

MAY, JUNE = dt.date(2026, 5, 1), dt.date(2026, 6, 1)


def _figures() -> IncidentFigures:
    may = IncidentCounts(incidents=2, by_kind={"shooting": 1, "threat": 1}, group_shootings=1)
    june = IncidentCounts(
        incidents=3, by_kind={"shooting": 2, "explosion": 1}, group_shootings=2, injured=2, killed=1
    )
    total = IncidentCounts(
        incidents=5,
        by_kind={"shooting": 3, "threat": 1, "explosion": 1},
        group_shootings=3,
        injured=2,
        killed=1,
        group_pairs=4,
        days_to_group_delivery=(1, 2, 6),
        response_attempted=7,
        response_completed=5,
        response_direct_contact=3,
        response_family_only=2,
    )
    group = IncidentGroupFigures(
        group_id=1,
        group="Grupp A",
        incidents=3,
        shootings=2,
        suspected_side=2,
        victim_side=1,
        injured=1,
        killed=0,
        days_to_group_delivery=(1, 2),
        pairs=3,
        visits=6,
        weeks=4.0,
    )
    return IncidentFigures(total, (IncidentMonth(MAY, may), IncidentMonth(JUNE, june)), (group,))


def _cell(panel, row, column):
    return panel.model.data(panel.model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_every_figure_on_its_tile_with_its_definition(qtbot):
    panel = IncidentFiguresPanel()
    qtbot.addWidget(panel)
    panel.show_figures(_figures())
    values = {code: tile.value.text() for code, tile in panel.tiles.items()}
    assert values == {
        "incidents": "5",
        "group_shootings": "3",
        "incident_injured": "2",
        "incident_killed": "1",
        "days_to_group_delivery_median": "2,0 dagar",  # median of 1, 2, 6
        # Days 1 and 2 are within 72 hours, 6 is not, one pair has no delivery: 2 of 4.
        "group_delivery_within_72h_share": "50 % (2 / 4)",
        "response_visits_attempted": "7",
        "response_visits_completed": "5",
        "response_direct_contact": "3",
        "response_family_only": "2",
    }
    tile = panel.tiles["group_delivery_within_72h_share"]
    assert tile.label.text() == "Andel grupper nådda inom 72 timmar"
    assert "tredje" in tile.toolTip()  # the definition
    assert "Gruppkopplade skjutningar: Skottlossningar" in panel.definitions.text()
    # The charts' tables hold their data: kinds per month, harm per month, per group.
    kinds = panel.kinds_chart
    assert [kinds.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Månad",
        "Skottlossning",
        "Sprängning",
        "Hot",
    ]
    assert [_cell(kinds, 1, c) for c in range(4)] == ["jun", "2", "1", "0"]
    harm = panel.harm_chart
    assert [_cell(harm, 1, c) for c in range(4)] == ["jun", "2", "2", "1"]
    groups = panel.groups_chart
    assert [_cell(groups, 0, c) for c in range(5)] == ["Grupp A", "3", "2", "1,5", "1,5"]


def test_a_tile_and_a_group_row_ask_for_what_is_behind_them(qtbot):
    panel = IncidentFiguresPanel()
    qtbot.addWidget(panel)
    panel.show_figures(_figures())
    with qtbot.waitSignal(panel.activated) as asked:
        panel.tiles["incident_killed"].activated.emit("incident_killed")
    assert asked.args == ["incident_killed", None]
    with qtbot.waitSignal(panel.activated) as asked:
        panel.groups_chart.table.doubleClicked.emit(panel.groups_chart.model.index(0, 0))
    assert asked.args == ["group_incidents", 1]
    with qtbot.waitSignal(panel.activated) as asked:  # the visits column: the persons
        panel.groups_chart.table.doubleClicked.emit(panel.groups_chart.model.index(0, 3))
    assert asked.args == ["visits_per_group_week", "1"]


def test_the_query_behind_each_figure():
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    flt, _keep = incidents_query("month_incidents", JUNE, period, StatsFilter(area="Fosie"))
    assert (flt.first, flt.last, flt.district) == (JUNE, dt.date(2026, 6, 30), "Fosie")
    flt, _keep = incidents_query("group_incidents", 4, period, StatsFilter())
    assert flt.group_id == 4
    flt, _keep = incidents_query("group_shootings", None, period, StatsFilter())
    assert {k.value for k in flt.kinds} == {"shooting"}


def test_the_page_lists_the_incidents_behind_a_figure(qtbot, world, as_user):
    police = as_user("officer_police")
    police.incidents.register.create(shooting(world, reference="5000-K70-26", killed=1))
    session = as_user("coordinator_social")
    page = StatisticsPage(
        session.services.statistics,
        role=session.services.store.identity.role,
        incidents=session.incidents.register,
        today=TODAY,
        background=False,
    )
    qtbot.addWidget(page)
    page.filters.set_period(Period(dt.date(2026, 1, 1), TODAY))
    page.reload()
    assert page.tabs.isTabVisible(1) and page.tabs.tabText(1) == "Våld och respons"
    # Computed when the tab is opened, not before: the overview does not wait for it.
    assert page.result.incidents is None
    assert page.incidents_panel.tiles["incident_killed"].value.text() == "–"
    page.tabs.setCurrentIndex(1)
    assert page.result.incidents is not None
    killed = int(page.incidents_panel.tiles["incident_killed"].value.text())
    assert killed >= 1
    page.show_incidents_behind("incident_killed")
    dialog = page.last_dialog
    refs = [r.reference for r in dialog.model.rows()]
    assert "5000-K70-26" in refs
    assert all(r.killed > 0 for r in dialog.model.rows())
    assert SHOT_AT.date() <= TODAY
