"""The network picture with its date and print button.

The date chooses which relations are drawn: those valid that day (issue 20: which
conflicts were active when), and which groups had incidents in the weeks before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.views.groups.network_view import NetworkView
from desktop.views.widgets.dates import pydate, qdate

#: ``(day) -> {group id: incidents in the weeks up to that day}``, for the marks.
IncidentsNear = Callable[[dt.date], Mapping[int, int]]


class NetworkPage(QWidget):
    back_requested = Signal()
    group_opened = Signal(int)

    def __init__(  # type: ignore[no-untyped-def]
        self,
        mapping: MappingServices,
        incidents_near: IncidentsNear | None = None,
        today: dt.date | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._incidents_near = incidents_near
        self.view = NetworkView()
        self.view.group_clicked.connect(self.group_opened)
        self.day = QDateEdit(qdate(today or dt.date.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("Relationer som gällde den"))
        self.day.setToolTip(self.tr("Bilden visar konflikter och allianser som gällde den dagen."))
        day_label = QLabel(self.tr("Gällde &den:"))
        day_label.setBuddy(self.day)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.hint = QLabel(self.tr("Klicka på en gruppering för att öppna den."))
        self.print_button = QPushButton(self.tr("&Skriv ut till PDF…"))
        self.print_button.clicked.connect(self._print)
        self.back_button = QPushButton(self.tr("&Tillbaka"))
        self.back_button.clicked.connect(self.back_requested)
        self.escape_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit
        )
        buttons = QHBoxLayout()
        buttons.addWidget(day_label)
        buttons.addWidget(self.day)
        buttons.addSpacing(12)
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.reload()

    def shown_day(self) -> dt.date:
        value = pydate(self.day.date())
        return value

    def reload(self) -> None:
        day = self.shown_day()
        marks = dict(self._incidents_near(day)) if self._incidents_near else {}
        self.view.show_network(self._mapping.groups.network(day), marks)

    def print_to(self, path: Path) -> None:
        title = self.tr("Grupperingar: konflikter och allianser %1").replace(
            "%1", self.shown_day().isoformat()
        )
        self.view.print_to_pdf(path, title)

    def _print(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara nätverksbild"), "natverk.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.print_to(Path(name))

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("group", "incident"):
            self.reload()
