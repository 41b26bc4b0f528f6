"""New user, or an administrator's password reset (with the recovery code)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Role
from desktop.views.labels import AGENCY_LABELS, agency_label, role_label


class UserDialog(QDialog):
    """Collects the fields; the page calls the service and shows its errors here.

    Args:
        reset_for: A user name to reset (only the password fields are shown), or None.
    """

    def __init__(self, reset_for: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Återställ lösenord") if reset_for else self.tr("Ny användare"))
        form = QFormLayout()
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role)
        self.agency = QComboBox()
        for code in AGENCY_LABELS:
            self.agency.addItem(agency_label(code, code), code)
        if reset_for is None:
            form.addRow(self.tr("&Användarnamn"), self.username)
            form.addRow(self.tr("&Namn"), self.display_name)
            form.addRow(self.tr("&Roll"), self.role)
            form.addRow(self.tr("&Myndighet"), self.agency)
        else:
            form.addRow(self.tr("Användare"), QLabel(reset_for))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery = QLineEdit()
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form.addRow(self.tr("&Lösenord"), self.password)
        form.addRow(self.tr("&Upprepa"), self.repeat)
        form.addRow(self.tr("Åter&ställningskod"), self.recovery)
        hint = QLabel(
            self.tr(
                "Minst 12 tecken; en mening med flera ord fungerar bra. Vanliga lösenord "
                "och namn på personen, myndigheten eller programmet godtas inte. "
                "Återställningskoden behövs för en annan myndighet än din egen och vid "
                "återställning."
            )
        )
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("Lösenorden är inte lika."))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
