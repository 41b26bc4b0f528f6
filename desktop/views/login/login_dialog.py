"""The login dialog, the first thing a user sees after start.

It must paint fast: this module imports only QtCore and QtWidgets, so the
composition root can show it while SQLAlchemy and reportlab load behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    """Asks for user name and password and calls ``authenticate`` with them.

    ``authenticate`` returns whatever the caller needs (a session, a user) and
    raises an exception with a ``user_message`` for a known failure (wrong
    password, locked account); that sentence is shown inline. The password is
    never kept: the field is cleared after every attempt.

    Args:
        authenticate: ``(user_name, password) -> result``.
        parent: Optional parent widget.
        user_name: Pre-filled user name (e.g. the last one used on this computer).

    Attributes:
        result_value: What ``authenticate`` returned, once accepted.
    """

    def __init__(
        self,
        authenticate: Callable[[str, str], object],
        parent: QWidget | None = None,
        user_name: str = "",
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self.result_value: object | None = None
        self.setWindowTitle(self.tr("Logga in – Rondplan"))

        heading = QLabel(self.tr("Rondplan"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)

        self.user_edit = QLineEdit(user_name)
        self.user_edit.setObjectName("userName")
        self.user_edit.setAccessibleName(self.tr("Användarnamn"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Lösenord"))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&Användarnamn"), self.user_edit)
        form.addRow(self.tr("&Lösenord"), self.password_edit)

        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("Logga in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password_edit if user_name else self.user_edit).setFocus()

    def submit(self) -> None:
        """Calls ``authenticate``; accepts on success, shows the error on a known failure."""
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self._show_error(self.tr("Ange både användarnamn och lösenord."))
            return
        self.login_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._authenticate(user, password)
        except Exception as error:
            message = getattr(error, "user_message", None)
            if not isinstance(message, str):
                raise  # a bug: the crash hook logs and reports it
            self._show_error(message)
            return
        finally:
            del password
            QApplication.restoreOverrideCursor()
            self.login_button.setEnabled(True)
            self.password_edit.clear()
        self.result_value = result
        self.error_label.setVisible(False)
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.password_edit.clear()
        (self.password_edit if self.user_edit.text().strip() else self.user_edit).setFocus()
