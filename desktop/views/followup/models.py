"""The task table: a thin model over frozen ``TaskRow`` values."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont

from desktop.models import TaskStatus
from desktop.services.operations.rows import TaskRow
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.operations.models import WARN, Index, RowsModel


class TaskColumn(enum.IntEnum):
    DUE = 0
    TITLE = 1
    PERSON = 2
    OWNER = 3
    TEAM = 4
    STATUS = 5


class TaskTableModel(RowsModel[TaskRow]):
    """Overdue tasks are marked by a word and a colour, never by colour alone."""

    CONTEXT = "TaskTableModel"
    COLUMNS = TaskColumn
    HEADERS = {
        TaskColumn.DUE: QT_TRANSLATE_NOOP("TaskTableModel", "Klar senast"),
        TaskColumn.TITLE: QT_TRANSLATE_NOOP("TaskTableModel", "Uppgift"),
        TaskColumn.PERSON: QT_TRANSLATE_NOOP("TaskTableModel", "Person"),
        TaskColumn.OWNER: QT_TRANSLATE_NOOP("TaskTableModel", "Ansvarig"),
        TaskColumn.TEAM: QT_TRANSLATE_NOOP("TaskTableModel", "Team"),
        TaskColumn.STATUS: QT_TRANSLATE_NOOP("TaskTableModel", "Läge"),
    }

    def __init__(self, parent: Any = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    def text(self, row: TaskRow, column: Any) -> str:
        if column is TaskColumn.DUE:
            return f"{row.due_date:%Y-%m-%d}"
        if column is TaskColumn.TITLE:
            return row.title
        if column is TaskColumn.PERSON:
            return row.person_label
        if column is TaskColumn.OWNER:
            return row.owner_name
        if column is TaskColumn.TEAM:
            return row.team_name
        if row.status is TaskStatus.DONE:
            return "✓ " + self._tr("Klar")
        if row.status is TaskStatus.CANCELLED:
            return self._tr("Struken")
        if row.overdue(self.today):
            days = (self.today - row.due_date).days
            return "⚠ " + self._tr("Försenad %1 d").replace("%1", str(days))
        week_end = self.today + dt.timedelta(days=6 - self.today.weekday())
        if row.due_date <= week_end:
            return self._tr("Denna vecka")
        return self._tr("Öppen")

    def warn(self, row: TaskRow, column: Any) -> bool:
        return column in (TaskColumn.DUE, TaskColumn.STATUS) and row.overdue(self.today)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.overdue(self.today):
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and self.warn(row, TaskColumn(index.column())):
                return QBrush(WARN)
            return None
        return super().data(index, role)
