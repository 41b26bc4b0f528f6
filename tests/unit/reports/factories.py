"""Hand-built document data for the report tests (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from io import BytesIO

from desktop.reports.data import (
    AgencyCopy,
    AgencySection,
    BriefingData,
    Contact,
    DatedNote,
    DocumentMeta,
    PersonSummary,
    SupportOffer,
    TeamMember,
    VisitSheet,
)

MARKING = "SEKRETESS – får ej spridas (OSL 35 kap. 1 §)"
SERIAL = "RP-2026-000123"
NAMES = ("Łukasz Nowak", "Şahin Ağa", "Nguyễn Văn An", "Ömer Çelik", "Jörgen Åström")
AGENCY_TEXT = "Underrättelse: setts med vapen i Rosengård i oktober."
PROTECTED_STREET = "Hemliggatan 7"


def make_photo(seed: int, fmt: str = "JPEG", size: tuple[int, int] = (120, 160)) -> bytes:
    """A small distinct photo (a gradient with a coloured block) as bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (200 - seed % 90, 190, 170 + seed % 80))
    draw = ImageDraw.Draw(image)
    draw.ellipse((30, 25, 90, 95), fill=(120 + seed % 100, 90, 70))
    draw.rectangle((15, 100, 105, 160), fill=(40, 60 + seed % 150, 90))
    buffer = BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def make_meta(agency: str = "polis", serial: str = SERIAL) -> DocumentMeta:
    names = {"polis": "Polisen", "soc": "Socialtjänsten", "krim": "Kriminalvården"}
    return DocumentMeta(
        confidentiality=MARKING,
        printed_by="Karin Lindqvist",
        printed_at=datetime(2026, 11, 24, 7, 42),
        serial=serial,
        agency_copy=AgencyCopy(agency, names[agency]),
        template_versions=(("Budskap", "v3"), ("Utfallsblankett", "v2")),
    )


def make_visit(index: int = 0, **overrides: object) -> VisitSheet:
    start = datetime(2026, 11, 24, 9, 0) + timedelta(minutes=75 * index)
    name = NAMES[index % len(NAMES)]
    visit = VisitSheet(
        reference=f"V-{1000 + index}",
        starts_at=start,
        ends_at=start + timedelta(minutes=60),
        area=("Rosengård", "Seved", "Holma", "Lindängen")[index % 4],
        person=PersonSummary(
            name=name,
            age=17 + index % 8,
            aliases=("Lukke",) if index % 2 == 0 else (),
            language="polska" if index % 5 == 0 else "svenska",
            interpreter="polska" if index % 5 == 0 else "",
            photo=make_photo(index, "PNG" if index % 3 == 0 else "JPEG") if index % 7 else None,
        ),
        address_lines=(f"Amiralsgatan {10 + index}, lgh 1102", "214 37 Malmö"),
        access_notes=("Portkod 4711, tredje våningen",),
        group_name="Nätverk Öst",
        group_role="kärnmedlem",
        conflicts=("Nätverk Väst – skottlossning 2026-11-02",),
        recent_events=(DatedNote(date(2026, 11, 10), "Bror skadad vid knivhuggning."),),
        deliveries=(DatedNote(date(2026, 5, 12), "Hembesök, träffade honom och mamman."),),
        callin_attendance=(DatedNote(date(2026, 3, 4), "Stormöte: deltog."),),
        family_present=("Mamma (talar turkiska)", "Lillasyster 9 år"),
        safety_notes=("Hund i lägenheten.", "Gå inte in utan att båda är med."),
        support=SupportOffer(
            "Avhopparverksamheten Exit Malmö",
            "Samtal inom en vecka, hjälp med boende och arbete.",
            Contact("Amira Haddad", "Socialtjänsten Malmö", "040-34 10 00"),
        ),
        message_paragraphs=(
            "Vi är här för att vi är oroliga för dig. Vi vill inte att du skadas eller "
            "skadar någon annan.",
            "Om din grupp använder våld får det konsekvenser för hela gruppen.",
            "Det finns hjälp om du vill ta den, och vi lämnar en kontakt här.",
        ),
        agency_section=AgencySection("Polisens bedömning", (AGENCY_TEXT,)),
    )
    return replace(visit, **overrides)  # type: ignore[arg-type]


def make_briefing(visits: int = 5, **overrides: object) -> BriefingData:
    data = BriefingData(
        meta=make_meta(),
        operation_name="Insats Höst 2026",
        period_start=date(2026, 11, 23),
        period_end=date(2026, 12, 4),
        dates=(date(2026, 11, 24),),
        team_name="Team 2",
        team=(
            TeamMember("Erik Holm", "Polisen", "Leder samtalet", "070-111 22 33"),
            TeamMember("Şahin Ağa", "Socialtjänsten", "Stödet och familjen", "070-444 55 66"),
        ),
        coordinator=Contact("Karin Lindqvist", "Polisen Malmö", "070-999 00 11", "k@ex.se"),
        visits=tuple(make_visit(i) for i in range(visits)),
        instructions=("Ring samordnaren efter varje besök.", "Ta med broschyrer på polska."),
    )
    return replace(data, **overrides)  # type: ignore[arg-type]
