"""Words for the core's codes: roles, agencies, statuses. Translated here, once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.models import Role
from desktop.services.vocabulary import QT_TRANSLATE_NOOP

_CONTEXT = "Etiketter"

ROLE_LABELS: dict[Role, str] = {
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Etiketter", "Administratör"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Etiketter", "Samordnare"),
    Role.TEAM_LEAD: QT_TRANSLATE_NOOP("Etiketter", "Teamledare"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Etiketter", "Handläggare"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Etiketter", "Granskare"),
}

AGENCY_LABELS: dict[str, str] = {
    "police": QT_TRANSLATE_NOOP("Etiketter", "Polisen"),
    "social": QT_TRANSLATE_NOOP("Etiketter", "Socialtjänsten"),
    "probation": QT_TRANSLATE_NOOP("Etiketter", "Kriminalvården"),
}


def role_label(role: Role) -> str:
    return QCoreApplication.translate(_CONTEXT, ROLE_LABELS[role])


def agency_label(code: str, fallback: str) -> str:
    source = AGENCY_LABELS.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else fallback
