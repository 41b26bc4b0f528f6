"""The login dialog, the first thing a user sees after start.

It must paint fast: this module imports only QtCore and QtWidgets (and the small
worker module), so the composition root can show it while SQLAlchemy and reportlab
load behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.views.errors_text import known_error_text
from desktop.views.worker import BackgroundTask, run_in_background


@dataclass(frozen=True)
class ServerChoice:
    """The login window's choice between the local database file and a server.

    Attributes:
        use_server: Whether "Server" is chosen when the window opens.
        url: The server address shown (``postgresql://…``).
        authenticate: ``(url, user_name, password) -> result`` for a server login.
    """

    use_server: bool
    url: str
    authenticate: Callable[[str, str, str], object]


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
        server: Offer "Lokal databasfil" or "Server" with its address (None: only the
            caller's own ``authenticate``).

    Attributes:
        result_value: What ``authenticate`` returned, once accepted.
    """

    def __init__(
        self,
        authenticate: Callable[[str, str], object],
        parent: QWidget | None = None,
        user_name: str = "",
        server: ServerChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self._server = server
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
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setRange(0, 0)  # moves without a known end
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.setAccessibleName(self.tr("Kontrollerar lösenordet"))
        self.busy_indicator.setVisible(False)
        self._task: BackgroundTask | None = None

        form = QFormLayout()
        self.location_combo: QComboBox | None = None
        self.server_edit: QLineEdit | None = None
        if server is not None:
            self._add_location(form, server)
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
        layout.addWidget(self.busy_indicator)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password_edit if user_name else self.user_edit).setFocus()

    def _add_location(self, form: QFormLayout, server: ServerChoice) -> None:
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("location")
        self.location_combo.addItem(self.tr("Lokal databasfil"))
        self.location_combo.addItem(self.tr("Server"))
        self.server_edit = QLineEdit(server.url)
        self.server_edit.setObjectName("serverUrl")
        self.server_edit.setAccessibleName(self.tr("Serverns adress"))
        self.server_edit.setPlaceholderText("postgresql://server/rondplan?sslmode=verify-full")
        form.addRow(self.tr("&Databas"), self.location_combo)
        form.addRow(self.tr("Ser&verns adress"), self.server_edit)
        self._server_row_label = form.labelForField(self.server_edit)
        self.location_combo.currentIndexChanged.connect(self._location_changed)
        self.location_combo.setCurrentIndex(1 if server.use_server else 0)
        self._location_changed()

    def _location_changed(self) -> None:
        on_server = self.use_server
        for widget in (self.server_edit, self._server_row_label):
            if widget is not None:
                widget.setVisible(on_server)

    @property
    def use_server(self) -> bool:
        """Whether "Server" is chosen."""
        return self.location_combo is not None and self.location_combo.currentIndex() == 1

    @property
    def server_url(self) -> str:
        """The server address typed (empty without a server choice)."""
        return self.server_edit.text().strip() if self.server_edit is not None else ""

    def submit(self) -> None:
        """Starts ``authenticate`` off the GUI thread; accepts on success.

        The Argon2id check takes up to a second: the window keeps painting meanwhile.
        A known failure shows its sentence; anything else is a bug and is raised on the
        GUI thread, where the crash hook gets it.
        """
        if self._task is not None:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self._show_error(self.tr("Ange både användarnamn och lösenord."))
            return
        authenticate = self._authenticate
        if self.use_server and self._server is not None:
            url = self.server_url
            if not url:
                self._show_error(self.tr("Ange serverns adress (postgresql://…)."))
                return
            server_login = self._server.authenticate

            def authenticate(user: str, password: str) -> object:
                return server_login(url, user, password)

        self.password_edit.clear()
        self._set_busy(True)
        self._task = run_in_background(
            lambda: authenticate(user, password), self._succeeded, self._failed, parent=self
        )

    def reject(self) -> None:
        # While the check runs a result (an unlocked store) is on its way: wait for it.
        if self._task is None:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.user_edit,
            self.password_edit,
            self.login_button,
            self.location_combo,
            self.server_edit,
        ):
            if widget is not None:
                widget.setEnabled(not busy)
        self.busy_indicator.setVisible(busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _done(self) -> None:
        # Drops the job and with it the password it was given.
        if self._task is not None:
            self._task.deleteLater()
            self._task = None
        self._set_busy(False)

    def _succeeded(self, result: object) -> None:
        self._done()
        self.result_value = result
        self.error_label.setVisible(False)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._done()
        message = known_error_text(error)
        if not isinstance(message, str):
            raise error  # a bug: the crash hook logs and reports it
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.password_edit.clear()
        (self.password_edit if self.user_edit.text().strip() else self.user_edit).setFocus()
