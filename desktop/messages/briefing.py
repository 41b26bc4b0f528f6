"""Words for the briefing error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "briefing.date_outside_operation": (
        "Datumet ligger utanför insatsens period.",
        "The date lies outside the operation's period.",
    ),
    "briefing.no_letter_contact": (
        "Brevet har inget telefonnummer att ringa: ange ett telefonnummer för en "
        "samordnare under Personal, eller skriv en egen kontaktrad i mallen ”Kontaktrad i "
        "inbjudningsbrevet”.",
        "The letter has no phone number to call: give a phone number for a coordinator "
        "under Staff, or write a contact line of your own in the template “Contact line in "
        "the invitation letter”.",
    ),
    "briefing.no_visits_at_all": (
        "Teamet har inga besök i insatsen, så det finns inget att skriva ut.",
        "The team has no visits in the operation, so there is nothing to print.",
    ),
    "briefing.no_visits_on_day": (
        "Teamet har inga besök den dagen, så det finns inget att skriva ut. Välj en dag med besök.",
        "The team has no visits that day, so there is nothing to print. Choose a day with visits.",
    ),
    "print.not_in_log": (
        "Utskriften finns inte i utskriftsloggen.",
        "The printout is not in the print log.",
    ),
    "template.empty": (
        "Mallens text får inte vara tom.",
        "The template's text must not be empty.",
    ),
    "template.too_long": (
        "Mallen får ha högst {limit} tecken.",
        "The template may have at most {limit} characters.",
    ),
    "template.unknown": (
        "Okänd mall.",
        "Unknown template.",
    ),
}
