"""Create or edit an operation: name, period and purpose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.operations.rows import OperationInput, OperationRow
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change
from desktop.views.widgets.form_keys import guard_form

Save = Callable[[OperationInput], object]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OperationDialog(QDialog):
    """The operation form; a refused ``save`` keeps the dialog open with its words.

    ``save`` runs through the runner (off the GUI thread); what it changed goes to ``hub``.
    """

    def __init__(
        self,
        save: Save,
        row: OperationRow | None = None,
        parent: QWidget | None = None,
        hub: ChangesHub | None = None,
    ):
        super().__init__(parent)
        self._save, self._hub = save, hub
        self.setWindowTitle(self.tr("Redigera insats") if row else self.tr("Ny insats"))
        today = dt.date.today()
        self.name = QLineEdit(row.name if row else "")
        self.name.setAccessibleName(self.tr("Namn"))
        self.start = QDateEdit(_qdate(row.start_date if row else today))
        self.end = QDateEdit(_qdate(row.end_date if row else today + dt.timedelta(days=11)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.purpose = QPlainTextEdit(row.purpose if row else "")
        self.purpose.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setStyleSheet("color:#B00020")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Namn"), self.name)
        form.addRow(self.tr("&Från"), self.start)
        form.addRow(self.tr("&Till"), self.end)
        form.addRow(self.tr("&Syfte"), self.purpose)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        guard_form(self, buttons, self.name)

    def value(self) -> OperationInput:
        return OperationInput(
            self.name.text(),
            _date(self.start.date()),
            _date(self.end.date()),
            self.purpose.toPlainText(),
        )

    def accept(self) -> None:
        value = self.value()
        saved = run_change(
            self,
            self.windowTitle(),
            lambda: (self._save(value), True),  # done, even when save returns nothing
            hub=self._hub,
            refused=self._refused,
        )
        if saved is not None:
            super().accept()

    def _refused(self, text: str, _error: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
