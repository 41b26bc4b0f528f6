"""What every figure means, in Swedish, keyed by the figure's stable code.

The same text is shown as the tile's tooltip and info dialog, printed in the report,
written to the workbooks and listed by ``rondplan stats``. Codes never change; the
JSON keys of ``rondplan stats`` are these codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.vocabulary import PAPER_STATUSES, VISIT_STATUS_WORDS


@dataclass(frozen=True)
class Definition:
    code: str
    label: str
    text: str


_INCIDENT_FILTERS = (
    " Med gruppfilter räknas händelser där gruppen var inblandad, med områdesfilter "
    "händelser i det området; myndighetsfiltret gäller inte händelser."
)

#: Violence and the response (issue 20).
INCIDENT_DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "incidents",
        "Händelser",
        "Registrerade händelser (bekräftade och troliga) vars tidpunkt ligger inom "
        "perioden." + _INCIDENT_FILTERS,
    ),
    Definition(
        "incidents_by_kind",
        "Händelser per typ",
        "Periodens händelser fördelade på typ: skottlossning, sprängning, handgranat, "
        "knivvåld, mord eller försök, hot, annat.",
    ),
    Definition(
        "group_shootings",
        "Gruppkopplade skjutningar",
        "Skottlossningar inom perioden där minst en gruppering är kopplad, på "
        "misstänkt eller drabbad sida.",
    ),
    Definition(
        "incident_injured",
        "Skadade",
        "Summan av antalet skadade i periodens händelser.",
    ),
    Definition(
        "incident_killed",
        "Döda",
        "Summan av antalet döda i periodens händelser.",
    ),
    Definition(
        "incident_group_pairs",
        "Inblandade grupper",
        "Antal par av händelse och inblandad gruppering (en grupp räknas en gång per "
        "händelse, oavsett sida).",
    ),
    Definition(
        "days_to_group_delivery_median",
        "Dagar till budskap efter händelse (median)",
        "För varje händelse och inblandad grupp: dagar från händelsedagen till den "
        "första delgivningen (alla kanaler) samma dag eller senare, inom perioden, till "
        "någon som var medlem i gruppen den dagen. Median över paren som nåddes.",
    ),
    Definition(
        "group_delivery_within_72h_share",
        "Andel grupper nådda inom 72 timmar",
        "Par av händelse och inblandad grupp där första delgivningen kom senast tredje "
        "dagen efter händelsedagen, delat med alla par (även de som inte nåddes).",
    ),
    Definition(
        "response_visits_attempted",
        "Akuta besök, försökta",
        "Besök gjorda som svar på en händelse, med tid inom perioden och ett utfall: "
        "träffade honom, bara familjen, ej hemma, nekade eller har flyttat.",
    ),
    Definition(
        "response_visits_completed",
        "Akuta besök, genomförda",
        "Akuta besök där teamet fick kontakt: träffade honom eller bara familjen.",
    ),
    Definition(
        "response_direct_contact",
        "Akuta besök, direktkontakt",
        "Akuta besök med utfallet träffade honom.",
    ),
    Definition(
        "response_family_only",
        "Akuta besök, bara familjen",
        "Akuta besök med utfallet träffade bara familjen.",
    ),
    Definition(
        "visits_per_group_week",
        "Besök per grupp och vecka",
        "För varje grupp inblandad i periodens händelser: försökta besök (alla, inte "
        "bara akuta) till personer som var medlemmar på besöksdagen, delat med "
        "periodens antal veckor (dagar / 7).",
    ),
)

_AGENCY = (
    " Med myndighetsfilter räknas bara delgivningar vid besök där teamet hade någon "
    "från myndigheten."
)

DEFINITIONS: dict[str, Definition] = {
    d.code: d
    for d in (
        Definition(
            "persons_mapped",
            "Kartlagda personer",
            "Personer i kartläggningen vid periodens slut: kartlagda senast sista dagen "
            "(eller utan kartläggningsdatum), sammanslagna dubbletter ej medräknade.",
        ),
        Definition(
            "persons_mapped_new",
            "Nykartlagda",
            "Personer vars kartläggningsdatum ligger inom perioden.",
        ),
        Definition(
            "persons_reached",
            "Nådda personer",
            "Personer som fått budskapet minst en gång under perioden (minst en "
            "delgivning, oavsett kanal)." + _AGENCY,
        ),
        Definition(
            "reached_more_than_once",
            "Nådda mer än en gång",
            "Nådda personer som vid periodens slut fått budskapet minst två gånger "
            "totalt (delgivningar före perioden räknas med).",
        ),
        Definition(
            "reached_more_than_once_share",
            "Andel nådda mer än en gång",
            "Nådda mer än en gång delat med nådda personer under perioden.",
        ),
        Definition(
            "deliveries",
            "Delgivningar",
            "Antal delgivningar av budskapet under perioden; en person kan ha flera.",
        ),
        Definition(
            "deliveries_by_channel",
            "Delgivningar per kanal",
            "Delgivningar under perioden fördelade på hembesök, stormöte, "
            "Kriminalvården och annat.",
        ),
        Definition(
            "visits",
            "Besök",
            "Hembesök med planerad start inom perioden, alla statusar.",
        ),
        Definition(
            "visits_by_outcome",
            "Besök per utfall",
            # The statuses in the one vocabulary (issue 17), outcomes first.
            "Besök under perioden efter status: "
            + ", ".join(VISIT_STATUS_WORDS[c].lower() for c in PAPER_STATUSES)
            + f", {VISIT_STATUS_WORDS['planned'].lower()} eller "
            + f"{VISIT_STATUS_WORDS['proposed'].lower()}.",
        ),
        Definition(
            "callin_invitations",
            "Inbjudna till stormöte",
            "Inbjudningar till stormöten som hölls eller planerades under perioden "
            "(inställda stormöten ej medräknade). Myndighetsfiltret påverkar inte stormöten.",
        ),
        Definition(
            "callin_attended",
            "Deltog i stormöte",
            "Inbjudningar där personen kom till stormötet (deltog, även om han gick tidigt).",
        ),
        Definition(
            "callin_attendance_rate",
            "Andel som deltog",
            "Deltog i stormöte delat med inbjudna till stormöte under perioden.",
        ),
        Definition(
            "support_offered",
            "Stöderbjudanden",
            "Remisser till stöd vars första steg (erbjudet, eller accepterat direkt) "
            "ligger inom perioden, även de där personen själv tog kontakt, och hembesök "
            "inom perioden där stöd erbjöds vid dörren utan att en remiss öppnades.",
        ),
        Definition(
            "support_accepted",
            "Accepterat stöd",
            "Remisser som fick statusen accepterad under perioden, enligt remissens historik.",
        ),
        Definition(
            "support_started",
            "Påbörjat stöd",
            "Remisser där insatsen påbörjades under perioden, enligt remissens historik.",
        ),
        Definition(
            "support_completed",
            "Slutfört stöd",
            "Remisser där insatsen slutfördes under perioden, enligt remissens historik.",
        ),
        Definition(
            "self_initiated_contacts",
            "Egna kontakter",
            "Remisser som inleddes under perioden för att personen själv hörde av sig.",
        ),
        Definition(
            "days_to_first_delivery_median",
            "Dagar till första delgivning (median)",
            "Median av antal dagar från kartläggningsdatum till första delgivningen "
            "någonsin, för personer vars första delgivning ligger inom perioden. "
            "Personer utan kartläggningsdatum eller kartlagda efter delgivningen räknas inte.",
        ),
        Definition(
            "coverage",
            "Täckning per grupp",
            "För varje grupp: medlemmar under perioden som fått budskapet under perioden, "
            "delat med gruppens medlemmar under perioden.",
        ),
        *INCIDENT_DEFINITIONS,
    )
}


def definition(code: str) -> str:
    """The definition text of a figure code (KeyError for an unknown code)."""
    return DEFINITIONS[code].text


def label(code: str) -> str:
    return DEFINITIONS[code].label
