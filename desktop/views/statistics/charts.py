"""A chart with the same numbers as a table under it, for those who would rather read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.views.widgets.rows_model import Column, RowsTableModel


@dataclass(frozen=True)
class ChartData:
    """Categories (months or groups) and named series of equal length."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    kind: str = "bar"  # or "line"


@dataclass(frozen=True)
class ChartRow:
    category: str
    values: tuple[float, ...]


def _value_at(i: int) -> Callable[[ChartRow], str]:
    return lambda row: _number(row.values[i])


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


class ChartPanel(QWidget):
    """A titled QtCharts chart and a table of its data under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel()
        self._title.setObjectName("chartTitle")
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(self._chart.margins() * 0)
        self.view = QChartView(self._chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.table = QTableView()
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Each column as wide as its heading or figures (a stretched share cut "Mord eller
        # försök" to "ord eller förs"); the last takes what is left.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMaximumHeight(180)
        self.model: RowsTableModel[ChartRow] = RowsTableModel([])
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.table)
        self.data: ChartData | None = None

    def set_data(self, data: ChartData, category_header: str) -> None:
        self.data = data
        self._title.setText(data.title)
        self.view.setAccessibleName(data.title)
        self._chart.removeAllSeries()
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)
        x_axis = QBarCategoryAxis()
        x_axis.append(list(data.categories))
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        top = max((v for _n, values in data.series for v in values), default=0.0)
        y_axis.setRange(0, max(4.0, top))
        # Whole-number ticks: counts never sit between two gridlines.
        y_axis.applyNiceNumbers()
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        x_axis.setLabelsFont(small)
        y_axis.setLabelsFont(small)
        self._chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        if data.kind == "bar":
            bars = QBarSeries()
            for name, values in data.series:
                bar_set = QBarSet(name)
                bar_set.append(list(values))
                bars.append(bar_set)
            self._chart.addSeries(bars)
            bars.attachAxis(x_axis)
            bars.attachAxis(y_axis)
        else:
            for name, values in data.series:
                line = QLineSeries()
                line.setName(name)
                for i, value in enumerate(values):
                    line.append(i, value)
                self._chart.addSeries(line)
                line.attachAxis(x_axis)
                line.attachAxis(y_axis)
        columns: list[Column[ChartRow]] = [Column(category_header, lambda r: r.category)]
        for i, (name, _values) in enumerate(data.series):
            columns.append(Column(name, _value_at(i)))
        self.model = RowsTableModel(columns)
        self.model.set_rows(
            [
                ChartRow(cat, tuple(values[n] for _name, values in data.series))
                for n, cat in enumerate(data.categories)
            ]
        )
        self.table.setModel(self.model)
