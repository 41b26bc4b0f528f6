"""A thin table model over frozen rows with IntEnum columns; pages subclass it."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class FrozenRowsModel(QAbstractTableModel, Generic[Row]):
    """Subclasses set ``COLUMNS`` (an IntEnum), ``HEADERS`` (marked strings) and ``text``."""

    COLUMNS: ClassVar[type[enum.IntEnum]]
    HEADERS: ClassVar[dict[Any, str]]
    CONTEXT: ClassVar[str] = "Engagemang"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Row, ...] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def text(self, row: Row, column: Any) -> str:
        raise NotImplementedError

    def extra(self, row: Row, column: Any, role: int) -> Any:
        """Other roles (tool tip, colour, check state); None by default."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[self.COLUMNS(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        return self.extra(row, column, role)
