"""Thin table models over the incident rows (issue 20); columns IntEnums, headers translated."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.incidents.rows import (
    IncidentRow,
    ResponseTarget,
    TimelineRow,
)
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.incidents.labels import (
    certainty_label,
    kind_label,
    reason_label,
    role_label,
    side_label,
    status_label,
    when,
)
from desktop.views.widgets.rows_model import EnumRowsModel

_CONTEXT = "Händelsetabeller"
#: Killed or injured: the count cell in a dark red, with the number itself saying it.
HARM = QColor("#8e1b1b")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def harm_text(injured: int, killed: int) -> str:
    """ "1 död, 2 skadade", or "–" when nobody was hurt."""
    parts = []
    if killed:
        parts.append(_tr("%1 döda").replace("%1", str(killed)) if killed > 1 else _tr("1 död"))
    if injured:
        parts.append(
            _tr("%1 skadade").replace("%1", str(injured)) if injured > 1 else _tr("1 skadad")
        )
    return ", ".join(parts) or "–"


class IncidentColumn(enum.IntEnum):
    WHEN = 0
    KIND = 1
    CERTAINTY = 2
    DISTRICT = 3
    HARM = 4
    SUSPECTED = 5
    VICTIM = 6
    REFERENCE = 7
    RESPONSE = 8


class IncidentTableModel(EnumRowsModel[IncidentRow]):
    COLUMNS = IncidentColumn
    CONTEXT = _CONTEXT
    HEADERS = {
        IncidentColumn.WHEN: QT_TRANSLATE_NOOP("Händelsetabeller", "Tidpunkt"),
        IncidentColumn.KIND: QT_TRANSLATE_NOOP("Händelsetabeller", "Typ"),
        IncidentColumn.CERTAINTY: QT_TRANSLATE_NOOP("Händelsetabeller", "Säkerhet"),
        IncidentColumn.DISTRICT: QT_TRANSLATE_NOOP("Händelsetabeller", "Område"),
        IncidentColumn.HARM: QT_TRANSLATE_NOOP("Händelsetabeller", "Skadade och döda"),
        IncidentColumn.SUSPECTED: QT_TRANSLATE_NOOP("Händelsetabeller", "Misstänkt sida"),
        IncidentColumn.VICTIM: QT_TRANSLATE_NOOP("Händelsetabeller", "Drabbad sida"),
        IncidentColumn.REFERENCE: QT_TRANSLATE_NOOP("Händelsetabeller", "Diarienummer"),
        IncidentColumn.RESPONSE: QT_TRANSLATE_NOOP("Händelsetabeller", "Respons"),
    }

    def text(self, row: IncidentRow, column: Any) -> str:
        c = IncidentColumn(column)
        if c is IncidentColumn.WHEN:
            return when(row.occurred_at)
        if c is IncidentColumn.KIND:
            return kind_label(row.kind)
        if c is IncidentColumn.CERTAINTY:
            return certainty_label(row.certainty)
        if c is IncidentColumn.DISTRICT:
            return row.district or "–"
        if c is IncidentColumn.HARM:
            return harm_text(row.injured, row.killed)
        if c is IncidentColumn.SUSPECTED:
            return ", ".join(row.suspected_groups) or "–"
        if c is IncidentColumn.VICTIM:
            return ", ".join(row.victim_groups) or "–"
        if c is IncidentColumn.REFERENCE:
            return row.reference
        if row.response_status is None:
            return "–"
        text = status_label(row.response_status)
        if row.urgent_visits:
            text += " · " + _tr("%1 akuta besök").replace("%1", str(row.urgent_visits))
        return text

    def extra(self, row: IncidentRow, column: Any, role: int) -> Any:
        harmed = row.killed or row.injured
        if role == Qt.ItemDataRole.ForegroundRole and column == IncidentColumn.HARM and harmed:
            return QBrush(HARM)
        return None


class TimelineColumn(enum.IntEnum):
    WHEN = 0
    KIND = 1
    PART = 2
    DISTRICT = 3
    HARM = 4
    REFERENCE = 5


class TimelineTableModel(EnumRowsModel[TimelineRow]):
    """A group's or a person's incidents, newest first, with their part in each."""

    COLUMNS = TimelineColumn
    CONTEXT = _CONTEXT
    HEADERS = {
        TimelineColumn.WHEN: QT_TRANSLATE_NOOP("Händelsetabeller", "Tidpunkt"),
        TimelineColumn.KIND: QT_TRANSLATE_NOOP("Händelsetabeller", "Typ"),
        TimelineColumn.PART: QT_TRANSLATE_NOOP("Händelsetabeller", "Del i händelsen"),
        TimelineColumn.DISTRICT: QT_TRANSLATE_NOOP("Händelsetabeller", "Område"),
        TimelineColumn.HARM: QT_TRANSLATE_NOOP("Händelsetabeller", "Skadade och döda"),
        TimelineColumn.REFERENCE: QT_TRANSLATE_NOOP("Händelsetabeller", "Diarienummer"),
    }

    def text(self, row: TimelineRow, column: Any) -> str:
        c = TimelineColumn(column)
        if c is TimelineColumn.WHEN:
            return when(row.occurred_at)
        if c is TimelineColumn.KIND:
            probable = row.certainty.value == "probable"
            return kind_label(row.kind) + (
                f" ({certainty_label(row.certainty)})" if probable else ""
            )
        if c is TimelineColumn.PART:
            # Through a group the part is the group's side; else the person's own role.
            return side_label(row.part) if row.group_id is not None else role_label(row.part)
        if c is TimelineColumn.DISTRICT:
            return row.district or "–"
        if c is TimelineColumn.HARM:
            return harm_text(row.injured, row.killed)
        return row.reference

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            row = self.row_at(index.row())
            return row.incident_id if row is not None else None
        return super().data(index, role)


class TargetColumn(enum.IntEnum):
    PERSON = 0
    GROUP = 1
    REASON = 2


class TargetTableModel(EnumRowsModel[ResponseTarget]):
    """Who the urgent round would visit, and why."""

    COLUMNS = TargetColumn
    CONTEXT = _CONTEXT
    HEADERS = {
        TargetColumn.PERSON: QT_TRANSLATE_NOOP("Händelsetabeller", "Person"),
        TargetColumn.GROUP: QT_TRANSLATE_NOOP("Händelsetabeller", "Gruppering"),
        TargetColumn.REASON: QT_TRANSLATE_NOOP("Händelsetabeller", "Varför"),
    }

    def text(self, row: ResponseTarget, column: Any) -> str:
        c = TargetColumn(column)
        if c is TargetColumn.PERSON:
            return row.label
        if c is TargetColumn.GROUP:
            return row.group_name
        return reason_label(row.reason)
