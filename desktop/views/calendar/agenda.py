"""The agenda: visits as a list, one row each, in time order."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.services.planning.rows import CalendarVisit
from desktop.views.calendar.style import (
    CONFLICT,
    CONFLICT_SYMBOL,
    STATUS_SYMBOLS,
    URGENT,
    URGENT_SYMBOL,
    status_text,
    team_colour,
    urgent_text,
)

_Index = QModelIndex | QPersistentModelIndex


class AgendaColumn(enum.IntEnum):
    DATE = 0
    TIME = 1
    TEAM = 2
    PERSON = 3
    AREA = 4
    STATUS = 5


class AgendaTableModel(QAbstractTableModel):
    """A thin adapter over frozen ``CalendarVisit`` rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CalendarVisit] = []
        self._changed = self.tr("adressen har ändrats sedan planeringen")

    def set_visits(self, visits: list[CalendarVisit] | tuple[CalendarVisit, ...]) -> None:
        self.beginResetModel()
        self._rows = sorted(visits, key=lambda v: (v.start, v.team_name, v.visit_id))
        self.endResetModel()

    def visit(self, row: int) -> CalendarVisit:
        return self._rows[row]

    def row_of(self, visit_id: int) -> int | None:
        for row, visit in enumerate(self._rows):
            if visit.visit_id == visit_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AgendaColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(AgendaColumn):
            return None
        titles = {
            AgendaColumn.DATE: self.tr("Datum"),
            AgendaColumn.TIME: self.tr("Tid"),
            AgendaColumn.TEAM: self.tr("Team"),
            AgendaColumn.PERSON: self.tr("Person"),
            AgendaColumn.AREA: self.tr("Område"),
            AgendaColumn.STATUS: self.tr("Status"),
        }
        return titles[AgendaColumn(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        visit = self._rows[index.row()]
        column = AgendaColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(visit, column)
        if role == Qt.ItemDataRole.DecorationRole and column is AgendaColumn.TEAM:
            return team_colour(visit.team_colour)
        if role == Qt.ItemDataRole.ForegroundRole and visit.has_conflict:
            return QBrush(CONFLICT)
        if role == Qt.ItemDataRole.ForegroundRole and visit.urgent:
            return QBrush(URGENT)
        if role == Qt.ItemDataRole.AccessibleTextRole and visit.urgent:
            return f"{self._display(visit, column)} ({urgent_text()})"
        if role == Qt.ItemDataRole.UserRole:
            return visit.visit_id
        if role == Qt.ItemDataRole.ToolTipRole and (visit.has_conflict or visit.urgent):
            tips = [self.tr("Krockar med en regel")] if visit.has_conflict else []
            return "\n".join([*tips, *([urgent_text()] if visit.urgent else [])])
        return None

    def _display(self, visit: CalendarVisit, column: AgendaColumn) -> str:
        if column is AgendaColumn.DATE:
            week = self.tr("v. %1").replace("%1", str(visit.start.isocalendar().week))
            return f"{visit.start:%Y-%m-%d} ({week})"
        if column is AgendaColumn.TIME:
            return f"{visit.start:%H:%M}–{visit.end:%H:%M}"
        if column is AgendaColumn.TEAM:
            return visit.team_name
        if column is AgendaColumn.PERSON:
            return visit.person_label
        if column is AgendaColumn.AREA:
            if visit.address_changed:  # issue 17: the team checks the new address
                return f"{visit.area} ({self._changed})"
            return visit.area
        mark = (f"{CONFLICT_SYMBOL} " if visit.has_conflict else "") + (
            f"{URGENT_SYMBOL} " if visit.urgent else ""
        )
        return f"{mark}{STATUS_SYMBOLS[visit.status]} {status_text(visit.status)}"


class AgendaView(QTableView):
    """The agenda table; Enter opens a visit and Delete asks to cancel it."""

    visit_activated = Signal(int)
    cancel_requested = Signal(int)

    def __init__(self, model: AgendaTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)

    def _current_id(self) -> int | None:
        index = self.currentIndex()
        return None if not index.isValid() else index.data(Qt.ItemDataRole.UserRole)

    def _activated(self, index: QModelIndex) -> None:
        visit_id = index.data(Qt.ItemDataRole.UserRole)
        if visit_id is not None:
            self.visit_activated.emit(visit_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        visit_id = self._current_id()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and visit_id is not None:
            self.visit_activated.emit(visit_id)
            event.accept()
        elif event.key() == Qt.Key.Key_Delete and visit_id is not None:
            self.cancel_requested.emit(visit_id)
            event.accept()
        else:
            super().keyPressEvent(event)
