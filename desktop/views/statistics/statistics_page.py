"""The Statistik page: key figures and charts that follow the filters, and the exports.

Figures are computed off the GUI thread (``run_in_background``); the page keeps the
last result and redraws from it. A tile opens the persons behind its figure for users
who may read persons; opening a profile is the persons page's job, reached through
the ``person_open_requested`` signal or an injected callable.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Role
from desktop.services.changes import Changes
from desktop.services.incidents.register import IncidentService
from desktop.services.permissions import Action, allowed
from desktop.services.security.reauth import Reauthentication
from desktop.services.statistics import CHANNELS, OUTCOMES, Period, StatisticsResult
from desktop.services.statistics.incidents import IncidentFigures
from desktop.services.statistics.report import KEY_FIGURES, key_value
from desktop.services.statistics.service import StatisticsService
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import interface_language
from desktop.views.runner import error_message, publish_done
from desktop.views.shell.crash import technical_report
from desktop.views.statistics.charts import ChartData, ChartPanel
from desktop.views.statistics.dialogs import PersonsBehindDialog
from desktop.views.statistics.exports import ExportActions
from desktop.views.statistics.filters import FilterBar
from desktop.views.statistics.incidents_behind import (
    VISIT_FIGURES,
    IncidentsBehindDialog,
    incidents_query,
)
from desktop.views.statistics.incidents_panel import IncidentFiguresPanel
from desktop.views.statistics.labels import (
    FIGURE_LABELS,
    channel_label,
    figure_definition,
    figure_label,
    month_label,
    outcome_label,
)
from desktop.views.statistics.tiles import KeyFigureTile
from desktop.views.worker import run_in_background

log = logging.getLogger(__name__)
#: The "Våld och respons" tab: its figures are computed when it is shown.
VIOLENCE_TAB = 1
#: Groups drawn in the coverage chart (the largest first); the table matches the chart.
COVERAGE_GROUPS = 12
SUPPORT_CODES = (
    "support_offered",
    "support_accepted",
    "support_started",
    "support_completed",
    "self_initiated_contacts",
)
AskPath = Callable[[str, str, str], str]


class StatisticsPage(ExportActions):
    """Signals:
    figures_loaded(object): a new StatisticsResult is shown.
    person_open_requested(int): the user wants a person's profile.

    An export or a drill-down writes to the log: its Changes are published to ``hub``
    once, through ``publish_done`` (no hub: nobody listens).
    """

    figures_loaded = Signal(object)
    incidents_loaded = Signal(object)
    person_open_requested = Signal(int)

    def __init__(
        self,
        statistics: StatisticsService,
        *,
        role: Role,
        reauth: Reauthentication | None = None,
        open_person: Callable[[int], None] | None = None,
        incidents: IncidentService | None = None,
        today: dt.date | None = None,
        background: bool = True,
        ask_path: AskPath | None = None,
        hub: ChangesHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._stats = statistics
        self._hub = hub
        self._role = role
        self._reauth = reauth
        self._open_person = open_person
        self._incidents = incidents
        self._background = background
        self._ask_path = ask_path or self._ask_save_path
        self._tasks: list[Any] = []
        self._generation = 0
        self.result: StatisticsResult | None = None
        self._incidents_asked = -1
        self.filters = FilterBar(Period.year_to(today or dt.date.today()))
        self.filters.changed.connect(self._schedule)
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.tiles: dict[str, KeyFigureTile] = {}
        grid = QGridLayout()
        for n, code in enumerate(KEY_FIGURES):
            tile = KeyFigureTile(code, figure_label(code), figure_definition(code))
            tile.activated.connect(self.show_persons_behind)
            self.tiles[code] = tile
            grid.addWidget(tile, n // 5, n % 5)
        self.channels_chart = ChartPanel()
        self.reach_chart = ChartPanel()
        self.outcome_chart = ChartPanel()
        self.support_chart = ChartPanel()
        self.coverage_chart = ChartPanel()
        self.outcome_chart.table.doubleClicked.connect(
            lambda index: self.show_persons_behind("visits_by_outcome", OUTCOMES[index.row()])
        )
        self.support_chart.table.doubleClicked.connect(
            lambda index: self.show_persons_behind(SUPPORT_CODES[index.row()])
        )
        self.coverage_chart.table.doubleClicked.connect(self._coverage_clicked)
        charts = QGridLayout()
        charts.addWidget(self.channels_chart, 0, 0)
        charts.addWidget(self.reach_chart, 0, 1)
        charts.addWidget(self.outcome_chart, 1, 0)
        charts.addWidget(self.support_chart, 1, 1)
        charts.addWidget(self.coverage_chart, 2, 0, 1, 2)
        self.pdf_button = QPushButton(self.tr("Rapport (PDF) …"))
        self.xlsx_button = QPushButton(self.tr("Nyckeltal (XLSX) …"))
        self.research_button = QPushButton(self.tr("Forskningsuttag …"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.research_button.clicked.connect(self.export_research)
        self.pdf_button.setEnabled(allowed(role, Action.PRINT))
        self.research_button.setVisible(allowed(role, Action.RESEARCH_EXPORT))
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        for button in (self.pdf_button, self.xlsx_button, self.research_button):
            top.addWidget(button)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(grid)
        inner.addLayout(charts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # Issue 20: violence and the response on a tab of its own, for roles that read
        # incidents.
        self.incidents_panel = IncidentFiguresPanel()
        self.incidents_panel.activated.connect(self.show_incidents_behind)
        violence = QScrollArea()
        violence.setWidgetResizable(True)
        violence.setWidget(self.incidents_panel)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Översikt"))
        self.tabs.addTab(violence, self.tr("Våld och respons"))
        self.tabs.setTabVisible(VIOLENCE_TAB, allowed(role, Action.INCIDENT_READ))
        self.tabs.currentChanged.connect(lambda _index: self._load_incidents())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self._choices_loaded = False

    # -- loading ---------------------------------------------------------------------
    def _schedule(self) -> None:
        self._timer.start()

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if not self._background:
            try:
                result = fn()
            except Exception as exc:  # the same path as a failed background job
                self._failed(exc)
            else:
                done(result)
            return
        task = run_in_background(fn, done, self._failed, self)
        self._tasks.append(task)
        task.finished.connect(lambda _r, t=task: self._forget(t))
        task.failed.connect(lambda _e, t=task: self._forget(t))

    def _forget(self, task: Any) -> None:
        if task in self._tasks:
            self._tasks.remove(task)

    def reload(self) -> None:
        """Recompute every figure for the current period and filters."""
        if not self._choices_loaded:
            self._choices_loaded = True
            self.filters.set_choices(self._stats.filter_choices())
        period = self.filters.period()
        if period is None:
            self.status.setText(self.tr("Periodens slut ligger före dess början."))
            return
        filters = self.filters.filters()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Räknar …"))
        started = time.perf_counter()

        def done(result: StatisticsResult) -> None:
            if generation != self._generation:
                return  # a newer request is on its way
            self._computed(started)
            self.show_result(result)

        self._run(lambda: self._stats.figures(period, filters, incidents=False), done)

    def _load_incidents(self) -> None:
        """The violence tab's figures, computed when the tab is shown (issue 20): the
        overview does not wait for them."""
        result = self.result
        if (
            result is None
            or result.incidents is not None
            or self.tabs.currentIndex() != VIOLENCE_TAB
            or self._incidents_asked == self._generation
        ):
            return
        generation = self._generation
        self._incidents_asked = generation
        self.status.setText(self.tr("Räknar …"))
        started = time.perf_counter()

        def done(figures: IncidentFigures) -> None:
            if generation != self._generation or self.result is None:
                return
            self._computed(started)
            self.result = replace(self.result, incidents=figures)
            self.incidents_panel.show_figures(figures)
            self.incidents_loaded.emit(figures)

        self._run(lambda: self._stats.incident_figures(result.period, result.filters), done)

    def _computed(self, started: float) -> None:
        seconds = f"{time.perf_counter() - started:.2f}"
        if interface_language() == "sv":
            seconds = seconds.replace(".", ",")
        self.status.setText(self.tr("Beräknat på %1 s.").replace("%1", seconds))

    def apply_changes(self, changes: Changes) -> None:
        """Reload when something the figures count has changed."""
        kinds = (
            "person",
            "delivery",
            "visit",
            "invitation",
            "referral",
            "membership",
            "group",
            "incident",
        )
        if self.result is not None and changes.touches(*kinds):
            self._schedule()

    # -- drawing ---------------------------------------------------------------------
    def show_result(self, result: StatisticsResult) -> None:
        self.result = result
        for code, tile in self.tiles.items():
            tile.set_value(key_value(result, code, interface_language()))
        months = tuple(month_label(m.month, n == 0) for n, m in enumerate(result.months))
        month_header = self.tr("Månad")
        self.channels_chart.set_data(
            ChartData(
                self.tr("Delgivningar per kanal och månad"),
                months,
                tuple(
                    (
                        channel_label(c),
                        tuple(
                            float(m.figures.deliveries_by_channel.get(c, 0)) for m in result.months
                        ),
                    )
                    for c in CHANNELS
                ),
            ),
            month_header,
        )
        self.reach_chart.set_data(
            ChartData(
                self.tr("Nådda personer per månad"),
                months,
                (
                    (
                        self.tr("Nådda"),
                        tuple(float(m.figures.persons_reached) for m in result.months),
                    ),
                    (
                        self.tr("Nådda mer än en gång"),
                        tuple(float(m.figures.reached_more_than_once) for m in result.months),
                    ),
                    (
                        self.tr("Nykartlagda"),
                        tuple(float(m.figures.persons_mapped_new) for m in result.months),
                    ),
                ),
                kind="line",
            ),
            month_header,
        )
        t = result.total
        self.outcome_chart.set_data(
            ChartData(
                self.tr("Besök per utfall"),
                tuple(outcome_label(s) for s in OUTCOMES),
                (
                    (
                        self.tr("Besök"),
                        tuple(float(t.visits_by_outcome.get(s, 0)) for s in OUTCOMES),
                    ),
                ),
            ),
            self.tr("Utfall"),
        )
        self.support_chart.set_data(
            ChartData(
                self.tr("Stöd"),
                tuple(figure_label(c) for c in SUPPORT_CODES),
                ((self.tr("Antal"), tuple(float(getattr(t, c)) for c in SUPPORT_CODES)),),
            ),
            self.tr("Steg"),
        )
        largest = sorted(result.coverage, key=lambda c: (-c.members, c.group))[:COVERAGE_GROUPS]
        self._coverage_rows = largest
        title = self.tr("Täckning per grupp")
        if len(result.coverage) > COVERAGE_GROUPS:
            title = (
                self.tr("Täckning per grupp (de %1 största av %2)")
                .replace("%1", str(COVERAGE_GROUPS))
                .replace("%2", str(len(result.coverage)))
            )
        self.coverage_chart.set_data(
            ChartData(
                title,
                tuple(c.group for c in largest),
                (
                    (self.tr("Medlemmar"), tuple(float(c.members) for c in largest)),
                    (self.tr("Nådda"), tuple(float(c.reached) for c in largest)),
                ),
            ),
            self.tr("Grupp"),
        )
        self.coverage_chart.setToolTip(figure_definition("coverage"))
        # What each support figure counts, beside it: offers include those made at the
        # door without a referral (issue 17).
        self.support_chart.setToolTip(
            "\n\n".join(f"{figure_label(c)}: {figure_definition(c)}" for c in SUPPORT_CODES)
        )
        if result.incidents is not None:
            self.incidents_panel.show_figures(result.incidents)
        self.figures_loaded.emit(result)
        self._load_incidents()

    # -- persons behind a figure ------------------------------------------------------
    def _coverage_clicked(self, index: Any) -> None:
        rows = getattr(self, "_coverage_rows", [])
        if 0 <= index.row() < len(rows):
            self.show_persons_behind("coverage", str(rows[index.row()].group_id))

    def show_persons_behind(self, code: str, key: str | None = None) -> None:
        if not allowed(self._role, Action.PERSON_READ):
            QMessageBox.information(
                self,
                self.tr("Personer"),
                self.tr("Din roll får se statistiken men inte personerna bakom den."),
            )
            return
        period = self.filters.period()
        if period is None:
            return
        filters = self.filters.filters()

        def done(behind: Any) -> None:
            publish_done(self._hub, behind)
            title = figure_label(code)
            dialog = PersonsBehindDialog(
                title, behind.persons, behind.total, self._request_person, self
            )
            self.last_dialog: QDialog = dialog
            dialog.open()

        self._run(lambda: self._stats.persons_behind(code, key, period, filters), done)

    def show_incidents_behind(self, code: str, key: object = None) -> None:
        """The incidents (or, for the urgent visits, the persons) behind a figure."""
        if code in VISIT_FIGURES:
            self.show_persons_behind(code, key if isinstance(key, str) else None)
            return
        period = self.filters.period()
        register = self._incidents
        if period is None or register is None:
            return
        flt, keep = incidents_query(code, key, period, self.filters.filters())
        title = figure_label(code) if code in FIGURE_LABELS else self.tr("Händelser")

        def done(rows: Any) -> None:
            dialog = IncidentsBehindDialog(title, [r for r in rows if keep(r)], self)
            self.last_dialog = dialog
            dialog.open()

        self._run(lambda: register.rows(flt), done)

    def _request_person(self, person_id: int) -> None:
        self.person_open_requested.emit(person_id)
        if self._open_person is not None:
            self._open_person(person_id)

    def _exported(self, changes: Changes, message: str) -> None:
        publish_done(self._hub, changes)
        self.status.setText(message)

    def _failed(self, exc: BaseException) -> None:
        if getattr(exc, "code", None) == "store.locked_session":
            # Locked or closed while the figures were computed: the lock screen (or the
            # login) is what the user sees now; a box about it would wait on top of it.
            return
        text = error_message(exc)
        if text is not None:
            QMessageBox.warning(self, self.tr("Statistik"), text)
            self.status.setText(text)
            return
        if isinstance(exc, OSError):
            message = self.tr("Filen kunde inte sparas. Välj en annan plats.")
            QMessageBox.warning(self, self.tr("Statistik"), message)
            return
        log.error("statistics job failed\n%s", technical_report(exc))
        self.status.setText(self.tr("Något gick fel. Felet är loggat."))
