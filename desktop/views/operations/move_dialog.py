"""Edit one proposed or planned visit: day, time and team, with the conflicts shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.planning.conflicts import Conflict
from desktop.services.planning.rows import CalendarTeam, CalendarVisit
from desktop.views.calendar.style import conflict_text
from desktop.views.widgets.dates import pydatetime, qdatetime
from desktop.views.widgets.form_keys import guard_form

Check = Callable[[int, dt.datetime, int], Sequence[Conflict]]


def _qdatetime(moment: dt.datetime) -> QDateTime:
    return qdatetime(moment)


class MoveVisitDialog(QDialog):
    """Choose a new start and team; conflicts are listed live before saving."""

    def __init__(
        self,
        visit: CalendarVisit,
        teams: Sequence[CalendarTeam],
        check: Check,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ändra besök – %1").replace("%1", visit.person_label))
        self._visit, self._check = visit, check
        self.when = QDateTimeEdit(_qdatetime(visit.start))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(self.tr("Ny tid"))
        self.team = QComboBox()
        self.team.setAccessibleName(self.tr("Team"))
        for team in teams:
            self.team.addItem(team.name, team.team_id)
        self.team.setCurrentIndex(max(0, self.team.findData(visit.team_id)))
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color:#B00020")
        form = QFormLayout()
        form.addRow(self.tr("&Tid"), self.when)
        form.addRow(self.tr("T&eam"), self.team)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.conflicts)
        layout.addWidget(buttons)
        guard_form(self, buttons, self.when)
        self.when.dateTimeChanged.connect(self.refresh)
        self.team.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def value(self) -> tuple[dt.datetime, int]:
        moment = pydatetime(self.when.dateTime())
        return moment.replace(second=0, microsecond=0), int(self.team.currentData())

    def refresh(self) -> None:
        start, team = self.value()
        found = self._check(self._visit.visit_id, start, team)
        texts = list(dict.fromkeys(conflict_text(c.code) for c in found))
        self.conflicts.setText(
            (self.tr("Krockar:") + "\n• " + "\n• ".join(texts))
            if texts
            else self.tr("Inga krockar.")
        )
