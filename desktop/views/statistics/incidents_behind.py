"""What is behind an incident figure on the dashboard (issue 20): the incidents counted.

The incidents are listed from the register with the dashboard's period and filters (a
group: the incidents it was involved in; an area: the district), narrowed as the
figure's definition says. The response figures count visits: the persons behind them
come from the statistics service (``persons_behind``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import IncidentKind
from desktop.services.incidents.rows import IncidentFilter, IncidentRow
from desktop.services.statistics import Period
from desktop.services.statistics.rows import StatsFilter
from desktop.views.incidents.models import IncidentTableModel

#: Figures that count visits: the persons behind them, not incidents.
VISIT_FIGURES = frozenset(
    {
        "response_visits_attempted",
        "response_visits_completed",
        "response_direct_contact",
        "response_family_only",
        "visits_per_group_week",
    }
)
Keep = Callable[[IncidentRow], bool]


def _everything(_row: IncidentRow) -> bool:
    return True


def _grouped(row: IncidentRow) -> bool:
    return bool(row.suspected_groups or row.victim_groups)


def incidents_query(
    code: str, key: object, period: Period, filters: StatsFilter
) -> tuple[IncidentFilter, Keep]:
    """The register filter and the row test for the incidents behind ``code``."""
    first, last, group = period.start, period.end, filters.group_id
    kinds: frozenset[IncidentKind] = frozenset()
    keep: Keep = _everything
    if code == "month_incidents" and isinstance(key, dt.date):
        first = max(first, key.replace(day=1))
        last = min(last, key.replace(day=calendar.monthrange(key.year, key.month)[1]))
    elif code == "group_incidents" and isinstance(key, int):
        group = key
    elif code == "group_shootings":
        kinds = frozenset({IncidentKind.SHOOTING})
        keep = _grouped
    elif code == "incident_injured":
        keep = lambda row: row.injured > 0  # noqa: E731
    elif code == "incident_killed":
        keep = lambda row: row.killed > 0  # noqa: E731
    elif code in ("days_to_group_delivery_median", "group_delivery_within_72h_share"):
        keep = _grouped
    flt = IncidentFilter(
        first=first, last=last, kinds=kinds, district=filters.area or None, group_id=group
    )
    return flt, keep


class IncidentsBehindDialog(QDialog):
    """The incidents behind a figure, as the register lists them."""

    def __init__(
        self, title: str, rows: Sequence[IncidentRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 420)
        self.model = IncidentTableModel(self)
        self.model.set_rows(list(rows))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count = QLabel(self.tr("%n händelser", "", len(rows)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
