"""Asking for the password again before a sensitive action (within 5 minutes is enough)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.views.runner import Reauth, report_failure
from desktop.views.worker import BackgroundTask, run_in_background


class ReauthDialog(QDialog):
    """Asks for the password; the Argon2id check runs off the GUI thread."""

    def __init__(self, reauth: Reauth, parent: QWidget | None = None) -> None:
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
        # The runner's words (a wrong password, a locked account); a bug is raised again.
        report_failure(self, self.windowTitle(), exc, lambda text, _error: self.error.setText(text))


def confirm_password(parent: QWidget | None, reauth: Reauth | None) -> bool:
    """Ask for the password again (checked off the GUI thread); True once it is right."""
    if reauth is None:
        return False
    return ReauthDialog(reauth, parent).exec() == QDialog.DialogCode.Accepted
