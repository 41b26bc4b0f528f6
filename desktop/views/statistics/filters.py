"""The filter bar: period and group, area and agency."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from desktop.services.statistics import FilterChoices, Period, StatsFilter


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """Signals:
    changed(): the period or a filter changed.
    """

    changed = Signal()

    def __init__(self, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = QDateEdit(_qdate(period.start))
        self.end = QDateEdit(_qdate(period.end))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.changed)
        self.group = QComboBox()
        self.area = QComboBox()
        self.agency = QComboBox()
        self.start.setAccessibleName(self.tr("Periodens början"))
        self.end.setAccessibleName(self.tr("Periodens slut"))
        self.group.setAccessibleName(self.tr("Grupp"))
        self.area.setAccessibleName(self.tr("Område"))
        self.agency.setAccessibleName(self.tr("Myndighet"))
        self.set_choices(FilterChoices((), (), ()))
        for combo in (self.group, self.area, self.agency):
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Från")))
        layout.addWidget(self.start)
        layout.addWidget(QLabel(self.tr("till")))
        layout.addWidget(self.end)
        layout.addSpacing(12)
        layout.addWidget(self.group)
        layout.addWidget(self.area)
        layout.addWidget(self.agency)
        layout.addStretch(1)

    def set_choices(self, choices: FilterChoices) -> None:
        for combo, everything, items in (
            (self.group, self.tr("Alla grupper"), choices.groups),
            (self.area, self.tr("Alla områden"), choices.areas),
            (self.agency, self.tr("Alla myndigheter"), choices.agencies),
        ):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for item in items:
                combo.addItem(item.label, item.key)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def set_period(self, period: Period) -> None:
        """Show ``period`` without announcing a change."""
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def period(self) -> Period | None:
        """The chosen period, or None while the end lies before the start."""
        start, end = _date(self.start.date()), _date(self.end.date())
        return Period(start, end) if start <= end else None

    def filters(self) -> StatsFilter:
        return StatsFilter(
            self.group.currentData(), self.area.currentData(), self.agency.currentData()
        )

    def scope_text(self) -> str:
        parts = [
            combo.currentText()
            for combo in (self.group, self.area, self.agency)
            if combo.currentData() is not None
        ]
        return ", ".join(parts) or self.tr("hela programmet")
