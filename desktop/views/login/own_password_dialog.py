"""Choosing one's own password after an administrator's reset (before the main window).

An administrator who resets a password (also every account moved to a server) knows
it; the user replaces it here before anything else opens. Cancelling quits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.views.errors_text import known_error_text
from desktop.views.worker import BackgroundTask, run_in_background


class OwnPasswordDialog(QDialog):
    """Asks for the temporary password and a new one twice; ``change(old, new)`` saves.

    ``change`` runs off the GUI thread (key derivation takes about a second) and raises
    an error with a ``user_message`` for a refused password, shown inline. With the
    box "Byt också nycklarna" ticked it is called as ``change(old, new, rotate_keys=True)``
    (the keys are rotated too: an old copy of the keyslot file then opens nothing live).
    """

    def __init__(self, change: Callable[..., object], parent: QWidget | None = None):
        super().__init__(parent)
        self._change = change
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Välj ett eget lösenord – Rondplan"))
        intro = QLabel(
            self.tr(
                "En administratör har gett dig ett tillfälligt lösenord. Välj nu ett eget "
                "lösenord, minst 12 tecken, som bara du känner till."
            )
        )
        intro.setWordWrap(True)
        self.current = self._password_field(self.tr("Tillfälligt lösenord"))
        self.new = self._password_field(self.tr("Nytt lösenord"))
        self.repeat = self._password_field(self.tr("Upprepa nytt lösenord"))
        form = QFormLayout()
        form.addRow(self.tr("&Tillfälligt lösenord"), self.current)
        form.addRow(self.tr("&Nytt lösenord"), self.new)
        form.addRow(self.tr("&Upprepa"), self.repeat)
        self.rotate_keys = QCheckBox(
            self.tr(
                "&Byt också krypteringsnycklarna (en gammal kopia av nyckelfilen öppnar då inget)"
            )
        )
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Spara lösenordet"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avsluta"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.rotate_keys)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    @staticmethod
    def _password_field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def submit(self) -> None:
        if self._task is not None:
            return
        old, new = self.current.text(), self.new.text()
        if new != self.repeat.text():
            self.new.clear()
            self._show_error(self.tr("De två nya lösenorden är inte lika. Skriv dem igen."))
            self.new.setFocus()
            return
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.save_button.setEnabled(False)
        change = self._change
        rotate = self.rotate_keys.isChecked()
        self._task = run_in_background(
            lambda: change(old, new, rotate_keys=True) if rotate else change(old, new),
            self._saved,
            self._failed,
            parent=self,
        )

    def reject(self) -> None:
        if self._task is None:
            super().reject()

    def _finish(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
            self._task = None
        self.save_button.setEnabled(True)

    def _saved(self, _result: object) -> None:
        self._finish()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._finish()
        message = known_error_text(error)
        if not isinstance(message, str):
            raise error  # a bug: the crash hook reports it
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.repeat.clear()
        self.current.setFocus()
