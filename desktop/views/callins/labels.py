"""Words for the codes of call-ins, deliveries, support and referrals."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from desktop.models import (
    CallInStatus,
    DeliveryChannel,
    InvitationStatus,
    ReferralStatus,
    SupportKind,
)
from desktop.services.operations.rows import MessagePart
from desktop.services.vocabulary import QT_TRANSLATE_NOOP

_CONTEXT = "Engagemang"

_LABELS: dict[Enum, str] = {
    CallInStatus.PLANNED: QT_TRANSLATE_NOOP("Engagemang", "Planerat"),
    CallInStatus.HELD: QT_TRANSLATE_NOOP("Engagemang", "Genomfört"),
    CallInStatus.CANCELLED: QT_TRANSLATE_NOOP("Engagemang", "Inställt"),
    InvitationStatus.INVITED: QT_TRANSLATE_NOOP("Engagemang", "Kallad"),
    InvitationStatus.ATTENDED: QT_TRANSLATE_NOOP("Engagemang", "Deltog"),
    InvitationStatus.NO_SHOW: QT_TRANSLATE_NOOP("Engagemang", "Uteblev"),
    InvitationStatus.LEFT_EARLY: QT_TRANSLATE_NOOP("Engagemang", "Gick tidigt"),
    InvitationStatus.EXCUSED: QT_TRANSLATE_NOOP("Engagemang", "Förhindrad"),
    DeliveryChannel.HOME_VISIT: QT_TRANSLATE_NOOP("Engagemang", "Hembesök"),
    DeliveryChannel.CALL_IN: QT_TRANSLATE_NOOP("Engagemang", "Stormöte"),
    DeliveryChannel.PROBATION: QT_TRANSLATE_NOOP("Engagemang", "Frivårdsmöte"),
    DeliveryChannel.OTHER: QT_TRANSLATE_NOOP("Engagemang", "Annat"),
    SupportKind.EXIT: QT_TRANSLATE_NOOP("Engagemang", "Avhopparverksamhet"),
    SupportKind.EMPLOYMENT: QT_TRANSLATE_NOOP("Engagemang", "Arbete"),
    SupportKind.EDUCATION: QT_TRANSLATE_NOOP("Engagemang", "Utbildning"),
    SupportKind.HOUSING: QT_TRANSLATE_NOOP("Engagemang", "Boende och flytt"),
    SupportKind.ADDICTION: QT_TRANSLATE_NOOP("Engagemang", "Missbruksvård"),
    SupportKind.FAMILY: QT_TRANSLATE_NOOP("Engagemang", "Familjestöd"),
    SupportKind.PROTECTION: QT_TRANSLATE_NOOP("Engagemang", "Skydd"),
    SupportKind.DEBT: QT_TRANSLATE_NOOP("Engagemang", "Skuldrådgivning"),
    SupportKind.OTHER: QT_TRANSLATE_NOOP("Engagemang", "Övrigt"),
    ReferralStatus.OFFERED: QT_TRANSLATE_NOOP("Engagemang", "Erbjuden"),
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("Engagemang", "Accepterad"),
    ReferralStatus.REFERRED: QT_TRANSLATE_NOOP("Engagemang", "Remitterad"),
    ReferralStatus.STARTED: QT_TRANSLATE_NOOP("Engagemang", "Påbörjad"),
    ReferralStatus.COMPLETED: QT_TRANSLATE_NOOP("Engagemang", "Genomförd"),
    ReferralStatus.DECLINED: QT_TRANSLATE_NOOP("Engagemang", "Avböjd"),
    ReferralStatus.DROPPED: QT_TRANSLATE_NOOP("Engagemang", "Avbruten"),
    MessagePart.NOT_SUSPECTED: QT_TRANSLATE_NOOP("Engagemang", "Inte misstänkt"),
    MessagePart.NO_HARM: QT_TRANSLATE_NOOP("Engagemang", "Vill inte att du skadas"),
    MessagePart.CONSEQUENCES: QT_TRANSLATE_NOOP("Engagemang", "Konsekvenser"),
    MessagePart.HELP: QT_TRANSLATE_NOOP("Engagemang", "Hjälp finns"),
}

#: The verb on the button that takes a referral to a status.
_STEP_LABELS: dict[ReferralStatus, str] = {
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("Engagemang", "Tackade ja"),
    ReferralStatus.REFERRED: QT_TRANSLATE_NOOP("Engagemang", "Remitterad"),
    ReferralStatus.STARTED: QT_TRANSLATE_NOOP("Engagemang", "Insatsen startade"),
    ReferralStatus.COMPLETED: QT_TRANSLATE_NOOP("Engagemang", "Genomförd"),
    ReferralStatus.DECLINED: QT_TRANSLATE_NOOP("Engagemang", "Tackade nej"),
    ReferralStatus.DROPPED: QT_TRANSLATE_NOOP("Engagemang", "Avbröts"),
}


def label(code: Enum) -> str:
    """The translated word for a code."""
    return QCoreApplication.translate(_CONTEXT, _LABELS.get(code, str(code.value)))


def step_label(status: ReferralStatus) -> str:
    return QCoreApplication.translate(_CONTEXT, _STEP_LABELS.get(status, _LABELS[status]))


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)
