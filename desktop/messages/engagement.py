"""Words for the engagement error codes: code → (Swedish, English)."""

from __future__ import annotations

#: The follow-up message's sentence about a running sanction period, its first part.
_SANCTION = (
    "Efter {trigger} har {group} ökat fokus sedan {start}.",
    "After {trigger}, {group} has been under increased focus since {start}.",
)

WORDS: dict[str, tuple[str, str]] = {
    "attendance.already_recorded": (
        "Närvaron är redan registrerad; ändra den i stället.",
        "The attendance is already recorded; change it instead.",
    ),
    "attendance.no_absentees": (
        "Ingen har registrerats som utebliven.",
        "No one has been recorded as absent.",
    ),
    "callin.cancelled": (
        "Stormötet är inställt.",
        "The call-in is cancelled.",
    ),
    "callin.checklist_item_empty": (
        "En punkt i checklistan är tom.",
        "An item in the checklist is empty.",
    ),
    "callin.checklist_item_gone": (
        "Punkten finns inte längre i checklistan.",
        "The item is no longer in the checklist.",
    ),
    "callin.description_too_long": (
        "Beskrivningen får ha högst {limit} tecken.",
        "The description may have at most {limit} characters.",
    ),
    "callin.gone": (
        "Stormötet finns inte.",
        "The call-in no longer exists.",
    ),
    "callin.line_too_long": (
        "Rubrik och lokal får ha högst {limit} tecken.",
        "The title and the venue may have at most {limit} characters.",
    ),
    "callin.not_held_yet": (
        "Stormötet har inte hållits än.",
        "The call-in has not been held yet.",
    ),
    "callin.speaker_unnamed": (
        "Varje talare behöver ett namn.",
        "Every speaker needs a name.",
    ),
    "callin.title_missing": (
        "Ge stormötet en rubrik.",
        "Give the call-in a title.",
    ),
    "callin.venue_missing": (
        "Ange en neutral lokal.",
        "Give a neutral venue.",
    ),
    "delivery.change_at_source": (
        "Ändra besökets utfall eller stormötets närvaro i stället.",
        "Change the visit's outcome or the call-in's attendance instead.",
    ),
    "delivery.channel_recorded_elsewhere": (
        "Hembesök och stormöten registreras genom besöket eller stormötet.",
        "Home visits and call-ins are recorded through the visit or the call-in.",
    ),
    "delivery.gone": (
        "Delgivningen finns inte längre.",
        "The delivery no longer exists.",
    ),
    "delivery.parts_missing": (
        "Markera vilka delar av budskapet som framfördes.",
        "Mark which parts of the message were delivered.",
    ),
    "invitation.gone": (
        "Inbjudan finns inte längre.",
        "The invitation no longer exists.",
    ),
    "referral.bad_start": (
        "En remiss börjar som erbjuden eller accepterad.",
        "A referral starts as offered or accepted.",
    ),
    "referral.date_before_start": (
        "Datumet ligger före remissens början.",
        "The date lies before the referral's start.",
    ),
    "referral.gone": (
        "Remissen finns inte längre.",
        "The referral no longer exists.",
    ),
    "referral.step_not_allowed": (
        "Det steget är inte tillåtet för remissens status.",
        "That step is not allowed for the referral's status.",
    ),
    "sanction.end_reason_missing": (
        "Ange varför perioden avslutades.",
        "Give the reason the period ended.",
    ),
    "sanction.gone": (
        "Sanktionsperioden finns inte längre.",
        "The sanction period no longer exists.",
    ),
    "sanction.trigger_missing": (
        "Beskriv händelsen som utlöste perioden.",
        "Describe the event that triggered the period.",
    ),
    "support.gone": (
        "Stödinsatsen finns inte längre.",
        "The support service no longer exists.",
    ),
    "support.name_missing": (
        "Ge stödinsatsen ett namn.",
        "Give the support service a name.",
    ),
    "support.provider_missing": (
        "Ange vem som ger stödet.",
        "Give who provides the support.",
    ),
    # The follow-up message's sentence about a running sanction period (ökat fokus).
    "sanction.message": (
        "Efter {trigger} har {group} ökat fokus sedan {start}.",
        "After {trigger}, {group} has been under increased focus since {start}.",
    ),
    "sanction.message_measures": (
        _SANCTION[0] + " Åtgärder: {measures}.",
        _SANCTION[1] + " Measures: {measures}.",
    ),
    "sanction.message_ended": (
        _SANCTION[0] + " Perioden avslutades {end}.",
        _SANCTION[1] + " The period ended {end}.",
    ),
    "sanction.message_measures_ended": (
        _SANCTION[0] + " Åtgärder: {measures}. Perioden avslutades {end}.",
        _SANCTION[1] + " Measures: {measures}. The period ended {end}.",
    ),
}
