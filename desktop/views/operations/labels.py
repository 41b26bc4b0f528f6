"""Words for the operation codes (statuses, reasons, agencies), translated once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.models import AgencyKind, OperationStatus, PersonStatus
from desktop.services.planning.request import UnplacedReason, WarningCode
from desktop.services.vocabulary import MESSAGE_PART_WORDS, QT_TRANSLATE_NOOP, VISIT_STATUS_WORDS

_C = "Insatsord"

OPERATION_STATUS = {
    OperationStatus.DRAFT: QT_TRANSLATE_NOOP("Insatsord", "Utkast"),
    OperationStatus.ACTIVE: QT_TRANSLATE_NOOP("Insatsord", "Pågår"),
    OperationStatus.CLOSED: QT_TRANSLATE_NOOP("Insatsord", "Avslutad"),
}
VISIT_STATUS = VISIT_STATUS_WORDS  # one vocabulary (issue 17): desktop/services/vocabulary.py
PERSON_STATUS = {
    PersonStatus.ACTIVE: QT_TRANSLATE_NOOP("Insatsord", "Aktiv"),
    PersonStatus.INACTIVE: QT_TRANSLATE_NOOP("Insatsord", "Inaktiv"),
    PersonStatus.MOVED: QT_TRANSLATE_NOOP("Insatsord", "Flyttat"),
    PersonStatus.IN_CUSTODY: QT_TRANSLATE_NOOP("Insatsord", "Frihetsberövad"),
    PersonStatus.EXITED: QT_TRANSLATE_NOOP("Insatsord", "Avhoppad"),
    PersonStatus.DECEASED: QT_TRANSLATE_NOOP("Insatsord", "Avliden"),
}
AGENCY = {
    AgencyKind.POLICE: QT_TRANSLATE_NOOP("Insatsord", "Polisen"),
    AgencyKind.SOCIAL: QT_TRANSLATE_NOOP("Insatsord", "Socialtjänsten"),
    AgencyKind.PROBATION: QT_TRANSLATE_NOOP("Insatsord", "Kriminalvården"),
    AgencyKind.OTHER: QT_TRANSLATE_NOOP("Insatsord", "Annan"),
}
MESSAGE_PART = MESSAGE_PART_WORDS
UNPLACED = {
    UnplacedReason.NO_TEAMS: QT_TRANSLATE_NOOP("Insatsord", "Insatsen har inga team"),
    UnplacedReason.NO_WORKING_DAYS: QT_TRANSLATE_NOOP("Insatsord", "Perioden har inga arbetsdagar"),
    UnplacedReason.NO_AVAILABLE_TEAM: QT_TRANSLATE_NOOP("Insatsord", "Inget team är i tjänst"),
    UnplacedReason.CAPACITY_FULL: QT_TRANSLATE_NOOP("Insatsord", "Teamen är fullbokade"),
    UnplacedReason.AREA_TAKEN: QT_TRANSLATE_NOOP(
        "Insatsord", "Teamen arbetar i andra områden de halvdagarna"
    ),
    UnplacedReason.RIVAL_CONFLICT: QT_TRANSLATE_NOOP(
        "Insatsord", "Rivaliserande grupper i samma pass"
    ),
    UnplacedReason.NO_OTHER_TIME_OF_DAY: QT_TRANSLATE_NOOP(
        "Insatsord", "Ingen annan tid på dagen är ledig"
    ),
    UnplacedReason.UNKNOWN_PERSON: QT_TRANSLATE_NOOP("Insatsord", "Personen är inte målperson"),
}
WARNING = {
    WarningCode.TEAM_MISSING_POLICE: QT_TRANSLATE_NOOP("Insatsord", "saknar polis"),
    WarningCode.TEAM_MISSING_SOCIAL: QT_TRANSLATE_NOOP("Insatsord", "saknar socialtjänst"),
    WarningCode.TEAM_TOO_SMALL: QT_TRANSLATE_NOOP("Insatsord", "har färre än två medlemmar"),
    WarningCode.UNKNOWN_STAFF: QT_TRANSLATE_NOOP("Insatsord", "har okänd personal"),
}


def word(table: dict, key: object) -> str:  # type: ignore[type-arg]
    """The translated word for ``key`` in one of the tables above."""
    return QCoreApplication.translate(_C, table[key])


def missing_text(missing: tuple[AgencyKind, ...]) -> str:
    if not missing:
        return QCoreApplication.translate(_C, "Två myndigheter")
    names = ", ".join(word(AGENCY, kind).lower() for kind in missing)
    return "⚠ " + QCoreApplication.translate(_C, "Saknar %1").replace("%1", names)
