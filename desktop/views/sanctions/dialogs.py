"""Dialogs for a group's sanction period: start or edit one, end one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.services.engagement.rows import SanctionInput
from desktop.views.widgets.dates import date_edit, pydate


def _date(day: dt.date | None) -> QDateEdit:
    return date_edit(day)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class SanctionDialog(QDialog):
    """Trigger event, start, measures; an end date and reason when it is over."""

    def __init__(self, data: SanctionInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sanktionsperiod (ökat fokus)"))
        self.resize(520, 420)
        data = data or SanctionInput("", dt.date.today())
        self.trigger = QPlainTextEdit(data.trigger_event)
        self.trigger.setPlaceholderText(self.tr("t.ex. skottlossningen i Hyllie den 3 maj"))
        self.trigger.setMaximumHeight(70)
        self.start = _date(data.start_date)
        self.measures = QPlainTextEdit(data.measures)
        self.measures.setPlaceholderText(self.tr("Vilka åtgärder gruppen möter under perioden"))
        self.ended = QCheckBox(self.tr("Perioden är avslutad"))
        self.ended.setChecked(data.end_date is not None)
        self.end = _date(data.end_date)
        self.reason = QLineEdit(data.end_reason)
        self.ended.toggled.connect(self._ended)
        form = QFormLayout(self)
        form.addRow(self.tr("&Utlösande händelse"), self.trigger)
        form.addRow(self.tr("&Start"), self.start)
        form.addRow(self.tr("&Åtgärder"), self.measures)
        form.addRow("", self.ended)
        form.addRow(self.tr("S&lut"), self.end)
        form.addRow(self.tr("&Skäl till avslut"), self.reason)
        form.addRow(_buttons(self))
        self._ended(self.ended.isChecked())

    def _ended(self, on: bool) -> None:
        self.end.setEnabled(on)
        self.reason.setEnabled(on)

    def value(self) -> SanctionInput:
        ended = self.ended.isChecked()
        return SanctionInput(
            self.trigger.toPlainText(),
            pydate(self.start.date()),
            pydate(self.end.date()) if ended else None,
            self.measures.toPlainText(),
            self.reason.text() if ended else "",
        )


class EndSanctionDialog(QDialog):
    """End a running period: the date and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Avsluta sanktionsperiod"))
        self.end = _date(None)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("t.ex. inget nytt våld på tre månader"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Slutdatum"), self.end)
        form.addRow(self.tr("S&käl"), self.reason)
        form.addRow(_buttons(self))
