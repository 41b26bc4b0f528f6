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
from desktop.reports.data_sheets import (
    AddressPeriod,
    AttendeeRow,
    CallInAttendeesData,
    CallInInfo,
    ChartSpec,
    GroupMemberRow,
    GroupOverviewData,
    GroupRelationRow,
    InvitationLetter,
    InvitationLettersData,
    KeyFigure,
    MembershipRow,
    MonthSeries,
    NoteRow,
    OperationScheduleData,
    PersonSheetData,
    ReferralRow,
    RelationRow,
    SanctionRow,
    ScheduleEntry,
    StatisticsReportData,
    StatTable,
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


def make_briefing(count: int = 5, **overrides: object) -> BriefingData:
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
        visits=tuple(make_visit(i) for i in range(count)),
        instructions=("Ring samordnaren efter varje besök.", "Ta med broschyrer på polska."),
    )
    return replace(data, **overrides)  # type: ignore[arg-type]


def make_person_sheet(**overrides: object) -> PersonSheetData:
    data = PersonSheetData(
        meta=make_meta(),
        person=PersonSummary(
            "Nguyễn Văn An", 19, ("Anh",), "vietnamesiska", "vietnamesiska", make_photo(3)
        ),
        personal_id_masked="20070312-XXXX",
        birth_date=date(2007, 3, 12),
        status="Aktiv",
        category="Misstänkt",
        addresses=(
            AddressPeriod(("Amiralsgatan 12", "214 37 Malmö"), date(2024, 1, 1)),
            AddressPeriod(("Lönngatan 3", "214 49 Malmö"), date(2021, 5, 1), date(2023, 12, 31)),
        ),
        memberships=(
            MembershipRow(
                "Nätverk Öst",
                "kärnmedlem",
                "Polisens kartläggning",
                date(2025, 2, 1),
                date(2027, 2, 1),
            ),
        ),
        relations=(RelationRow("Şahin Ağa", "kusin", "umgås dagligen"),),
        deliveries=(DatedNote(date(2026, 5, 12), "Hembesök: träffade honom."),),
        referrals=(ReferralRow("Exit Malmö", "Pågår", date(2026, 6, 1)),),
        notes=(NoteRow(date(2026, 6, 2), "Bedömning", "Socialtjänsten", "Motiverad. " * 30),),
        agency_section=AgencySection("Polisens bedömning", (AGENCY_TEXT,)),
    )
    return replace(data, **overrides)  # type: ignore[arg-type]


def make_group(members: int = 30) -> GroupOverviewData:
    return GroupOverviewData(
        meta=make_meta("soc"),
        name="Nätverk Öst",
        aliases=("Östgänget",),
        territory="Rosengård, Herrgården",
        description="Löst sammanhållet nätverk med kärna av cirka tio personer.",
        members=tuple(
            GroupMemberRow(
                NAMES[i % 5] + f" {i}",
                16 + i % 9,
                "medlem",
                "Aktiv",
                i % 3,
                date(2026, 5, 1) if i % 3 else None,
            )
            for i in range(members)
        ),
        relations=(
            GroupRelationRow(
                "Nätverk Väst", "Konflikt", "Aktiv", date(2026, 10, 1), "Skottlossning 2026-11-02"
            ),
            GroupRelationRow("Seved-gruppen", "Allians", "Lugn"),
        ),
        sanctions=(SanctionRow(date(2026, 11, 3), None, "Skottlossning i Rosengård."),),
        recent_events=(DatedNote(date(2026, 11, 2), "Skottlossning på Ramels väg."),),
    )


def make_schedule(visits: int = 40) -> OperationScheduleData:
    teams = ("Team 1", "Team 2", "Team 3", "Team 4")
    start = date(2026, 11, 23)
    entries = []
    for i in range(visits):
        day = start + timedelta(days=(i // 4) % 12)
        at = datetime.combine(day, datetime.min.time()) + timedelta(hours=9 + (i % 3) * 2)
        entries.append(
            ScheduleEntry(
                at, at + timedelta(hours=1), teams[i % 4], NAMES[i % 5], "Rosengård", "planerat"
            )
        )
    return OperationScheduleData(
        make_meta(), "Insats Höst 2026", start, date(2026, 12, 4), teams, tuple(entries)
    )


CALLIN = CallInInfo(
    "Stormöte Malmö december",
    datetime(2026, 12, 10, 17, 0),
    "Rådhuset",
    ("Kalendegatan 1", "211 35 Malmö"),
)


def make_attendees(count: int = 45) -> CallInAttendeesData:
    return CallInAttendeesData(
        make_meta(),
        CALLIN,
        tuple(
            AttendeeRow(
                NAMES[i % 5],
                "Nätverk Öst",
                "Frivården",
                date(2026, 11, 20),
                (True, False, None)[i % 3],
            )
            for i in range(count)
        ),
    )


def make_letters(count: int = 3) -> InvitationLettersData:
    return InvitationLettersData(
        make_meta(),
        CALLIN,
        date(2026, 11, 25),
        (
            "Du är inbjuden till ett möte med polisen, socialtjänsten, Kriminalvården "
            "och personer från ditt område.",
            "Du är inte misstänkt för något brott. Vi vill berätta om hjälp som finns.",
        ),
        (
            Contact("Erik Holm", "Polisen", "070-111 22 33"),
            Contact("Amira Haddad", "Socialtjänsten", "040-34 10 00"),
            Contact("Jonas Berg", "Kriminalvården", "010-111 00 00"),
        ),
        tuple(
            InvitationLetter(NAMES[i % 5], ("Amiralsgatan 12", "214 37 Malmö"))
            for i in range(count)
        ),
    )


def make_statistics() -> StatisticsReportData:
    months = tuple(date(2026, m, 1) for m in range(1, 13))
    return StatisticsReportData(
        make_meta(),
        "Sluta skjut Malmö 2026",
        date(2026, 1, 1),
        date(2026, 12, 31),
        (
            KeyFigure("Nådda", "163", "Personer som fått budskapet minst en gång."),
            KeyFigure("Nådda flera gånger", "17", "Fått budskapet två gånger eller fler."),
            KeyFigure("Stöd accepterat", "41 %", "Andel av erbjudna som tackat ja."),
            KeyFigure("Hembesök", "212", "Genomförda hembesök."),
        ),
        months,
        ChartSpec(
            "Hembesök per månad",
            "antal",
            (
                MonthSeries("Träffade honom", tuple(float(5 + m % 7) for m in range(12))),
                MonthSeries("Inte hemma", tuple(float(2 + m % 4) for m in range(12))),
            ),
        ),
        ChartSpec(
            "Nådda personer, ackumulerat",
            "personer",
            (MonthSeries("Nådda", tuple(float(12 * m) for m in range(1, 13))),),
        ),
        (
            StatTable(
                "Utfall per grupp",
                ("Grupp", "Medlemmar", "Nådda", "Andel"),
                tuple((f"Grupp {i}", "12", "9", "75 %") for i in range(30)),
            ),
        ),
        ("Siffrorna bygger på registrerade utfall.",),
    )
