"""Document engine: time to render a team's 40-visit briefing packet.

Budget from DESIGN.md: a 40-visit packet with a distinct photo on every
sheet renders in at most 2 s. The floor is a one-visit packet without a
photo in the same run, which shows the fixed cost (fonts, document setup).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO

from benchmarks.core import Figure, median_seconds
from desktop.reports.briefing import render_briefing
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

NAMES = ("Łukasz Nowak", "Şahin Ağa", "Nguyễn Văn An", "Ömer Çelik", "Jörgen Åström")


def _photo(seed: int) -> bytes:
    """A distinct 240×320 photo-like image; every third one a PNG, the rest JPEG."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 320), (180 + seed % 60, 170, 150 + seed % 90))
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 50, 180, 190), fill=(110 + seed % 120, 80, 60))
    draw.rectangle((30, 200, 210, 320), fill=(30, 50 + seed * 5 % 180, 90))
    buffer = BytesIO()
    image.save(buffer, "PNG" if seed % 3 == 0 else "JPEG", quality=85)
    return buffer.getvalue()


def _visit(index: int, with_photo: bool) -> VisitSheet:
    start = datetime(2026, 11, 24, 9, 0) + timedelta(minutes=20 * index)
    return VisitSheet(
        reference=f"V-{1000 + index}",
        starts_at=start,
        ends_at=start + timedelta(minutes=45),
        area=("Rosengård", "Seved", "Holma", "Lindängen")[index % 4],
        person=PersonSummary(
            name=f"{NAMES[index % len(NAMES)]} {index}",
            age=16 + index % 9,
            language="svenska",
            photo=_photo(index) if with_photo else None,
        ),
        address_lines=(f"Amiralsgatan {index + 1}", "214 37 Malmö"),
        access_notes=("Portkod 4711",),
        group_name="Nätverk Öst",
        group_role="medlem",
        conflicts=("Nätverk Väst",),
        recent_events=(DatedNote(date(2026, 11, 2), "Skottlossning i området."),),
        deliveries=(DatedNote(date(2026, 5, 12), "Hembesök: träffade honom."),),
        family_present=("Mamma",),
        safety_notes=("Hund i lägenheten.",),
        support=SupportOffer(
            "Exit Malmö", "Samtal inom en vecka.", Contact("Amira Haddad", "Soc", "040-1")
        ),
        message_paragraphs=("Vi vill inte att du skadas eller skadar någon.",) * 3,
        agency_section=AgencySection("Polisens bedömning", ("Underrättelse.",)),
    )


def _packet(visits: int, with_photos: bool) -> BriefingData:
    return BriefingData(
        meta=DocumentMeta(
            confidentiality="SEKRETESS – får ej spridas",
            printed_by="Karin Lindqvist",
            printed_at=datetime(2026, 11, 24, 7, 42),
            serial="RP-2026-000123",
            agency_copy=AgencyCopy("polis", "Polisen"),
        ),
        operation_name="Insats Höst 2026",
        period_start=date(2026, 11, 23),
        period_end=date(2026, 12, 4),
        dates=(date(2026, 11, 24),),
        team_name="Team 1",
        team=(TeamMember("Erik Holm", "Polisen", "Leder samtalet", "070-1"),),
        coordinator=Contact("Karin Lindqvist", "Polisen", "070-2"),
        visits=tuple(_visit(i, with_photos) for i in range(visits)),
    )


def figures(quick: bool) -> list[Figure]:
    """The 40-visit packet with 40 distinct photos, against a one-visit floor."""
    repeat = 1 if quick else 3
    packet = _packet(40, with_photos=True)
    floor_packet = _packet(1, with_photos=False)
    # One warm-up so font registration and imports are not billed to the packet.
    render_briefing(floor_packet, BytesIO())
    floor = median_seconds(lambda: render_briefing(floor_packet, BytesIO()), repeat)
    value = median_seconds(lambda: render_briefing(packet, BytesIO()), repeat)
    return [
        Figure(
            name="40-visit briefing packet PDF, 40 distinct photos",
            value=value,
            unit="s",
            budget="≤ 2 s",
            ok=value <= 2.0,
            floor=floor,
            floor_name="1-visit packet, no photo",
        )
    ]


if __name__ == "__main__":
    for figure in figures(quick=False):
        print(figure.as_dict())
