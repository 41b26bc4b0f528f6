"""Item models of the call-ins page: call-ins, speakers, invitations, deliveries."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models import InvitationStatus
from desktop.services.engagement.rows import (
    CallInRow,
    InvitationRow,
    RepeatRow,
    SpeakerRow,
)
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.callins.base_model import FrozenRowsModel
from desktop.views.callins.labels import label, tr

NO_SHOW_BRUSH = QBrush(QColor("#8a1c1c"))
CAME_BRUSH = QBrush(QColor("#1d5e2a"))


class CallInColumn(enum.IntEnum):
    DATE = 0
    TITLE = 1
    VENUE = 2
    STATUS = 3
    INVITED = 4
    ATTENDED = 5
    NO_SHOW = 6


class CallInTableModel(FrozenRowsModel[CallInRow]):
    COLUMNS = CallInColumn
    HEADERS = {
        CallInColumn.DATE: QT_TRANSLATE_NOOP("Engagemang", "Datum"),
        CallInColumn.TITLE: QT_TRANSLATE_NOOP("Engagemang", "Rubrik"),
        CallInColumn.VENUE: QT_TRANSLATE_NOOP("Engagemang", "Lokal"),
        CallInColumn.STATUS: QT_TRANSLATE_NOOP("Engagemang", "Status"),
        CallInColumn.INVITED: QT_TRANSLATE_NOOP("Engagemang", "Kallade"),
        CallInColumn.ATTENDED: QT_TRANSLATE_NOOP("Engagemang", "Deltog"),
        CallInColumn.NO_SHOW: QT_TRANSLATE_NOOP("Engagemang", "Uteblev"),
    }

    def text(self, row: CallInRow, column: Any) -> str:
        return {
            CallInColumn.DATE: f"{row.starts_at:%Y-%m-%d %H:%M}",
            CallInColumn.TITLE: row.title,
            CallInColumn.VENUE: row.venue,
            CallInColumn.STATUS: label(row.status),
            CallInColumn.INVITED: str(row.invited),
            CallInColumn.ATTENDED: str(row.attended),
            CallInColumn.NO_SHOW: str(row.no_show),
        }[column]


class SpeakerColumn(enum.IntEnum):
    ORDER = 0
    NAME = 1
    ORGANISATION = 2
    PART = 3


class SpeakerTableModel(FrozenRowsModel[SpeakerRow]):
    COLUMNS = SpeakerColumn
    HEADERS = {
        SpeakerColumn.ORDER: QT_TRANSLATE_NOOP("Engagemang", "Ordning"),
        SpeakerColumn.NAME: QT_TRANSLATE_NOOP("Engagemang", "Talare"),
        SpeakerColumn.ORGANISATION: QT_TRANSLATE_NOOP("Engagemang", "Organisation"),
        SpeakerColumn.PART: QT_TRANSLATE_NOOP("Engagemang", "Del"),
    }

    def text(self, row: SpeakerRow, column: Any) -> str:
        return {
            SpeakerColumn.ORDER: str(row.position + 1),
            SpeakerColumn.NAME: row.name,
            SpeakerColumn.ORGANISATION: row.organisation,
            SpeakerColumn.PART: row.part,
        }[column]


class InvitationColumn(enum.IntEnum):
    NAME = 0
    GROUPS = 1
    MANDATED_BY = 2
    LETTER = 3
    STATUS = 4
    ACCOMPANIED_BY = 5
    DELIVERED = 6


class InvitationTableModel(FrozenRowsModel[InvitationRow]):
    COLUMNS = InvitationColumn
    HEADERS = {
        InvitationColumn.NAME: QT_TRANSLATE_NOOP("Engagemang", "Namn"),
        InvitationColumn.GROUPS: QT_TRANSLATE_NOOP("Engagemang", "Grupperingar"),
        InvitationColumn.MANDATED_BY: QT_TRANSLATE_NOOP("Engagemang", "Ålagd av"),
        InvitationColumn.LETTER: QT_TRANSLATE_NOOP("Engagemang", "Kallelse"),
        InvitationColumn.STATUS: QT_TRANSLATE_NOOP("Engagemang", "Närvaro"),
        InvitationColumn.ACCOMPANIED_BY: QT_TRANSLATE_NOOP("Engagemang", "Sällskap"),
        InvitationColumn.DELIVERED: QT_TRANSLATE_NOOP("Engagemang", "Delgiven"),
    }

    def text(self, row: InvitationRow, column: Any) -> str:
        if column is InvitationColumn.LETTER:
            return f"{row.letter_printed_at:%Y-%m-%d}" if row.letter_printed_at else ""
        if column is InvitationColumn.DELIVERED:
            return tr("Ja") if row.delivered else ""
        return {
            InvitationColumn.NAME: row.person_label,
            InvitationColumn.GROUPS: row.groups,
            InvitationColumn.MANDATED_BY: row.mandated_by,
            InvitationColumn.STATUS: label(row.status),
            InvitationColumn.ACCOMPANIED_BY: row.accompanied_by,
        }[column]

    def extra(self, row: InvitationRow, column: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column is InvitationColumn.STATUS:
            if row.status is InvitationStatus.NO_SHOW:
                return NO_SHOW_BRUSH
            if row.status in (InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY):
                return CAME_BRUSH
        return None


class RepeatColumn(enum.IntEnum):
    NAME = 0
    COUNT = 1
    FIRST = 2
    LAST = 3
    CHANNELS = 4


class RepeatTableModel(FrozenRowsModel[RepeatRow]):
    COLUMNS = RepeatColumn
    HEADERS = {
        RepeatColumn.NAME: QT_TRANSLATE_NOOP("Engagemang", "Namn"),
        RepeatColumn.COUNT: QT_TRANSLATE_NOOP("Engagemang", "Antal"),
        RepeatColumn.FIRST: QT_TRANSLATE_NOOP("Engagemang", "Första"),
        RepeatColumn.LAST: QT_TRANSLATE_NOOP("Engagemang", "Senaste"),
        RepeatColumn.CHANNELS: QT_TRANSLATE_NOOP("Engagemang", "Kanaler"),
    }

    def text(self, row: RepeatRow, column: Any) -> str:
        return {
            RepeatColumn.NAME: row.person_label,
            RepeatColumn.COUNT: str(row.count),
            RepeatColumn.FIRST: row.first_on.isoformat(),
            RepeatColumn.LAST: row.last_on.isoformat(),
            RepeatColumn.CHANNELS: ", ".join(sorted(label(c) for c in row.channels)),
        }[column]
