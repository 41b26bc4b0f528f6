"""One vocabulary per concept (issue 17): the words for the core's codes, defined once.

The core returns codes; the outcome dialog, the calendar and its legend, the paper
outcome form, the team schedule, the statistics and their exports all take their words
from these tables. Views translate them (``QCoreApplication.translate`` in the context
``VISIT_WORDS_CONTEXT``); the core prints them as they are. The tables are keyed by the
enums' codes (``VisitStatus`` and ``MessagePart`` are StrEnums, so a member looks its code
up), so the document engine can use them without loading the models.
"""

from __future__ import annotations


def _word(context: str, text: str) -> str:
    """Marks ``text`` for Qt Linguist (lupdate reads the name) without importing Qt."""
    return text


QT_TRANSLATE_NOOP = _word

#: The Qt context the views translate these words in (``QCoreApplication.translate``).
VISIT_WORDS_CONTEXT = "Insatsord"

#: One word per visit status, for every surface: the outcome dialog, the calendar and its
#: legend, the paper outcome form, the team schedule, the statistics and their exports
#: (issue 17: one vocabulary per concept). Views translate it; the core prints it as is.
VISIT_STATUS_WORDS: dict[str, str] = {
    "proposed": QT_TRANSLATE_NOOP("Insatsord", "Förslag"),
    "planned": QT_TRANSLATE_NOOP("Insatsord", "Planerat"),
    "met": QT_TRANSLATE_NOOP("Insatsord", "Träffade honom"),
    "not_home": QT_TRANSLATE_NOOP("Insatsord", "Ej hemma"),
    "refused": QT_TRANSLATE_NOOP("Insatsord", "Nekade att öppna"),
    "moved": QT_TRANSLATE_NOOP("Insatsord", "Har flyttat"),
    "family_only": QT_TRANSLATE_NOOP("Insatsord", "Träffade bara familjen"),
    "cancelled": QT_TRANSLATE_NOOP("Insatsord", "Inställt"),
}

#: The statuses an outcome can record, in the order the dialog and the paper form list them
#: (``operations.rows.OUTCOME_STATUSES`` is this tuple).
PAPER_STATUSES: tuple[str, ...] = (
    "met",
    "not_home",
    "refused",
    "moved",
    "family_only",
    "cancelled",
)

#: The four parts of the message, as the dialog and the paper form list them, keyed by
#: ``operations.rows.MessagePart``'s codes (a StrEnum member looks its code up).
MESSAGE_PART_WORDS: dict[str, str] = {
    "not_suspected": QT_TRANSLATE_NOOP("Insatsord", "Du är inte misstänkt för brott"),
    "no_harm": QT_TRANSLATE_NOOP("Insatsord", "Vi vill inte att du skadas eller skadar någon"),
    "consequences": QT_TRANSLATE_NOOP("Insatsord", "Våld får följder för hela gruppen"),
    "help": QT_TRANSLATE_NOOP("Insatsord", "Det finns hjälp om du vill"),
}

#: The outcome's fields beside the status, worded once for the dialog and the paper form;
#: each names one field of the record (``visit``).
OUTCOME_FIELD_WORDS: dict[str, str] = {
    "family_present": QT_TRANSLATE_NOOP("Insatsord", "Närvarande anhöriga"),
    "response": QT_TRANSLATE_NOOP("Insatsord", "Hans svar"),
    "support_asked": QT_TRANSLATE_NOOP("Insatsord", "Bad om stöd"),
    "support_offered": QT_TRANSLATE_NOOP("Insatsord", "Erbjöds stöd"),
    "support_accepted": QT_TRANSLATE_NOOP("Insatsord", "Tackade ja till stöd"),
    "support_service": QT_TRANSLATE_NOOP("Insatsord", "Stödinsats"),
    "leave_behind": QT_TRANSLATE_NOOP("Insatsord", "Lämnade informationsmaterial"),
    "cancel_reason": QT_TRANSLATE_NOOP("Insatsord", "Skäl till inställt"),
}

#: Violence and the response (issue 20): one word per code, for the register, the
#: briefing packet, the statistics and their exports.
INCIDENT_KIND_WORDS: dict[str, str] = {
    "shooting": QT_TRANSLATE_NOOP("Insatsord", "Skottlossning"),
    "explosion": QT_TRANSLATE_NOOP("Insatsord", "Sprängning"),
    "hand_grenade": QT_TRANSLATE_NOOP("Insatsord", "Handgranat"),
    "knife": QT_TRANSLATE_NOOP("Insatsord", "Knivvåld"),
    "murder": QT_TRANSLATE_NOOP("Insatsord", "Mord eller försök"),
    "threat": QT_TRANSLATE_NOOP("Insatsord", "Hot"),
    "other": QT_TRANSLATE_NOOP("Insatsord", "Annat"),
}

CERTAINTY_WORDS: dict[str, str] = {
    "confirmed": QT_TRANSLATE_NOOP("Insatsord", "Bekräftad"),
    "probable": QT_TRANSLATE_NOOP("Insatsord", "Trolig"),
}

INCIDENT_SIDE_WORDS: dict[str, str] = {
    "suspected": QT_TRANSLATE_NOOP("Insatsord", "Misstänkt sida"),
    "victim": QT_TRANSLATE_NOOP("Insatsord", "Drabbad sida"),
}

INCIDENT_ROLE_WORDS: dict[str, str] = {
    "suspected": QT_TRANSLATE_NOOP("Insatsord", "Misstänkt"),
    "injured": QT_TRANSLATE_NOOP("Insatsord", "Skadad"),
    "victim": QT_TRANSLATE_NOOP("Insatsord", "Brottsoffer"),
    "witness": QT_TRANSLATE_NOOP("Insatsord", "Vittne"),
}

RESPONSE_STATUS_WORDS: dict[str, str] = {
    "proposed": QT_TRANSLATE_NOOP("Insatsord", "Föreslaget"),
    "accepted": QT_TRANSLATE_NOOP("Insatsord", "Godkänt"),
    "declined": QT_TRANSLATE_NOOP("Insatsord", "Avböjt"),
}

#: Why a person is a target of a response round.
RESPONSE_REASON_WORDS: dict[str, str] = {
    "involved_suspected": QT_TRANSLATE_NOOP("Insatsord", "Grupp på misstänkt sida"),
    "involved_victim": QT_TRANSLATE_NOOP("Insatsord", "Grupp på drabbad sida"),
    "rival": QT_TRANSLATE_NOOP("Insatsord", "Rivaliserande grupp"),
}

#: The follow-up tasks a response makes on acceptance; the title is stored in the task
#: as these words with the incident's reference (``{reference}``).
FOLLOW_UP_WORDS: dict[str, str] = {
    "review_round": QT_TRANSLATE_NOOP(
        "Insatsord", "Följ upp den akuta rundan efter händelse {reference}"
    ),
    "support_victims": QT_TRANSLATE_NOOP(
        "Insatsord", "Erbjud stöd till drabbade efter händelse {reference}"
    ),
    "review_sanction": QT_TRANSLATE_NOOP(
        "Insatsord", "Pröva om sanktionsperioden efter händelse {reference} ska avslutas"
    ),
}
