"""Words for the incident error codes (issue 20): code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "incident.reference_missing": (
        "Ange polisens diarienummer för händelsen.",
        "Enter the police reference (diarienummer) of the incident.",
    ),
    "incident.reference_too_long": (
        "Diarienumret får ha högst {limit} tecken.",
        "The police reference may have at most {limit} characters.",
    ),
    "incident.reference_taken": (
        "Det finns redan en händelse med diarienummer {reference}.",
        "An incident with the reference {reference} already exists.",
    ),
    "incident.in_future": (
        "Händelsens tidpunkt ligger i framtiden.",
        "The incident's time lies in the future.",
    ),
    "incident.count_invalid": (
        "Antalet skadade och döda ska vara mellan 0 och {limit}.",
        "The number injured and killed must be between 0 and {limit}.",
    ),
    "incident.district_too_long": (
        "Området får ha högst {limit} tecken.",
        "The district may have at most {limit} characters.",
    ),
    "incident.description_too_long": (
        "Beskrivningen får ha högst {limit} tecken.",
        "The description may have at most {limit} characters.",
    ),
    "incident.group_twice": (
        "En gruppering kan bara stå på en sida i en händelse.",
        "A group can be on one side of an incident only.",
    ),
    "incident.person_twice": (
        "Samma person står två gånger med samma roll.",
        "The same person is listed twice in the same role.",
    ),
    "incident.source_too_long": (
        "Källan får ha högst {limit} tecken.",
        "The source may have at most {limit} characters.",
    ),
    "incident.police_only": (
        "Bara polisens handläggare och samordnare registrerar händelser.",
        "Only police officers and coordinators record incidents.",
    ),
    "incident.other_agency": (
        "Bara den myndighet som registrerade händelsen kan rätta den.",
        "Only the agency that recorded the incident can correct it.",
    ),
    "incident.no_compartment_key": (
        "Du har ingen nyckel till din myndighets uppgifter; beskrivningen kan inte sparas.",
        "You hold no key to your agency's records; the description cannot be saved.",
    ),
    "incident.reason_missing": (
        "Skriv varför händelsen rättas.",
        "Say why the incident is corrected.",
    ),
    "incident.reason_too_long": (
        "Skälet får ha högst {limit} tecken.",
        "The reason may have at most {limit} characters.",
    ),
    "incident.not_found": (
        "Händelsen finns inte längre.",
        "The incident no longer exists.",
    ),
    "incident.group_not_found": (
        "En av grupperingarna finns inte längre.",
        "One of the groups no longer exists.",
    ),
    "incident.person_not_found": (
        "En av personerna finns inte längre.",
        "One of the persons no longer exists.",
    ),
    "incident.nothing_changed": (
        "Rättelsen ändrar ingenting.",
        "The correction changes nothing.",
    ),
    "response.not_found": (
        "Förslaget till svar finns inte längre.",
        "The proposed response no longer exists.",
    ),
    "response.window_invalid": (
        "Välj ett fönster som börjar i morgon eller senare och slutar efter att det börjar.",
        "Choose a window that starts tomorrow or later and ends after it starts.",
    ),
    "response.window_too_long": (
        "Ett akut svar planeras över högst {limit} dagar.",
        "An urgent response is planned over at most {limit} days.",
    ),
    "response.no_teams": (
        "Välj minst ett team till den akuta rundan.",
        "Choose at least one team for the urgent round.",
    ),
    "response.no_targets": (
        "De inblandade grupperingarna har inga aktuella medlemmar att besöka.",
        "The groups involved have no current members to visit.",
    ),
    "response.decided": (
        "Förslaget är redan avgjort.",
        "The proposal has already been decided.",
    ),
    "response.sanction_days_invalid": (
        "Sanktionsperioden ska vara mellan 1 och {limit} dagar.",
        "The sanction period must be between 1 and {limit} days.",
    ),
    "incident_import.file_empty": (
        "Filen har inga händelser.",
        "The file has no incidents.",
    ),
    "incident_import.column_missing": (
        "Kolumnen {column} saknas i filen.",
        "The column {column} is missing from the file.",
    ),
    "incident_import.refused": (
        "Importen avbröts: {count} rader har fel. Inget sparades.",
        "The import was stopped: {count} rows have errors. Nothing was saved.",
    ),
    "incident_import.reference_exists": (
        "Diarienumret finns redan i registret.",
        "The reference is already in the register.",
    ),
    "incident_import.reference_twice": (
        "Diarienumret står två gånger i filen.",
        "The reference appears twice in the file.",
    ),
    "incident_import.kind_unknown": (
        "Okänd typ av händelse (skottlossning, sprängning, handgranat, knivvåld, "
        "mord eller försök, hot, annat).",
        "Unknown kind of incident (shooting, explosion, hand grenade, knife, "
        "murder or attempt, threat, other).",
    ),
    "incident_import.certainty_unknown": (
        "Ange bekräftad eller trolig.",
        "Enter confirmed or probable.",
    ),
    "incident_import.date_invalid": (
        "Datumet ska skrivas ÅÅÅÅ-MM-DD.",
        "The date must be written YYYY-MM-DD.",
    ),
    "incident_import.time_invalid": (
        "Tiden ska skrivas TT:MM.",
        "The time must be written HH:MM.",
    ),
    "incident_import.group_unknown": (
        "Grupperingen finns inte i kartläggningen.",
        "The group is not in the mapping.",
    ),
}
