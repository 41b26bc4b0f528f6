"""Users and roles: list, create, change role, switch off, reset password."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Role
from desktop.services.changes import Changes
from desktop.services.security import SecurityServices
from desktop.services.security.users import UserRow
from desktop.views.admin.models import UsersTableModel
from desktop.views.admin.user_dialog import UserDialog
from desktop.views.changes_hub import ChangesHub
from desktop.views.labels import role_label
from desktop.views.runner import Refused, run_change, run_query
from desktop.views.widgets.tables import compact_table


class UsersTab(QWidget):
    def __init__(
        self,
        security: SecurityServices,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._hub = hub  # the runner publishes each change there, once
        self.model = UsersTableModel(self)
        self.table = compact_table(self.model, self.tr("Användare"))
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Ny användare…"))
        self.role_button = QPushButton(self.tr("Byt &roll…"))
        self.off_button = QPushButton(self.tr("&Stäng av"))
        self.reset_button = QPushButton(self.tr("&Återställ lösenord…"))
        for button in (self.new_button, self.role_button, self.off_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.create_user)
        self.role_button.clicked.connect(self.change_role)
        self.off_button.clicked.connect(self.deactivate)
        self.reset_button.clicked.connect(self.reset_password)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def reload(self) -> None:
        rows = run_query(
            self,
            self.tr("Användare"),
            self._security.users.list_users,
            reauth=self._security.reauth,
        )
        if rows is not None:
            self.model.set_rows(rows)

    def _selected(self) -> UserRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _change(
        self, title: str, work: Callable[[], Changes], refused: Refused | None = None
    ) -> bool:
        """Runs a change through the runner (asking for the password again if needed)."""
        changes = run_change(
            self,
            title,
            work,
            hub=self._hub,
            reauth=self._security.reauth,
            refused=refused,
        )
        if changes is None:
            return False
        self.reload()
        return True

    def create_user(self) -> None:
        dialog = UserDialog(parent=self)
        users = self._security.users
        while dialog.exec() == QDialog.DialogCode.Accepted:
            create = partial(
                users.create_user,
                dialog.username.text(),
                dialog.display_name.text(),
                dialog.role.currentData(),
                dialog.agency.currentData(),
                dialog.password.text(),
                dialog.recovery.text() or None,
            )
            if self._change(
                self.tr("Ny användare"),
                create,
                refused=lambda text, _error: dialog.show_error(text),
            ):
                return

    def change_role(self) -> None:
        row = self._selected()
        if row is None:
            return
        labels = [role_label(r) for r in Role]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Byt roll"),
            self.tr("Ny roll för %1").replace("%1", row.username),
            labels,
            labels.index(role_label(row.role)),
            False,
        )
        if not ok:
            return
        role = list(Role)[labels.index(label)]
        self._change(self.tr("Byt roll"), lambda: self._security.users.change_role(row.id, role))

    def deactivate(self) -> None:
        """Ask first (it cannot be undone), and for the recovery code when the account
        held another agency's key: without it that key is not rotated (issue 15)."""
        row = self._selected()
        if row is None:
            return
        users = self._security.users
        if users.deactivation_rotates_keys:
            question = self.tr(
                "Stänga av %1? Kontot kan inte logga in igen, och databasens nycklar byts "
                "så att en gammal kopia av nyckelfilen inte öppnar något."
            )
        else:  # a server: the login and the role's rights go, no key is rotated
            question = self.tr(
                "Stänga av %1? Kontot kan inte logga in igen och förlorar genast alla "
                "rättigheter på servern, även i en session som redan är öppen."
            )
        question = question.replace("%1", row.display_name or row.username)
        needs_code = run_query(
            self, self.tr("Stäng av"), lambda: users.keys_needing_recovery_code(row.id)
        )
        if needs_code is None:
            return
        code: str | None = None
        if needs_code:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Stäng av"),
                question
                + "\n\n"
                + self.tr(
                    "%1s avdelningsnyckel byts bara med återställningskoden. Ange den, eller "
                    "lämna fältet tomt för att stänga av utan att byta den nyckeln."
                ).replace("%1", row.agency_name),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
            code = text.strip() or None
        else:
            answer = QMessageBox.question(
                self,
                self.tr("Stäng av"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._change(self.tr("Stäng av"), lambda: users.deactivate(row.id, code))

    def reset_password(self) -> None:
        row = self._selected()
        if row is None:
            return
        dialog = UserDialog(reset_for=row.username, parent=self)
        users = self._security.users
        while dialog.exec() == QDialog.DialogCode.Accepted:
            reset = partial(
                users.reset_password, row.id, dialog.password.text(), dialog.recovery.text()
            )
            if self._change(
                self.tr("Nytt lösenord"),
                reset,
                refused=lambda text, _error: dialog.show_error(text),
            ):
                return
