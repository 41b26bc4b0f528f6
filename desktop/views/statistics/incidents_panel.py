"""Violence and the response on the dashboard (issue 20): the evaluation figures as
tiles with their definitions, three charts with their tables, and click-through.

A tile or a chart row asks for what is behind it (``activated(code, key)``): the page
lists the incidents or the persons behind the figure.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.messages import Language
from desktop.services.statistics.incident_format import formatted
from desktop.services.statistics.incidents import KINDS, IncidentCounts, IncidentFigures
from desktop.views.errors_text import interface_language
from desktop.views.incidents.labels import kind_label
from desktop.views.statistics.charts import ChartData, ChartPanel
from desktop.views.statistics.labels import figure_definition, figure_label, month_label
from desktop.views.statistics.tiles import KeyFigureTile

#: The tiles, in the order the evaluation reads them.
TILES: tuple[str, ...] = (
    "incidents",
    "group_shootings",
    "incident_injured",
    "incident_killed",
    "days_to_group_delivery_median",
    "group_delivery_within_72h_share",
    "response_visits_attempted",
    "response_visits_completed",
    "response_direct_contact",
    "response_family_only",
)
#: The per-group table's column of visits per week (after group, incidents, shootings).
VISITS_COLUMN = 3
#: Group rows drawn in the per-group chart (the most incidents first).
GROUPS_SHOWN = 10


def _tr(text: str) -> str:
    return QCoreApplication.translate("Statistik", text)


def _days(value: float | None) -> str:
    if value is None:
        return "–"
    return _tr("%1 dagar").replace("%1", formatted("days_to_group_delivery_median", value, _lang()))


def _share(value: float | None) -> str:
    return formatted("group_delivery_within_72h_share", value, _lang())


def _lang() -> Language:
    """The interface language: numbers read 4,0 and 43 % in Swedish, 4.0 and 43% in
    English (issue 18)."""
    return interface_language()


def tile_value(counts: IncidentCounts, code: str) -> str:
    """A figure as its tile shows it: counts, the median in days, shares in percent."""
    if code == "incidents":
        return str(counts.incidents)
    if code == "group_shootings":
        return str(counts.group_shootings)
    if code == "incident_injured":
        return str(counts.injured)
    if code == "incident_killed":
        return str(counts.killed)
    if code == "days_to_group_delivery_median":
        return _days(counts.days_to_group_delivery_median)
    if code == "group_delivery_within_72h_share":
        share = _share(counts.group_delivery_within_72h_share)
        return f"{share} ({counts.group_delivery_within_72h} / {counts.group_pairs})"
    if code == "response_visits_attempted":
        return str(counts.response_attempted)
    if code == "response_visits_completed":
        return str(counts.response_completed)
    if code == "response_direct_contact":
        return str(counts.response_direct_contact)
    if code == "response_family_only":
        return str(counts.response_family_only)
    raise KeyError(code)


def definition(code: str) -> str:
    return figure_definition(code)


class IncidentFiguresPanel(QWidget):
    """Signals:
    activated(str, object): a figure's code and its key (a group id, a kind or None).
    """

    activated = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: IncidentFigures | None = None
        self.tiles: dict[str, KeyFigureTile] = {}
        grid = QGridLayout()
        for n, code in enumerate(TILES):
            tile = KeyFigureTile(code, figure_label(code), definition(code))
            tile.activated.connect(lambda c: self.activated.emit(c, None))
            self.tiles[code] = tile
            grid.addWidget(tile, n // 5, n % 5)
        self.kinds_chart = ChartPanel()
        self.harm_chart = ChartPanel()
        self.groups_chart = ChartPanel()
        self.kinds_chart.setToolTip(definition("incidents_by_kind"))
        self.harm_chart.setToolTip(definition("group_shootings"))
        self.groups_chart.setToolTip(definition("visits_per_group_week"))
        self.kinds_chart.table.doubleClicked.connect(self._month_clicked)
        self.groups_chart.table.doubleClicked.connect(self._group_clicked)
        self.definitions = QLabel()
        self.definitions.setWordWrap(True)
        self.definitions.setAccessibleName(self.tr("Definitioner, våld och respons"))
        charts = QGridLayout()
        charts.addWidget(self.kinds_chart, 0, 0)
        charts.addWidget(self.harm_chart, 0, 1)
        charts.addWidget(self.groups_chart, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(charts)
        layout.addWidget(self.definitions)
        self._group_ids: list[int] = []
        self._months: list[object] = []

    def show_figures(self, figures: IncidentFigures | None) -> None:
        figures = figures or IncidentFigures()
        self.figures = figures
        for code, tile in self.tiles.items():
            tile.set_value(tile_value(figures.total, code))
        months = tuple(month_label(m.month, n == 0) for n, m in enumerate(figures.months))
        self._months = [m.month for m in figures.months]
        shown_kinds = [k for k in KINDS if figures.total.by_kind.get(k, 0)] or list(KINDS[:1])
        self.kinds_chart.set_data(
            ChartData(
                self.tr("Händelser per typ och månad"),
                months,
                tuple(
                    (
                        kind_label(k),
                        tuple(float(m.counts.by_kind.get(k, 0)) for m in figures.months),
                    )
                    for k in shown_kinds
                ),
            ),
            self.tr("Månad"),
        )
        self.harm_chart.set_data(
            ChartData(
                self.tr("Gruppkopplade skjutningar, skadade och döda per månad"),
                months,
                (
                    (
                        figure_label("group_shootings"),
                        tuple(float(m.counts.group_shootings) for m in figures.months),
                    ),
                    (
                        figure_label("incident_injured"),
                        tuple(float(m.counts.injured) for m in figures.months),
                    ),
                    (
                        figure_label("incident_killed"),
                        tuple(float(m.counts.killed) for m in figures.months),
                    ),
                ),
            ),
            self.tr("Månad"),
        )
        groups = sorted(figures.groups, key=lambda g: (-g.incidents, g.group))[:GROUPS_SHOWN]
        self._group_ids = [g.group_id for g in groups]
        self.groups_chart.set_data(
            ChartData(
                self.tr("Per grupp: händelser och besök per vecka"),
                tuple(g.group for g in groups),
                (
                    (self.tr("Händelser"), tuple(float(g.incidents) for g in groups)),
                    (self.tr("Skjutningar"), tuple(float(g.shootings) for g in groups)),
                    (
                        figure_label("visits_per_group_week"),
                        tuple(round(g.visits_per_week, 1) for g in groups),
                    ),
                    (
                        self.tr("Dagar till budskap (median)"),
                        tuple(float(g.days_to_group_delivery_median or 0) for g in groups),
                    ),
                ),
            ),
            self.tr("Grupp"),
        )
        self.definitions.setText(
            "\n".join(
                f"{figure_label(code)}: {definition(code)}"
                for code in (*TILES, "incidents_by_kind", "visits_per_group_week")
            )
        )

    def _group_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        if 0 <= index.row() < len(self._group_ids):
            group_id = self._group_ids[index.row()]
            if index.column() == VISITS_COLUMN:  # the members visited, not the incidents
                self.activated.emit("visits_per_group_week", str(group_id))
            else:
                self.activated.emit("group_incidents", group_id)

    def _month_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        if 0 <= index.row() < len(self._months):
            self.activated.emit("month_incidents", self._months[index.row()])
