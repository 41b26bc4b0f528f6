"""Thin table models over the security services' frozen rows; columns are IntEnums."""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.models import RetentionCategory, Role
from desktop.services.security.audit_log import AuditRow
from desktop.services.security.backups import BackupRow
from desktop.services.security.retention import RuleRow
from desktop.services.security.retention_queries import ReviewRow
from desktop.services.security.users import UserRow
from desktop.views.i18n import format_datetime, utc_to_local
from desktop.views.labels import agency_label, role_label
from desktop.views.widgets.rows_model import FrozenRowsModel

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class _FrozenRowsModel(FrozenRowsModel[Row]):
    Column: type[enum.IntEnum]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.Column)
        ):
            return self.header(self.Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self._rows[index.row()], self.Column(index.column()))
        return None

    def header(self, column: Any) -> str:
        raise NotImplementedError

    def text(self, row: Row, column: Any) -> str:
        raise NotImplementedError


def _when(value: Any) -> str:
    """A stored naive-UTC time (logins, backups, activity) in Stockholm time."""
    return format_datetime(utc_to_local(value)) if value is not None else "–"


class UsersTableModel(_FrozenRowsModel[UserRow]):
    class Column(enum.IntEnum):
        USERNAME = 0
        NAME = 1
        ROLE = 2
        AGENCY = 3
        ACTIVE = 4
        LAST_LOGIN = 5

    def header(self, column: Column) -> str:
        C = self.Column
        return {
            C.USERNAME: self.tr("Användarnamn"),
            C.NAME: self.tr("Namn"),
            C.ROLE: self.tr("Roll"),
            C.AGENCY: self.tr("Myndighet"),
            C.ACTIVE: self.tr("Status"),
            C.LAST_LOGIN: self.tr("Senast inloggad"),
        }[column]

    def text(self, row: UserRow, column: Column) -> str:
        C = self.Column
        if column is C.USERNAME:
            return row.username
        if column is C.NAME:
            return row.display_name
        if column is C.ROLE:
            return role_label(row.role)
        if column is C.AGENCY:
            return agency_label(row.agency_code, row.agency_name)
        if column is C.ACTIVE:
            return self.tr("Aktiv") if row.active else self.tr("Avstängd")
        return _when(row.last_login_at)


def category_label(category: RetentionCategory) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {
        RetentionCategory.PERSON: "Personer (granskas först)",
        RetentionCategory.NOTE: "Anteckningar",
        RetentionCategory.VISIT: "Besök",
        RetentionCategory.DELIVERY: "Delgivningar",
        RetentionCategory.REFERRAL: "Avslutade insatser (stöd)",
        RetentionCategory.AUDIT: "Behandlingslogg (sparas)",
        RetentionCategory.INCIDENT: "Händelser (våld)",
    }
    return QCoreApplication.translate("Gallring", words[category])


class RulesTableModel(_FrozenRowsModel[RuleRow]):
    class Column(enum.IntEnum):
        CATEGORY = 0
        AGENCY = 1
        DAYS = 2
        LEGAL = 3
        ACTIVE = 4

    def header(self, column: Column) -> str:
        C = self.Column
        return {
            C.CATEGORY: self.tr("Uppgifter"),
            C.AGENCY: self.tr("Myndighet"),
            C.DAYS: self.tr("Sparas (dagar)"),
            C.LEGAL: self.tr("Lagstöd / frist"),
            C.ACTIVE: self.tr("Status"),
        }[column]

    def text(self, row: RuleRow, column: Column) -> str:
        C = self.Column
        if column is C.CATEGORY:
            return category_label(row.category)
        if column is C.AGENCY:
            return agency_label(row.agency_code, row.agency_code) if row.agency_code else "–"
        if column is C.DAYS:
            return str(row.keep_days)
        if column is C.LEGAL:
            return row.legal_text
        return self.tr("Gäller") if row.active else self.tr("Vilande")


class ReviewTableModel(_FrozenRowsModel[ReviewRow]):
    class Column(enum.IntEnum):
        NAME = 0
        LAST_ACTIVITY = 1

    def header(self, column: Column) -> str:
        if column is self.Column.NAME:
            return self.tr("Person")
        return self.tr("Senaste aktivitet")

    def text(self, row: ReviewRow, column: Column) -> str:
        return row.name if column is self.Column.NAME else _when(row.last_activity)


class BackupsTableModel(_FrozenRowsModel[BackupRow]):
    class Column(enum.IntEnum):
        TAKEN = 0
        FILE = 1
        SIZE = 2

    def header(self, column: Column) -> str:
        C = self.Column
        return {C.TAKEN: self.tr("Tagen"), C.FILE: self.tr("Fil"), C.SIZE: self.tr("Storlek")}[
            column
        ]

    def text(self, row: BackupRow, column: Column) -> str:
        C = self.Column
        if column is C.TAKEN:
            return _when(row.taken_at)
        if column is C.FILE:
            return row.path.name
        return f"{row.size / 1_048_576:.1f} MB"


class AuditTableModel(_FrozenRowsModel[AuditRow]):
    class Column(enum.IntEnum):
        SEQ = 0
        TIME = 1
        USER = 2
        ROLE = 3
        AGENCY = 4
        WORKSTATION = 5
        ACTION = 6
        OBJECT = 7
        PURPOSE = 8
        DETAIL = 9

    def header(self, column: Column) -> str:
        C = self.Column
        return {
            C.SEQ: self.tr("Nr"),
            C.TIME: self.tr("Tid"),
            C.USER: self.tr("Användare"),
            C.ROLE: self.tr("Roll"),
            C.AGENCY: self.tr("Myndighet"),
            C.WORKSTATION: self.tr("Dator"),
            C.ACTION: self.tr("Händelse"),
            C.OBJECT: self.tr("Objekt"),
            C.PURPOSE: self.tr("Ändamål"),
            C.DETAIL: self.tr("Detaljer"),
        }[column]

    def text(self, row: AuditRow, column: Column) -> str:
        C = self.Column
        if column is C.SEQ:
            return str(row.seq)
        if column is C.TIME:
            return utc_to_local(row.at).strftime("%Y-%m-%d %H:%M:%S")
        if column is C.USER:
            return row.username or (str(row.user_id) if row.user_id else "–")
        if column is C.ROLE:
            return role_label(Role(row.role)) if row.role in set(Role) else (row.role or "–")
        if column is C.AGENCY:
            return agency_label(row.agency_code, row.agency_code) if row.agency_code else "–"
        if column is C.WORKSTATION:
            return row.workstation
        if column is C.ACTION:
            return row.action
        if column is C.OBJECT:
            ids = ", ".join(str(i) for i in row.object_ids)
            return f"{row.object_type} {ids}".strip() or "–"
        if column is C.PURPOSE:
            return row.purpose or "–"
        return row.detail
