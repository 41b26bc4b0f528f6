"""The main window's status line: who is logged in, in what role, where."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.views.shell.pages import StatusInfo


class ShellStatusBar(QStatusBar):
    """Shows user, role, agency and database as permanent labels."""

    def __init__(self, status: StatusInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user = QLabel()
        self._role = QLabel()
        self._agency = QLabel()
        self._database = QLabel()
        self._user.setObjectName("statusUser")
        self._role.setObjectName("statusRole")
        self._agency.setObjectName("statusAgency")
        self._database.setObjectName("statusDatabase")
        for label in (self._user, self._role, self._agency):
            self.addPermanentWidget(label)
        # The database path can be long; it takes the stretch and elides first.
        self.addWidget(self._database, 1)
        self.set_status(status)

    def set_status(self, status: StatusInfo) -> None:
        """Replaces the shown information."""
        self._status = status
        self._user.setText(self.tr("Inloggad: %1").replace("%1", status.user_name))
        self._role.setText(status.role_label)
        self._agency.setText(status.agency_label)
        self._database.setText(self.tr("Databas: %1").replace("%1", status.database_label))
        self._database.setToolTip(status.database_label)

    def status(self) -> StatusInfo:
        """Returns the information shown."""
        return self._status

    def retranslate(self) -> None:
        """Re-renders the labels after a language switch."""
        self.set_status(self._status)
