"""Week by district (issue 20): incidents per ISO week and district as a heat grid, and
beside it the operations whose visits responded to them.

Each cell shows its number (colour only deepens it), its tool tip the kinds and the
operations; choosing a cell lists that week's responding operations on the right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.incidents.rows import WeekDistrictRow
from desktop.views.incidents.labels import kind_label
from desktop.views.runner import run_query

_Index = QModelIndex | QPersistentModelIndex
#: The cell's fill from none to many incidents; the text is dark on every step.
HEAT = ("#ffffff", "#fde0dd", "#fbb4b9", "#f768a1", "#c51b8a")
DEFAULT_WEEKS = 26

Overview = Callable[[dt.date, dt.date], Sequence[WeekDistrictRow]]


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def heat(count: int) -> QColor:
    return QColor(HEAT[min(count, len(HEAT) - 1)])


class WeekDistrictTableModel(QAbstractTableModel):
    """Rows are districts, columns weeks; a cell is one WeekDistrictRow or empty."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.weeks: tuple[dt.date, ...] = ()
        self.districts: tuple[str, ...] = ()
        self._cells: dict[tuple[str, dt.date], WeekDistrictRow] = {}

    def set_rows(self, weeks: Sequence[dt.date], rows: Sequence[WeekDistrictRow]) -> None:
        self.beginResetModel()
        self.weeks = tuple(weeks)
        self._cells = {(r.district, r.week_start): r for r in rows}
        self.districts = tuple(sorted({r.district for r in rows}, key=str.casefold))
        self.endResetModel()

    def cell(self, row: int, column: int) -> WeekDistrictRow | None:
        if 0 <= row < len(self.districts) and 0 <= column < len(self.weeks):
            return self._cells.get((self.districts[row], self.weeks[column]))
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.districts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.weeks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.weeks):
                return str(self.weeks[section].isocalendar()[1])  # the ISO week
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.districts):
                return self.districts[section] or self.tr("(okänt område)")
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.weeks)
        ):
            start = self.weeks[section]
            return (
                self.tr("Vecka %1: %2 – %3")
                .replace("%1", str(start.isocalendar()[1]))
                .replace("%2", start.isoformat())
                .replace("%3", (start + dt.timedelta(days=6)).isoformat())
            )
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        count = cell.incidents if cell else 0
        if role == Qt.ItemDataRole.DisplayRole:
            if not count:
                return ""
            responded = f" · {len(cell.operations)}✓" if cell and cell.operations else ""
            return f"{count}{responded}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(heat(count))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None:
            return self.describe(cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(cell) if cell is not None else self.tr("Inga händelser")
        return None

    def describe(self, cell: WeekDistrictRow) -> str:
        kinds = ", ".join(kind_label(k) for k in cell.kinds)
        text = self.tr("%1 händelser (%2)").replace("%1", str(cell.incidents)).replace("%2", kinds)
        if cell.operations:
            text += "\n" + self.tr("Respons: %1").replace(
                "%1", ", ".join(name for _id, name in cell.operations)
            )
        else:
            text += "\n" + self.tr("Ingen respons med akuta besök")
        return text


class HeatDelegate(QStyledItemDelegate):
    """Fills the cell with its heat before the text: the theme's style sheet paints item
    backgrounds itself and would hide the model's colour."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(brush, QBrush):
            painter.fillRect(option.rect.adjusted(1, 1, -1, -1), brush)
        super().paint(painter, option, index)


class WeekOverviewPage(QWidget):
    """The heat grid for the last weeks and the responding operations beside it."""

    def __init__(
        self,
        overview: Overview,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._overview = overview
        self._today = today
        self.weeks = QSpinBox()
        self.weeks.setRange(4, 52)
        self.weeks.setValue(DEFAULT_WEEKS)
        self.weeks.setSuffix(self.tr(" veckor"))
        self.weeks.setAccessibleName(self.tr("Antal veckor"))
        self.weeks.valueChanged.connect(lambda _v: self.reload())
        weeks_label = QLabel(self.tr("Visa de &senaste:"))
        self.weeks.setToolTip(self.tr("Kolumnerna är ISO-veckor; den senaste längst till höger."))
        weeks_label.setBuddy(self.weeks)
        self.model = WeekDistrictTableModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(HeatDelegate(self.grid))
        self.grid.setAccessibleName(self.tr("Händelser per vecka och område"))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # A cell's text ("3 · 1✓") fits its column; past the view's width the grid
        # scrolls (kept at the newest weeks) instead of eliding every answered cell.
        fits = self.grid.fontMetrics().horizontalAdvance("99 · 9✓") + 12
        self.grid.horizontalHeader().setMinimumSectionSize(max(30, fits))
        self.grid.setCornerButtonEnabled(False)
        self.grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The newest weeks at the right edge are the ones people look for: the grid
        # stays scrolled there while its width settles (shown, resized, more weeks)
        # until the user scrolls away from it.
        self._at_newest = True
        bar = self.grid.horizontalScrollBar()
        bar.rangeChanged.connect(self._keep_newest)
        bar.valueChanged.connect(self._follow)
        self.grid.selectionModel().currentChanged.connect(self._cell_chosen)
        self.operations = QListWidget()
        self.operations.setAccessibleName(self.tr("Insatser som svarade"))
        self.cell_title = QLabel(self.tr("Välj en ruta för att se insatserna som svarade."))
        self.cell_title.setWordWrap(True)
        self.legend = QLabel(
            self.tr(
                "Talet är antalet händelser; ✓ räknar insatser med akuta besök efter dem. "
                "Färgen blir mörkare med fler händelser."
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Teckenförklaring"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Insatser som svarade")))
        side_layout.addWidget(self.cell_title)
        side_layout.addWidget(self.operations, 1)
        split = QSplitter()
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(weeks_label)
        top.addWidget(self.weeks)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)

    def reload(self) -> None:
        last_monday = monday(self._today or dt.date.today())
        weeks = [last_monday - dt.timedelta(weeks=n) for n in reversed(range(self.weeks.value()))]
        rows = run_query(
            self,
            self.tr("Händelser per vecka"),
            lambda: self._overview(weeks[0], last_monday + dt.timedelta(days=6)),
        )
        self.model.set_rows(weeks, rows or [])
        self.operations.clear()
        self._at_newest = True
        self._keep_newest()

    def _keep_newest(self) -> None:
        if self._at_newest:
            bar = self.grid.horizontalScrollBar()
            bar.setValue(bar.maximum())

    def _follow(self, value: int) -> None:
        self._at_newest = value == self.grid.horizontalScrollBar().maximum()

    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.operations.clear()
        cell = self.model.cell(current.row(), current.column())
        if cell is None:
            self.cell_title.setText(self.tr("Inga händelser den veckan i området."))
            return
        self.cell_title.setText(
            self.tr("Vecka %1, %2: %3")
            .replace("%1", str(cell.week_start.isocalendar()[1]))
            .replace("%2", cell.district or "–")
            .replace("%3", self.model.describe(cell).split("\n")[0])
        )
        for _id, name in cell.operations:
            self.operations.addItem(name)
        if not cell.operations:
            self.operations.addItem(self.tr("(ingen respons med akuta besök)"))

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("incident", "incident_response", "visit", "operation"):
            self.reload()
