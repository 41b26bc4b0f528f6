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
    )
}


def definition(code: str) -> str:
    """The definition text of a figure code (KeyError for an unknown code)."""
    return DEFINITIONS[code].text


def label(code: str) -> str:
    return DEFINITIONS[code].label
