"""A small form dialog: labelled fields, an error line, Save/Cancel; the save runs a
service call through the runner and keeps the dialog open with the message when it fails."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.errors import ValidationError
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change, run_query
from desktop.views.widgets.form_keys import guard_form

W = TypeVar("W", bound=QWidget)


class FormDialog(QDialog):
    """Subclasses add rows with ``add_row`` and implement ``submit``.

    ``submit`` reads the fields (on the GUI thread) and returns the service call, which
    the runner then runs off the GUI thread and publishes to ``hub`` once; its Changes
    are also kept in ``changes`` (an owner given no hub still hands them on).
    """

    def __init__(
        self, title: str, parent: QWidget | None = None, *, hub: ChangesHub | None = None
    ) -> None:
        super().__init__(parent)
        self._hub = hub
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.changes = Changes()
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #a11;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        guard_form(self, self.buttons, None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = next(iter(self.fields.values()), None)
        focused = self.focusWidget()
        if first is not None and (focused is None or focused not in self.fields.values()):
            first.setFocus()

    def add_row(self, label: str, field: str, widget: W, accessible: str) -> W:
        widget.setAccessibleName(accessible)
        self.fields[field] = widget
        self.form.addRow(label, widget)
        return widget

    def submit(self) -> Callable[[], Changes]:
        raise NotImplementedError

    def save(self) -> None:
        self.run(self.submit)

    def run(self, prepare: Callable[[], Callable[[], Changes]]) -> None:
        """Reads the fields (``prepare``), runs the call it returns, and closes when saved."""
        title = self.windowTitle()
        call = run_query(self, title, prepare, refused=self._refused)
        if call is None:
            return
        changes = run_change(self, title, call, hub=self._hub, refused=self._refused)
        if changes is not None:
            self.changes = changes
            self.accept()

    def _refused(self, text: str, error: BaseException) -> None:
        self.error.setText(text)
        field = error.field if isinstance(error, ValidationError) else None
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
