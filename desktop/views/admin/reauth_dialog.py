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
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import DomainError, ReauthenticationRequired
from desktop.services.security.reauth import Reauthentication
from desktop.store.errors import StoreError

T = TypeVar("T")


class ReauthDialog(QDialog):
    def __init__(self, reauth: Reauthentication, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reauth = reauth
        self.setWindowTitle(self.tr("Bekräfta med lösenord"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ange ditt lösenord igen för att fortsätta.")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Lösenord"))
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            self._reauth.confirm(self.password.text())
        except StoreError as exc:
            self.password.clear()
            self.error.setText(exc.user_message)
            return
        self.accept()


def run_sensitive(parent: QWidget, reauth: Reauthentication, action: Callable[[], T]) -> T | None:
    """Run ``action``; if it needs the password again, ask and retry once.

    Domain and storage errors are shown to the user; returns None when not done.
    """
    try:
        try:
            return action()
        except ReauthenticationRequired:
            if ReauthDialog(reauth, parent).exec() != QDialog.DialogCode.Accepted:
                return None
            return action()
    except (DomainError, StoreError) as exc:
        QMessageBox.warning(parent, parent.tr("Rondplan"), exc.user_message)
        return None
