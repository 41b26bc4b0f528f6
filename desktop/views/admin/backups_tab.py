"""Backups: the rotation in the backup folder and a backup now; the idle-lock maximum."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.security import SecurityServices
from desktop.services.security.lock_policy import LIMITS
from desktop.views.admin.models import BackupsTableModel
from desktop.views.runner import done, run_change
from desktop.views.widgets.tables import compact_table


class BackupsTab(QWidget):
    def __init__(self, security: SecurityServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._security = security
        self.model = BackupsTableModel(self)
        self.table = compact_table(self.model, self.tr("Säkerhetskopior"))
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Säkerhetskopiera nu"))
        self.backup_button.clicked.connect(self.backup_now)
        self.status = QLabel()
        self.status.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.folder, 1)
        head.addWidget(self.backup_button)
        self.idle = QSpinBox()
        self.idle.setRange(*LIMITS)
        self.idle.setSuffix(self.tr(" min"))
        self.idle_button = QPushButton(self.tr("Spara"))
        self.idle_button.clicked.connect(self.save_idle)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Längsta tid innan låsning"), idle_row)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Kopiorna är krypterade med samma nycklar som databasen. En kopia tas "
                    "automatiskt en gång per dygn; de %1 senaste sparas."
                ).replace("%1", str(security.backups.keep))
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(form)

    def reload(self) -> None:
        self.folder.setText(self.tr("Mapp: %1").replace("%1", str(self._security.backups.folder)))
        self.model.set_rows(self._security.backups.backups())
        self.idle.setValue(self._security.lock_policy.max_idle_minutes())

    def _say(self, text: str, _error: BaseException) -> None:
        self.status.setText(text)

    def backup_now(self) -> None:
        path = run_change(
            self, self.tr("Säkerhetskopia"), self._security.backups.backup_now, refused=self._say
        )
        if path is None:
            return
        self.status.setText(self.tr("Kopian sparades: %1").replace("%1", path.name))
        self.reload()

    def save_idle(self) -> None:
        minutes, policy = self.idle.value(), self._security.lock_policy
        saved = run_change(
            self,
            self.tr("Låstid"),
            done(lambda: policy.set_max_idle_minutes(minutes)),
            refused=self._say,
        )
        if saved is None:
            return
        self.status.setText(self.tr("Låstiden sparades."))
