"""Asking for the password again before a sensitive action (within 5 minutes is enough)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import DomainError, ReauthenticationRequired
from desktop.services.security.reauth import Reauthentication
from desktop.store.errors import StoreError
from desktop.views.errors_text import error_text
from desktop.views.worker import BackgroundTask, run_in_background

T = TypeVar("T")


class ReauthDialog(QDialog):
    """Asks for the password; the Argon2id check runs off the GUI thread."""

    def __init__(self, reauth: Reauthentication, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reauth = reauth
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Bekräfta med lösenord"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ange ditt lösenord igen för att fortsätta.")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Lösenord"))
        layout.addWidget(self.password)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Kontrollerar lösenordet"))
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if self._task is not None:
            return
        password = self.password.text()
        self.password.clear()
        self._set_busy(True)
        confirm = self._reauth.confirm
        self._task = run_in_background(
            lambda: confirm(password), self._confirmed, self._failed, parent=self
        )

    def reject(self) -> None:
        if self._task is None:  # a running check finishes first
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.clear()
        else:
            self.password.setFocus()

    def _done(self) -> None:
        if self._task is not None:
            self._task.deleteLater()  # drops the job holding the password
            self._task = None
        self._set_busy(False)

    def _confirmed(self, _result: object) -> None:
        self._done()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if not isinstance(exc, StoreError):
            raise exc  # a bug: the crash hook reports it
        self.error.setText(error_text(exc))


def confirm_password(parent: QWidget, reauth: Reauthentication | None) -> bool:
    """Ask for the password again (checked off the GUI thread); True once it is right."""
    if reauth is None:
        return False
    return ReauthDialog(reauth, parent).exec() == QDialog.DialogCode.Accepted


def run_sensitive(parent: QWidget, reauth: Reauthentication, action: Callable[[], T]) -> T | None:
    """Run ``action``; if it needs the password again, ask and retry once.

    Domain and storage errors are shown to the user; returns None when not done.
    """
    try:
        try:
            return action()
        except ReauthenticationRequired:
            if not confirm_password(parent, reauth):
                return None
            return action()
    except (DomainError, StoreError) as exc:
        QMessageBox.warning(parent, parent.tr("Rondplan"), error_text(exc))
        return None
