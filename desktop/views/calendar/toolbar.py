"""The calendar's toolbar: today and back/forward, the period shown, modes, filters."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget


class CalendarMode(enum.IntEnum):
    DAY = 0
    WORK_WEEK = 1
    WEEK = 2
    MONTH = 3
    AGENDA = 4


class CalendarToolbar(QWidget):
    """The controls above the calendar; the calendar view connects them.

    Attributes:
        today_button, prev_button, next_button: Navigation.
        title: The period shown.
        mode_group: One checkable button per CalendarMode (its id).
        operation_filter, team_filter: Data None for "all".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(6, 6, 6, 0)
        self.today_button = _button(self.tr("Idag"), self.tr("Gå till idag"))
        self.prev_button = _button("◀", self.tr("Föregående period"))
        self.next_button = _button("▶", self.tr("Nästa period"))
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Visad period"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        for widget in (self.today_button, self.prev_button, self.next_button, self.title):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.mode_group = QButtonGroup(self)
        names = {
            CalendarMode.DAY: self.tr("Dag"),
            CalendarMode.WORK_WEEK: self.tr("Arbetsvecka"),
            CalendarMode.WEEK: self.tr("Vecka"),
            CalendarMode.MONTH: self.tr("Månad"),
            CalendarMode.AGENDA: self.tr("Lista"),
        }
        for mode, name in names.items():
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Visa %1").replace("%1", name.lower()))
            self.mode_group.addButton(button, mode)
            bar.addWidget(button)
        self.operation_filter = QComboBox()
        self.operation_filter.setAccessibleName(self.tr("Filtrera på insats"))
        self.team_filter = QComboBox()
        self.team_filter.setAccessibleName(self.tr("Filtrera på team"))
        # Issue 20: each response round brings teams and an operation with a long name;
        # the filters keep their width and show the whole name in the list instead.
        for box in (self.operation_filter, self.team_filter):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(22)
        self.set_operations([])
        self.set_teams([])
        bar.addWidget(self.operation_filter)
        bar.addWidget(self.team_filter)

    def connect_navigation(
        self, today: Callable[[], None], previous: Callable[[], None], following: Callable[[], None]
    ) -> None:
        self.today_button.clicked.connect(today)
        self.prev_button.clicked.connect(previous)
        self.next_button.clicked.connect(following)

    def set_teams(self, teams: list[tuple[int, str]]) -> None:
        _fill(self.team_filter, self.tr("Alla team"), teams)

    def set_operations(self, operations: list[tuple[int, str]]) -> None:
        _fill(self.operation_filter, self.tr("Alla insatser"), operations)

    def filters(self) -> tuple[int | None, int | None]:
        return self.operation_filter.currentData(), self.team_filter.currentData()


def _button(text: str, accessible: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(accessible)
    button.setToolTip(accessible)
    return button


def _fill(combo: QComboBox, everything: str, items: list[tuple[int, str]]) -> None:
    """Refills ``combo`` keeping the chosen item if it is still there, without signals."""
    blocked = combo.blockSignals(True)
    current = combo.currentData()
    combo.clear()
    combo.addItem(everything, None)
    for key, name in items:
        combo.addItem(name, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(blocked)
