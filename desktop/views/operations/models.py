"""Thin table models over the operation rows; columns are IntEnums, headers translated."""

from __future__ import annotations

import enum
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.operations.rows import (
    CandidateRow,
    OperationRow,
    TargetRow,
    TeamRow,
    UnplacedRow,
)
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.operations.labels import (
    OPERATION_STATUS,
    PERSON_STATUS,
    UNPLACED,
    VISIT_STATUS,
    missing_text,
    word,
)
from desktop.views.widgets.rows_model import EnumRowsModel, Index

__all__ = ["WARN", "Index", "RowsModel"]

Row = TypeVar("Row")
WARN = QColor("#B00020")


class RowsModel(EnumRowsModel[Row]):
    """Frozen rows in, text out. Subclasses name their columns and headers; ``warn``
    paints a cell red."""

    CONTEXT: ClassVar[str] = "Insatstabeller"

    def extra(self, row: Row, column: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and self.warn(row, column):
            return QBrush(WARN)
        return None

    def warn(self, row: Row, column: Any) -> bool:
        return False


class OperationColumn(enum.IntEnum):
    NAME = 0
    PERIOD = 1
    STATUS = 2
    TARGETS = 3
    TEAMS = 4
    VISITS = 5


class OperationTableModel(RowsModel[OperationRow]):
    COLUMNS = OperationColumn
    HEADERS = {
        OperationColumn.NAME: QT_TRANSLATE_NOOP("Insatstabeller", "Insats"),
        OperationColumn.PERIOD: QT_TRANSLATE_NOOP("Insatstabeller", "Period"),
        OperationColumn.STATUS: QT_TRANSLATE_NOOP("Insatstabeller", "Status"),
        OperationColumn.TARGETS: QT_TRANSLATE_NOOP("Insatstabeller", "Mål"),
        OperationColumn.TEAMS: QT_TRANSLATE_NOOP("Insatstabeller", "Team"),
        OperationColumn.VISITS: QT_TRANSLATE_NOOP("Insatstabeller", "Besök"),
    }

    def text(self, row: OperationRow, column: Any) -> str:
        if column is OperationColumn.NAME:
            return row.name
        if column is OperationColumn.PERIOD:
            return f"{row.start_date:%Y-%m-%d} – {row.end_date:%Y-%m-%d}"
        if column is OperationColumn.STATUS:
            return word(OPERATION_STATUS, row.status)
        if column is OperationColumn.TARGETS:
            return str(row.target_count)
        if column is OperationColumn.TEAMS:
            return str(row.team_count)
        extra = f" (+{row.proposed_count} förslag)" if row.proposed_count else ""
        return f"{row.visit_count}{extra}"


class TargetColumn(enum.IntEnum):
    NAME = 0
    AREA = 1
    GROUPS = 2
    PRIORITY = 3
    VISIT = 4


class TargetTableModel(RowsModel[TargetRow]):
    COLUMNS = TargetColumn
    HEADERS = {
        TargetColumn.NAME: QT_TRANSLATE_NOOP("Insatstabeller", "Namn"),
        TargetColumn.AREA: QT_TRANSLATE_NOOP("Insatstabeller", "Område"),
        TargetColumn.GROUPS: QT_TRANSLATE_NOOP("Insatstabeller", "Grupperingar"),
        TargetColumn.PRIORITY: QT_TRANSLATE_NOOP("Insatstabeller", "Prio"),
        TargetColumn.VISIT: QT_TRANSLATE_NOOP("Insatstabeller", "Besök"),
    }

    def text(self, row: TargetRow, column: Any) -> str:
        if column is TargetColumn.NAME:
            return row.name + (" 🔒" if row.protected_identity else "")
        if column is TargetColumn.AREA:
            return row.area
        if column is TargetColumn.GROUPS:
            return row.groups
        if column is TargetColumn.PRIORITY:
            return str(row.priority)
        if row.visit_status is None or row.visit_start is None:
            return QCoreApplication.translate(self.CONTEXT, "Inte planerat")
        return f"{row.visit_start:%Y-%m-%d %H:%M} · {word(VISIT_STATUS, row.visit_status)}"


class CandidateColumn(enum.IntEnum):
    NAME = 0
    AREA = 1
    GROUPS = 2
    PRIORITY = 3
    STATUS = 4
    LAST = 5


class CandidateTableModel(RowsModel[CandidateRow]):
    COLUMNS = CandidateColumn
    HEADERS = {
        CandidateColumn.NAME: QT_TRANSLATE_NOOP("Insatstabeller", "Namn"),
        CandidateColumn.AREA: QT_TRANSLATE_NOOP("Insatstabeller", "Område"),
        CandidateColumn.GROUPS: QT_TRANSLATE_NOOP("Insatstabeller", "Grupperingar"),
        CandidateColumn.PRIORITY: QT_TRANSLATE_NOOP("Insatstabeller", "Prio"),
        CandidateColumn.STATUS: QT_TRANSLATE_NOOP("Insatstabeller", "Status"),
        CandidateColumn.LAST: QT_TRANSLATE_NOOP("Insatstabeller", "Senaste kontakt"),
    }

    def text(self, row: CandidateRow, column: Any) -> str:
        if column is CandidateColumn.NAME:
            return row.name
        if column is CandidateColumn.AREA:
            return row.area
        if column is CandidateColumn.GROUPS:
            return row.groups
        if column is CandidateColumn.PRIORITY:
            return str(row.priority)
        if column is CandidateColumn.STATUS:
            return word(PERSON_STATUS, row.status)
        return f"{row.last_contact:%Y-%m-%d}" if row.last_contact else "–"


class TeamColumn(enum.IntEnum):
    NAME = 0
    MEMBERS = 1
    PER_DAY = 2
    AGENCIES = 3


class TeamTableModel(RowsModel[TeamRow]):
    COLUMNS = TeamColumn
    HEADERS = {
        TeamColumn.NAME: QT_TRANSLATE_NOOP("Insatstabeller", "Team"),
        TeamColumn.MEMBERS: QT_TRANSLATE_NOOP("Insatstabeller", "Medlemmar"),
        TeamColumn.PER_DAY: QT_TRANSLATE_NOOP("Insatstabeller", "Högst/dag"),
        TeamColumn.AGENCIES: QT_TRANSLATE_NOOP("Insatstabeller", "Myndigheter"),
    }

    def text(self, row: TeamRow, column: Any) -> str:
        if column is TeamColumn.NAME:
            return row.name
        if column is TeamColumn.MEMBERS:
            return ", ".join(m.name for m in row.members)
        if column is TeamColumn.PER_DAY:
            return str(row.max_visits_per_day)
        if len(row.members) < 2 and not row.missing:
            return "⚠ " + QCoreApplication.translate(self.CONTEXT, "För få medlemmar")
        return missing_text(row.missing)

    def warn(self, row: TeamRow, column: Any) -> bool:
        return column is TeamColumn.AGENCIES and not row.two_agency


class UnplacedColumn(enum.IntEnum):
    NAME = 0
    REASON = 1


class UnplacedTableModel(RowsModel[UnplacedRow]):
    COLUMNS = UnplacedColumn
    HEADERS = {
        UnplacedColumn.NAME: QT_TRANSLATE_NOOP("Insatstabeller", "Kunde inte planeras"),
        UnplacedColumn.REASON: QT_TRANSLATE_NOOP("Insatstabeller", "Skäl"),
    }

    def text(self, row: UnplacedRow, column: Any) -> str:
        return row.name if column is UnplacedColumn.NAME else word(UNPLACED, row.reason)
