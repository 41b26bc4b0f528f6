"""Item models of the import preview: the file's rows with their problems, the problem list."""

from __future__ import annotations

import enum
from collections import defaultdict

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.services.importing import ImportPreview, Problem, Severity, Table
from desktop.views.errors_text import problem_place_text, problem_text

Index = QModelIndex | QPersistentModelIndex
ERROR_BACKGROUND = QColor("#f9d6d5")
WARNING_BACKGROUND = QColor("#fdf0c4")
DUPLICATE_BACKGROUND = QColor("#dbe8fb")
TEXT_COLOUR = QColor("#1b1b1b")


class RowState(enum.IntEnum):
    OK = 0
    WARNING = 1
    DUPLICATE = 2
    ERROR = 3


class PreviewTableModel(QAbstractTableModel):
    """The file as read: a status column, then the file's own columns.

    Cells with a problem are coloured and carry the messages as tooltip; the vertical
    header shows the spreadsheet's row number, so it matches what the user sees in Excel.
    """

    STATUS_COLUMN = 0

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._table = Table((), ())
        self._cells: dict[tuple[int, str | None], list[Problem]] = {}
        self._rows: dict[int, list[Problem]] = {}
        self._duplicates: frozenset[int] = frozenset()
        self._decided: frozenset[int] = frozenset()
        self._row_index: dict[int, int] = {}

    def set_preview(self, table: Table, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._table = table
        self._cells, self._rows = defaultdict(list), defaultdict(list)
        self._duplicates = frozenset()
        self._decided = frozenset()
        if preview is not None:
            for problem in preview.problems:
                self._rows[problem.row_number].append(problem)
                self._cells[(problem.row_number, problem.column)].append(problem)
            self._duplicates = frozenset(d.row_number for d in preview.duplicates)
            self._decided = frozenset(preview.decisions)
        self._row_index = {table.row_number(i): i for i in range(len(table.rows))}
        self.endResetModel()

    def update_decisions(self, preview: ImportPreview) -> None:
        self._decided = frozenset(preview.decisions)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def index_of(self, row_number: int, column: str | None) -> QModelIndex:
        """The cell of a problem (the status cell when it concerns the whole row)."""
        row = self._row_index.get(row_number)
        if row is None:
            return QModelIndex()
        col = self.STATUS_COLUMN
        if column is not None and column in self._table.headers:
            col = self._table.headers.index(column) + 1
        return self.index(row, col)

    def state(self, row_number: int) -> RowState:
        problems = self._rows.get(row_number, ())
        if any(p.severity is Severity.ERROR for p in problems):
            return RowState.ERROR
        if row_number in self._duplicates and row_number not in self._decided:
            return RowState.DUPLICATE
        if problems:
            return RowState.WARNING
        return RowState.OK

    # --- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self._table.rows):
                return str(self._table.row_number(section))
            return None
        if section == self.STATUS_COLUMN:
            return self.tr("Status")
        if 0 < section <= len(self._table.headers):
            return self._table.headers[section - 1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._table.rows):
            return None
        row_number = self._table.row_number(index.row())
        if index.column() == self.STATUS_COLUMN:
            return self._status_data(row_number, role)
        header = self._table.headers[index.column() - 1]
        problems = self._cells.get((row_number, header), ())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._table.rows[index.row()][index.column() - 1]
            if role == Qt.ItemDataRole.AccessibleTextRole and problems:
                return text + " – " + " ".join(map(problem_text, problems))
            return text
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(map(problem_text, problems))
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            worst = any(p.severity is Severity.ERROR for p in problems)
            return QBrush(ERROR_BACKGROUND if worst else WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and problems:
            return QBrush(TEXT_COLOUR)
        return None

    def _status_data(self, row_number: int, role: int) -> object:
        state = self.state(row_number)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return {
                RowState.OK: self.tr("OK"),
                RowState.WARNING: self.tr("Varning"),
                RowState.DUPLICATE: self.tr("Dubblett?"),
                RowState.ERROR: self.tr("Fel"),
            }[state]
        if role == Qt.ItemDataRole.ToolTipRole:
            messages = [problem_text(p) for p in self._rows.get(row_number, ())]
            if state is RowState.DUPLICATE:
                messages.append(self.tr("Liknar en befintlig person: välj vad som ska göras."))
            return "\n".join(messages) or None
        if role == Qt.ItemDataRole.BackgroundRole and state is not RowState.OK:
            return QBrush(
                {
                    RowState.WARNING: WARNING_BACKGROUND,
                    RowState.DUPLICATE: DUPLICATE_BACKGROUND,
                    RowState.ERROR: ERROR_BACKGROUND,
                }[state]
            )
        if role == Qt.ItemDataRole.ForegroundRole and state is not RowState.OK:
            return QBrush(TEXT_COLOUR)
        return None


class ProblemListModel(QAbstractListModel):
    """Every problem as ``Fel: rad 4, Personnummer: …``; UserRole gives (row, column)."""

    LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._problems: tuple[Problem, ...] = ()

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        self.beginResetModel()
        # Errors first: they are what stands between the user and the import.
        self._problems = tuple(
            sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p.row_number))
        )
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            prefix = self.tr("Fel") if problem.severity is Severity.ERROR else self.tr("Varning")
            return f"{prefix}: {problem_place_text(problem)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            error = problem.severity is Severity.ERROR
            return QBrush(ERROR_BACKGROUND if error else WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT_COLOUR)
        if role == self.LOCATION_ROLE:
            return (problem.row_number, problem.column)
        return None


class MarkedCellDelegate(QStyledItemDelegate):
    """Paints the model's BackgroundRole itself.

    The theme styles ``QTableView::item``, and a style sheet that styles items ignores
    the model's background brush; the problem colours must show anyway.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        selected = option.state & QStyle.StateFlag.State_Selected
        if isinstance(brush, QBrush) and not selected:
            painter.fillRect(option.rect, brush)
        super().paint(painter, option, index)
