"""The register's filters: type, period, district and group (issue 20)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from desktop.models import IncidentKind
from desktop.services.incidents.rows import IncidentFilter
from desktop.views.incidents.labels import kind_label
from desktop.views.widgets.dates import qdate

#: The period the register opens with: the last twelve months.
DEFAULT_DAYS = 365


class IncidentFilterBar(QWidget):
    """Emits ``changed`` whenever a filter changes; ``value()`` is the IncidentFilter."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Filtrera på typ"))
        self.kind.addItem(self.tr("Alla typer"), None)
        for kind in IncidentKind:
            self.kind.addItem(kind_label(kind), kind)
        self.first = QDateEdit(qdate(today - dt.timedelta(days=DEFAULT_DAYS)))
        self.last = QDateEdit(qdate(today))
        for edit, name in ((self.first, self.tr("Från")), (self.last, self.tr("Till"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("Filtrera på område"))
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Filtrera på gruppering"))
        self.set_choices([], [])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.tr("T&yp:"), self.kind),
            (self.tr("&Från:"), self.first),
            (self.tr("&Till:"), self.last),
            (self.tr("Omr&åde:"), self.district),
            (self.tr("Gr&uppering:"), self.group),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addStretch(1)
        for box in (self.kind, self.district, self.group):
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _d: self.changed.emit())

    def set_choices(self, districts: Sequence[str], groups: Sequence[tuple[int, str]]) -> None:
        """The districts and groups to filter on; the current choice is kept if it still is."""
        for box, items, everything in (
            (self.district, [(d, d) for d in districts], self.tr("Alla områden")),
            (self.group, [(g, name) for g, name in groups], self.tr("Alla grupperingar")),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for data, text in items:
                box.addItem(text, data)
            index = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)

    def value(self) -> IncidentFilter:
        kind = self.kind.currentData()
        first: dt.date = self.first.date().toPython()  # type: ignore[assignment]
        last: dt.date = self.last.date().toPython()  # type: ignore[assignment]
        group = self.group.currentData()
        return IncidentFilter(
            first=first,
            last=last,
            kinds=frozenset({IncidentKind(kind)}) if kind is not None else frozenset(),
            district=self.district.currentData(),
            group_id=int(group) if group is not None else None,
        )

    def set_last(self, day: dt.date) -> None:
        self.last.setDate(qdate(day))
