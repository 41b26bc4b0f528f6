"""Read-only table models over a tuple of frozen rows: the one base for the pages.

``RowsTableModel`` takes its columns as functions (the small lists of a profile:
addresses, relatives, members); ``EnumRowsModel`` names its columns with an IntEnum and
translated headers (the pages' tables). Long lists get their own model that fetches pages.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its (translated) header and how to show a row in it."""

    header: str
    text: Callable[[Row], str]
    tooltip: Callable[[Row], str] | None = None


class FrozenRowsModel(QAbstractTableModel, Generic[Row]):
    """The rows themselves: a tuple replaced whole, never edited in place."""

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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


class RowsTableModel(FrozenRowsModel[Row]):
    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None


class EnumRowsModel(FrozenRowsModel[Row]):
    """Frozen rows in, text out, columns an IntEnum: the pages' table models subclass it.

    Subclasses set ``COLUMNS`` (an IntEnum), ``HEADERS`` (strings marked for
    translation in ``CONTEXT``) and ``text``; ``extra`` answers other roles (tool tip,
    colour, check state). ``UserRole`` gives the row's ``id`` when it has one.
    """

    COLUMNS: ClassVar[type[enum.IntEnum]]
    #: Column → header marked with QT_TRANSLATE_NOOP (typed ``object`` in the stubs).
    HEADERS: ClassVar[dict[Any, Any]]
    CONTEXT: ClassVar[str] = ""

    def text(self, row: Row, column: Any) -> str:
        raise NotImplementedError

    def extra(self, row: Row, column: Any, role: int) -> Any:
        """Other roles (tool tip, colour, check state); None by default."""
        return None

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        return self.extra(row, column, role)
