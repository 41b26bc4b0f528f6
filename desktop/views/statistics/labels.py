"""Words for the codes statistics hands out (the core returns codes, views say words)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop.services.statistics.definitions import definition
from desktop.services.vocabulary import QT_TRANSLATE_NOOP, VISIT_STATUS_WORDS, VISIT_WORDS_CONTEXT
from desktop.views.errors_text import interface_language

# The core's figure captions (desktop/services/statistics/definitions.py), marked for
# Qt Linguist by code; a test keeps the Swedish text equal to the core's.
FIGURE_LABELS: dict[str, str] = {
    "persons_mapped": QT_TRANSLATE_NOOP("Nyckeltal", "Kartlagda personer"),
    "persons_mapped_new": QT_TRANSLATE_NOOP("Nyckeltal", "Nykartlagda"),
    "persons_reached": QT_TRANSLATE_NOOP("Nyckeltal", "Nådda personer"),
    "reached_more_than_once": QT_TRANSLATE_NOOP("Nyckeltal", "Nådda mer än en gång"),
    "reached_more_than_once_share": QT_TRANSLATE_NOOP("Nyckeltal", "Andel nådda mer än en gång"),
    "deliveries": QT_TRANSLATE_NOOP("Nyckeltal", "Delgivningar"),
    "deliveries_by_channel": QT_TRANSLATE_NOOP("Nyckeltal", "Delgivningar per kanal"),
    "visits": QT_TRANSLATE_NOOP("Nyckeltal", "Besök"),
    "visits_by_outcome": QT_TRANSLATE_NOOP("Nyckeltal", "Besök per utfall"),
    "callin_invitations": QT_TRANSLATE_NOOP("Nyckeltal", "Inbjudna till stormöte"),
    "callin_attended": QT_TRANSLATE_NOOP("Nyckeltal", "Deltog i stormöte"),
    "callin_attendance_rate": QT_TRANSLATE_NOOP("Nyckeltal", "Andel som deltog"),
    "support_offered": QT_TRANSLATE_NOOP("Nyckeltal", "Stöderbjudanden"),
    "support_accepted": QT_TRANSLATE_NOOP("Nyckeltal", "Accepterat stöd"),
    "support_started": QT_TRANSLATE_NOOP("Nyckeltal", "Påbörjat stöd"),
    "support_completed": QT_TRANSLATE_NOOP("Nyckeltal", "Slutfört stöd"),
    "self_initiated_contacts": QT_TRANSLATE_NOOP("Nyckeltal", "Egna kontakter"),
    "days_to_first_delivery_median": QT_TRANSLATE_NOOP(
        "Nyckeltal", "Dagar till första delgivning (median)"
    ),
    "coverage": QT_TRANSLATE_NOOP("Nyckeltal", "Täckning per grupp"),
    # Violence and the response (issue 20).
    "incidents": QT_TRANSLATE_NOOP("Nyckeltal", "Händelser"),
    "incidents_by_kind": QT_TRANSLATE_NOOP("Nyckeltal", "Händelser per typ"),
    "group_shootings": QT_TRANSLATE_NOOP("Nyckeltal", "Gruppkopplade skjutningar"),
    "incident_injured": QT_TRANSLATE_NOOP("Nyckeltal", "Skadade"),
    "incident_killed": QT_TRANSLATE_NOOP("Nyckeltal", "Döda"),
    "incident_group_pairs": QT_TRANSLATE_NOOP("Nyckeltal", "Inblandade grupper"),
    "days_to_group_delivery_median": QT_TRANSLATE_NOOP(
        "Nyckeltal", "Dagar till budskap efter händelse (median)"
    ),
    "group_delivery_within_72h_share": QT_TRANSLATE_NOOP(
        "Nyckeltal", "Andel grupper nådda inom 72 timmar"
    ),
    "response_visits_attempted": QT_TRANSLATE_NOOP("Nyckeltal", "Akuta besök, försökta"),
    "response_visits_completed": QT_TRANSLATE_NOOP("Nyckeltal", "Akuta besök, genomförda"),
    "response_direct_contact": QT_TRANSLATE_NOOP("Nyckeltal", "Akuta besök, direktkontakt"),
    "response_family_only": QT_TRANSLATE_NOOP("Nyckeltal", "Akuta besök, bara familjen"),
    "visits_per_group_week": QT_TRANSLATE_NOOP("Nyckeltal", "Besök per grupp och vecka"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Statistik", text)


def figure_label(code: str) -> str:
    """The caption of figure ``code`` in the user's language (the code if unknown)."""
    text = FIGURE_LABELS.get(code)
    return QCoreApplication.translate("Nyckeltal", text) if text else code


def figure_definition(code: str) -> str:
    """What figure ``code`` means, in the interface language (the one catalogue,
    ``desktop.messages.definitions``)."""
    return definition(code, interface_language())


def channel_label(code: str) -> str:
    return {
        "home_visit": _t("Hembesök"),
        "call_in": _t("Stormöte"),
        "probation": _t("Kriminalvården"),
        "other": _t("Annat"),
    }.get(code, code)


def outcome_label(code: str) -> str:
    """A visit status's one word (issue 17), the same as the dialog, calendar and paper."""
    text = VISIT_STATUS_WORDS.get(code)
    return QCoreApplication.translate(VISIT_WORDS_CONTEXT, text) if text else code


def month_label(day: dt.date, first: bool = False) -> str:
    names = _t("jan feb mar apr maj jun jul aug sep okt nov dec").split()
    # The year only where it changes (January, and the first month) keeps the axis labels short.
    month = names[day.month - 1]
    return f"{month} {day:%y}" if day.month == 1 or first else month
