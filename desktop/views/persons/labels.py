"""Words for the mapping's codes (statuses, categories, roles, relations, timeline)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from desktop.models import (
    Category,
    DeliveryChannel,
    GroupRelationKind,
    InvitationStatus,
    MembershipRole,
    NoteKind,
    PersonStatus,
    ReferralStatus,
    TaskStatus,
    VisitStatus,
)
from desktop.services.mapping.rows import DuplicateReason, RiskRole, TimelineKind
from desktop.services.vocabulary import QT_TRANSLATE_NOOP, VISIT_STATUS_WORDS, VISIT_WORDS_CONTEXT

_CONTEXT = "Kartläggning"

# StrEnum members equal their value ("other" is both a Category and a DeliveryChannel),
# so the table is keyed by (enum class, value), never by the member alone.
_SOURCE: list[tuple[Enum, str]] = [
    (PersonStatus.ACTIVE, QT_TRANSLATE_NOOP("Kartläggning", "Aktiv")),
    (PersonStatus.INACTIVE, QT_TRANSLATE_NOOP("Kartläggning", "Inaktiv")),
    (PersonStatus.MOVED, QT_TRANSLATE_NOOP("Kartläggning", "Flyttat")),
    (PersonStatus.IN_CUSTODY, QT_TRANSLATE_NOOP("Kartläggning", "Frihetsberövad")),
    (PersonStatus.EXITED, QT_TRANSLATE_NOOP("Kartläggning", "Avhoppad")),
    (PersonStatus.DECEASED, QT_TRANSLATE_NOOP("Kartläggning", "Avliden")),
    (Category.SUSPECT, QT_TRANSLATE_NOOP("Kartläggning", "Misstänkt")),
    (Category.CONVICTED, QT_TRANSLATE_NOOP("Kartläggning", "Dömd")),
    (Category.VICTIM, QT_TRANSLATE_NOOP("Kartläggning", "Brottsoffer")),
    (Category.RELATIVE, QT_TRANSLATE_NOOP("Kartläggning", "Anhörig")),
    (Category.OTHER, QT_TRANSLATE_NOOP("Kartläggning", "Övrig")),
    (MembershipRole.LEADER, QT_TRANSLATE_NOOP("Kartläggning", "Ledare")),
    (MembershipRole.CORE, QT_TRANSLATE_NOOP("Kartläggning", "Kärna")),
    (MembershipRole.MEMBER, QT_TRANSLATE_NOOP("Kartläggning", "Medlem")),
    (MembershipRole.ASSOCIATE, QT_TRANSLATE_NOOP("Kartläggning", "Närstående")),
    (MembershipRole.PERIPHERAL, QT_TRANSLATE_NOOP("Kartläggning", "Perifer")),
    (GroupRelationKind.RIVALRY, QT_TRANSLATE_NOOP("Kartläggning", "Rivalitet")),
    (GroupRelationKind.ALLIANCE, QT_TRANSLATE_NOOP("Kartläggning", "Allians")),
    (GroupRelationKind.ACTIVE_CONFLICT, QT_TRANSLATE_NOOP("Kartläggning", "Aktiv konflikt")),
    (RiskRole.VICTIM, QT_TRANSLATE_NOOP("Kartläggning", "Risk att skjutas")),
    (RiskRole.SHOOTER, QT_TRANSLATE_NOOP("Kartläggning", "Risk att skjuta")),
    (RiskRole.EITHER, QT_TRANSLATE_NOOP("Kartläggning", "Någon risk")),
    (DuplicateReason.SAME_IDENTITY, QT_TRANSLATE_NOOP("Kartläggning", "samma personnummer")),
    (
        DuplicateReason.SAME_NAME_AND_BIRTH,
        QT_TRANSLATE_NOOP("Kartläggning", "samma namn och födelsedatum"),
    ),
    (DuplicateReason.SIMILAR_NAME, QT_TRANSLATE_NOOP("Kartläggning", "liknande stavning")),
    (TimelineKind.VISIT, QT_TRANSLATE_NOOP("Kartläggning", "Hembesök")),
    (TimelineKind.DELIVERY, QT_TRANSLATE_NOOP("Kartläggning", "Budskapet levererat")),
    (TimelineKind.CALL_IN, QT_TRANSLATE_NOOP("Kartläggning", "Stormöte")),
    (TimelineKind.REFERRAL, QT_TRANSLATE_NOOP("Kartläggning", "Stödinsats")),
    (TimelineKind.NOTE, QT_TRANSLATE_NOOP("Kartläggning", "Anteckning")),
    (TimelineKind.TASK, QT_TRANSLATE_NOOP("Kartläggning", "Uppföljning")),
    (DeliveryChannel.HOME_VISIT, QT_TRANSLATE_NOOP("Kartläggning", "vid hembesök")),
    (DeliveryChannel.CALL_IN, QT_TRANSLATE_NOOP("Kartläggning", "vid stormöte")),
    (DeliveryChannel.PROBATION, QT_TRANSLATE_NOOP("Kartläggning", "via Kriminalvården")),
    (DeliveryChannel.OTHER, QT_TRANSLATE_NOOP("Kartläggning", "annat sätt")),
    (InvitationStatus.INVITED, QT_TRANSLATE_NOOP("Kartläggning", "kallad")),
    (InvitationStatus.ATTENDED, QT_TRANSLATE_NOOP("Kartläggning", "deltog")),
    (InvitationStatus.NO_SHOW, QT_TRANSLATE_NOOP("Kartläggning", "uteblev")),
    (InvitationStatus.LEFT_EARLY, QT_TRANSLATE_NOOP("Kartläggning", "gick tidigt")),
    (InvitationStatus.EXCUSED, QT_TRANSLATE_NOOP("Kartläggning", "förhindrad")),
    (ReferralStatus.OFFERED, QT_TRANSLATE_NOOP("Kartläggning", "erbjuden")),
    (ReferralStatus.ACCEPTED, QT_TRANSLATE_NOOP("Kartläggning", "accepterad")),
    (ReferralStatus.REFERRED, QT_TRANSLATE_NOOP("Kartläggning", "remitterad")),
    (ReferralStatus.STARTED, QT_TRANSLATE_NOOP("Kartläggning", "påbörjad")),
    (ReferralStatus.COMPLETED, QT_TRANSLATE_NOOP("Kartläggning", "avslutad")),
    (ReferralStatus.DECLINED, QT_TRANSLATE_NOOP("Kartläggning", "avböjd")),
    (ReferralStatus.DROPPED, QT_TRANSLATE_NOOP("Kartläggning", "avbruten")),
    (TaskStatus.OPEN, QT_TRANSLATE_NOOP("Kartläggning", "öppen")),
    (TaskStatus.DONE, QT_TRANSLATE_NOOP("Kartläggning", "klar")),
    (TaskStatus.CANCELLED, QT_TRANSLATE_NOOP("Kartläggning", "struken")),
    (NoteKind.FACT, QT_TRANSLATE_NOOP("Kartläggning", "faktauppgift")),
    (NoteKind.ASSESSMENT, QT_TRANSLATE_NOOP("Kartläggning", "bedömning")),
]

# Timeline codes per kind: the same string (e.g. "moved") means different things.
_CODE_ENUMS: dict[TimelineKind, type[Enum]] = {
    TimelineKind.VISIT: VisitStatus,
    TimelineKind.DELIVERY: DeliveryChannel,
    TimelineKind.CALL_IN: InvitationStatus,
    TimelineKind.REFERRAL: ReferralStatus,
    TimelineKind.NOTE: NoteKind,
    TimelineKind.TASK: TaskStatus,
}


_LABELS: dict[tuple[type[Enum], str], str] = {
    (type(member), str(member.value)): text for member, text in _SOURCE
}


def label(value: Enum) -> str:
    """The translated word for an enum value of the mapping."""
    if isinstance(value, VisitStatus):
        # One vocabulary (issue 17): the dialog's, calendar's and paper's word, in lower case.
        word = VISIT_STATUS_WORDS[value]
        return QCoreApplication.translate(VISIT_WORDS_CONTEXT, word).lower()
    source = _LABELS.get((type(value), str(value.value)))
    return QCoreApplication.translate(_CONTEXT, source) if source else str(value.value)


def timeline_code(kind: TimelineKind, code: str) -> str:
    try:
        return label(_CODE_ENUMS[kind](code))
    except ValueError:
        return code


def options(enum_cls: type[Enum]) -> list[tuple[str, Enum]]:
    """(label, value) pairs in declaration order, for combo boxes."""
    return [(label(member), member) for member in enum_cls]
