"""The network picture by date: which conflicts were active when (issue 20)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from desktop.models import GroupRelationKind
from desktop.views.groups.network_page import NetworkPage


def _kinds(page: NetworkPage) -> list[GroupRelationKind]:
    return sorted(kind for kind, _line in page.view.network_scene.edge_items)


def test_the_date_chooses_the_relations_and_the_incident_badges(qtbot, mapped):
    services, ids = mapped
    today = dt.date.today()
    page = NetworkPage(services.mapping, today=today)
    qtbot.addWidget(page)
    # The sample mapping: a conflict since 40 days ago, an alliance since 2023, a
    # rivalry since 2022.
    assert GroupRelationKind.ACTIVE_CONFLICT in _kinds(page)
    assert len(_kinds(page)) == 3
    page.day.setDate(QDate(today - dt.timedelta(days=60)))
    assert GroupRelationKind.ACTIVE_CONFLICT not in _kinds(page)
    assert len(_kinds(page)) == 2
    page.day.setDate(QDate(2022, 12, 31))  # before the alliance began
    assert _kinds(page) == [GroupRelationKind.RIVALRY]

    # Groups with incidents in the weeks before the date carry a badge with the count.
    asked: list[dt.date] = []

    def near(day: dt.date) -> dict[int, int]:
        asked.append(day)
        return {ids["Södra sidan"]: 3}

    page = NetworkPage(services.mapping, incidents_near=near, today=dt.date(2026, 5, 1))
    qtbot.addWidget(page)
    assert asked == [dt.date(2026, 5, 1)]
    items = page.view.network_scene.node_items
    assert items[ids["Södra sidan"]].incidents == 3
    assert items[ids["Norra gänget"]].incidents == 0
    texts = [t.text() for t in page.view.network_scene.items() if hasattr(t, "text")]
    assert "3" in texts
    assert any("Händelser" in t for t in texts)  # the legend says what the badge is
