"""The person list model: pages of frozen rows, more on scroll, sorting in SQL."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.services.mapping.rows import PersonFilter, PersonRow, PersonSort
from desktop.services.mapping.search import PAGE_SIZE
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.persons.labels import label

Index = QModelIndex | QPersistentModelIndex
# (filter, sort, descending, offset, limit) -> rows
PageSource = Callable[[PersonFilter, PersonSort, bool, int, int], list[PersonRow]]


class PersonColumn(enum.IntEnum):
    NAME = 0
    ALIASES = 1
    BIRTH_DATE = 2
    IDENTITY = 3
    STATUS = 4
    CATEGORY = 5
    AREA = 6
    GROUPS = 7
    RISK = 8
    PRIORITY = 9
    REVIEW_DATE = 10
    DELIVERIES = 11
    LAST_DELIVERY = 12


HEADERS: dict[PersonColumn, str] = {
    PersonColumn.NAME: QT_TRANSLATE_NOOP("PersonTableModel", "Namn"),
    PersonColumn.ALIASES: QT_TRANSLATE_NOOP("PersonTableModel", "Alias"),
    PersonColumn.BIRTH_DATE: QT_TRANSLATE_NOOP("PersonTableModel", "Född"),
    PersonColumn.IDENTITY: QT_TRANSLATE_NOOP("PersonTableModel", "Personnummer"),
    PersonColumn.STATUS: QT_TRANSLATE_NOOP("PersonTableModel", "Status"),
    PersonColumn.CATEGORY: QT_TRANSLATE_NOOP("PersonTableModel", "Kategori"),
    PersonColumn.AREA: QT_TRANSLATE_NOOP("PersonTableModel", "Område"),
    PersonColumn.GROUPS: QT_TRANSLATE_NOOP("PersonTableModel", "Grupperingar"),
    PersonColumn.RISK: QT_TRANSLATE_NOOP("PersonTableModel", "Risk"),
    PersonColumn.PRIORITY: QT_TRANSLATE_NOOP("PersonTableModel", "Prio"),
    PersonColumn.REVIEW_DATE: QT_TRANSLATE_NOOP("PersonTableModel", "Omprövas"),
    PersonColumn.DELIVERIES: QT_TRANSLATE_NOOP("PersonTableModel", "Delgivningar"),
    PersonColumn.LAST_DELIVERY: QT_TRANSLATE_NOOP("PersonTableModel", "Senast delgiven"),
}

SORTS: dict[PersonColumn, PersonSort] = {
    PersonColumn.NAME: PersonSort.NAME,
    PersonColumn.BIRTH_DATE: PersonSort.BIRTH_DATE,
    PersonColumn.STATUS: PersonSort.STATUS,
    PersonColumn.CATEGORY: PersonSort.CATEGORY,
    PersonColumn.PRIORITY: PersonSort.PRIORITY,
    PersonColumn.REVIEW_DATE: PersonSort.REVIEW_DATE,
}

PROTECTED_BRUSH = QBrush(QColor("#8a1c1c"))
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_USER = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonTableModel", text)


class PersonTableModel(QAbstractTableModel):
    """Thin adapter over ``PersonRow`` pages fetched by ``source``.

    ``canFetchMore`` stays true while the last page came back full, so the view
    asks for the next page as the user scrolls; sorting asks ``source`` again.
    """

    def __init__(self, source: PageSource, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._page_size = page_size
        self._rows: list[PersonRow] = []
        self._cache: dict[int, tuple[str, ...]] = {}
        self._resetting = False
        self._loaded = False
        self._filter = PersonFilter()
        self._sort = PersonSort.NAME
        self._descending = False
        self._more = False
        self._today = dt.date.today()

    # --- loading ------------------------------------------------------------

    @property
    def person_filter(self) -> PersonFilter:
        return self._filter

    def load(self, flt: PersonFilter | None = None) -> None:
        """Replace the rows with the first page for ``flt`` (or the current filter)."""
        if flt is not None:
            self._filter = flt
        self._loaded = True
        rows = self._source(self._filter, self._sort, self._descending, 0, self._page_size)
        self._resetting = True
        self.beginResetModel()
        self._rows = rows
        self._cache = {}
        self._more = len(rows) == self._page_size
        self.endResetModel()
        self._resetting = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Views may ask while the reset is announced; rows must not arrive in between.
        return not parent.isValid() and self._more and not self._resetting

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._resetting:
            return
        rows = self._source(
            self._filter, self._sort, self._descending, len(self._rows), self._page_size
        )
        self._more = len(rows) == self._page_size
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORTS.get(PersonColumn(column)) if 0 <= column < len(PersonColumn) else None
        if sort is None:
            return
        self._sort = sort
        self._descending = order == Qt.SortOrder.DescendingOrder
        # Qt sorts while the header is being set up; the first load uses this sort,
        # so loading here too would query the same page two or three times at start.
        if self._loaded:
            self.load()

    def row_at(self, row: int) -> PersonRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PersonColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PersonColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[PersonColumn(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per repaint: cheap role tests first, display text
        # computed once per row and kept (measured: enum lookups per call cost 40 ms).
        if role == _DISPLAY:
            texts = self._texts(index.row())
            return texts[index.column()] if texts is not None else None
        if role == _FOREGROUND:
            row = self.row_at(index.row())
            return PROTECTED_BRUSH if row is not None and row.protected_identity else None
        if role == _TOOLTIP and index.column() == PersonColumn.NAME:
            row = self.row_at(index.row())
            if row is not None and row.protected_identity:
                return _tr("Skyddad identitet: adressen får inte lämnas ut.")
        elif role == _USER:
            row = self.row_at(index.row())
            return row.id if row is not None else None
        return None

    def _texts(self, row_number: int) -> tuple[str, ...] | None:
        if not 0 <= row_number < len(self._rows):
            return None
        cached = self._cache.get(row_number)
        if cached is None:
            row = self._rows[row_number]
            cached = tuple(self._display(row, column) for column in PersonColumn)
            self._cache[row_number] = cached
        return cached

    def _display(self, row: PersonRow, column: PersonColumn) -> str:
        if column is PersonColumn.NAME:
            marker = " \N{BLACK FLAG} " + _tr("skyddad") if row.protected_identity else ""
            return f"{row.last_name}, {row.first_name}{marker}"
        if column is PersonColumn.ALIASES:
            return row.aliases
        if column is PersonColumn.BIRTH_DATE:
            return row.birth_date.isoformat() if row.birth_date else ""
        if column is PersonColumn.IDENTITY:
            return row.identity_masked or ""
        if column is PersonColumn.STATUS:
            return label(row.status)
        if column is PersonColumn.CATEGORY:
            return label(row.category)
        if column is PersonColumn.AREA:
            return _tr("Skyddad") if row.protected_identity else (row.area or "")
        if column is PersonColumn.GROUPS:
            return row.groups
        if column is PersonColumn.RISK:
            parts = []
            if row.at_risk_victim:
                parts.append(_tr("skjutas"))
            if row.at_risk_shooter:
                parts.append(_tr("skjuta"))
            return ", ".join(parts)
        if column is PersonColumn.PRIORITY:
            return str(row.priority)
        if column is PersonColumn.REVIEW_DATE:
            if row.review_date is None:
                return ""
            due = " !" if row.review_date <= self._today else ""
            return row.review_date.isoformat() + due
        if column is PersonColumn.DELIVERIES:
            return str(row.deliveries) if row.deliveries else ""
        if column is PersonColumn.LAST_DELIVERY:
            return row.last_delivery.isoformat() if row.last_delivery else ""
        return ""
