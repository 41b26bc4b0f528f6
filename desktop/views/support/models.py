"""Item models of the support page: the catalogue, referrals, a referral's history."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.engagement.rows import ReferralEventRow, ReferralRow, ServiceRow
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.callins.base_model import FrozenRowsModel
from desktop.views.callins.labels import label, tr

INACTIVE_BRUSH = QBrush(QColor("#777777"))


class ServiceColumn(enum.IntEnum):
    KIND = 0
    NAME = 1
    PROVIDER = 2
    AGENCY = 3
    CONTACT = 4
    OPEN = 5


class ServiceTableModel(FrozenRowsModel[ServiceRow]):
    COLUMNS = ServiceColumn
    HEADERS = {
        ServiceColumn.KIND: QT_TRANSLATE_NOOP("Engagemang", "Typ"),
        ServiceColumn.NAME: QT_TRANSLATE_NOOP("Engagemang", "Stödinsats"),
        ServiceColumn.PROVIDER: QT_TRANSLATE_NOOP("Engagemang", "Utförare"),
        ServiceColumn.AGENCY: QT_TRANSLATE_NOOP("Engagemang", "Myndighet"),
        ServiceColumn.CONTACT: QT_TRANSLATE_NOOP("Engagemang", "Kontakt"),
        ServiceColumn.OPEN: QT_TRANSLATE_NOOP("Engagemang", "Pågående remisser"),
    }

    def text(self, row: ServiceRow, column: Any) -> str:
        name = row.name if row.active else f"{row.name} ({tr('inaktiv')})"
        return {
            ServiceColumn.KIND: label(row.kind),
            ServiceColumn.NAME: name,
            ServiceColumn.PROVIDER: row.provider,
            ServiceColumn.AGENCY: row.agency_name,
            ServiceColumn.CONTACT: " ".join(row.contact.split()),
            ServiceColumn.OPEN: str(row.open_referrals),
        }[column]

    def extra(self, row: ServiceRow, column: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return INACTIVE_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column is ServiceColumn.NAME:
            return row.description or None
        return None


class ReferralColumn(enum.IntEnum):
    PERSON = 0
    SERVICE = 1
    STATUS = 2
    OPENED = 3
    CLOSED = 4
    AGENCY = 5
    RESPONSIBLE = 6
    SELF = 7


class ReferralTableModel(FrozenRowsModel[ReferralRow]):
    COLUMNS = ReferralColumn
    HEADERS = {
        ReferralColumn.PERSON: QT_TRANSLATE_NOOP("Engagemang", "Person"),
        ReferralColumn.SERVICE: QT_TRANSLATE_NOOP("Engagemang", "Stödinsats"),
        ReferralColumn.STATUS: QT_TRANSLATE_NOOP("Engagemang", "Status"),
        ReferralColumn.OPENED: QT_TRANSLATE_NOOP("Engagemang", "Från"),
        ReferralColumn.CLOSED: QT_TRANSLATE_NOOP("Engagemang", "Avslutad"),
        ReferralColumn.AGENCY: QT_TRANSLATE_NOOP("Engagemang", "Ansvarig myndighet"),
        ReferralColumn.RESPONSIBLE: QT_TRANSLATE_NOOP("Engagemang", "Ansvarig"),
        ReferralColumn.SELF: QT_TRANSLATE_NOOP("Engagemang", "Eget initiativ"),
    }

    def text(self, row: ReferralRow, column: Any) -> str:
        return {
            ReferralColumn.PERSON: row.person_label,
            ReferralColumn.SERVICE: row.service_name,
            ReferralColumn.STATUS: label(row.status),
            ReferralColumn.OPENED: row.opened_on.isoformat(),
            ReferralColumn.CLOSED: row.closed_on.isoformat() if row.closed_on else "",
            ReferralColumn.AGENCY: row.responsible_agency,
            ReferralColumn.RESPONSIBLE: row.responsible_name,
            ReferralColumn.SELF: tr("Ja") if row.self_initiated else "",
        }[column]


class EventColumn(enum.IntEnum):
    DATE = 0
    STATUS = 1
    USER = 2


class ReferralEventTableModel(FrozenRowsModel[ReferralEventRow]):
    COLUMNS = EventColumn
    HEADERS = {
        EventColumn.DATE: QT_TRANSLATE_NOOP("Engagemang", "Datum"),
        EventColumn.STATUS: QT_TRANSLATE_NOOP("Engagemang", "Steg"),
        EventColumn.USER: QT_TRANSLATE_NOOP("Engagemang", "Registrerat av"),
    }

    def text(self, row: ReferralEventRow, column: Any) -> str:
        return {
            EventColumn.DATE: row.on_date.isoformat(),
            EventColumn.STATUS: label(row.status),
            EventColumn.USER: row.user_name,
        }[column]
