"""The person profile sheet and the group overview."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.reports.canvas import Output, build_document
from desktop.reports.common import (
    CONTENT_WIDTH,
    agency_box,
    data_table,
    dated_lines,
    section,
    template_note,
)
from desktop.reports.data_sheets import GroupOverviewData, PersonSheetData
from desktop.reports.flowables import label_value_rows, photo
from desktop.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    FONT_ALL,
    LABEL,
    NAME,
    SMALL,
    SUBTITLE,
    TITLE,
    WARN,
    esc,
    fmt_date,
)

PERSON_TITLE = "Personblad"
GROUP_TITLE = "Gruppöversikt"


def render_person_sheet(data: PersonSheetData, out: Output) -> None:
    """Write a person's profile sheet as PDF.

    Args:
        data: the person, already filtered to what the printing agency may see.
        out: a file path or a binary stream.
    """
    person = data.person
    info: list[Any] = [
        Paragraph(esc(PERSON_TITLE.upper()), LABEL),
        Paragraph(esc(person.name), NAME),
    ]
    if person.aliases:
        info.append(Paragraph(esc("Kallas: " + ", ".join(person.aliases)), SMALL))
    info.append(Spacer(1, 2 * mm))
    rows: list[tuple[str, str]] = [
        ("Personnummer", esc(data.personal_id_masked or "–")),
        ("Födelsedatum", esc(fmt_date(data.birth_date))),
        ("Ålder", f"{person.age} år" if person.age is not None else "–"),
        ("Status", esc(data.status or "–")),
        ("Kategori", esc(data.category or "–")),
    ]
    language = esc(person.language or "–")
    if person.interpreter:
        language += f"  ·  <b>tolk behövs: {esc(person.interpreter)}</b>"
    rows.append(("Språk", language))
    if data.protected_identity:
        rows.append(("Identitet", f'<font color="{WARN.hexval()}"><b>Skyddad identitet</b></font>'))
    info_width = CONTENT_WIDTH - 42 * mm
    info.append(label_value_rows(rows, 28 * mm, info_width))
    head = Table(
        [[photo(person.photo, 36 * mm, 46 * mm), info]],
        colWidths=[42 * mm, info_width],
    )
    head.setStyle(
        TableStyle(
            [
                FONT_ALL,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story: list[Flowable] = [head]

    story.append(section("Adresser"))
    if data.protected_identity:
        story.append(
            Paragraph(
                f'<font color="{WARN.hexval()}"><b>Skyddad identitet – adresser skrivs '
                "inte ut.</b></font>",
                BODY,
            )
        )
    else:
        story.append(
            data_table(
                ("Adress", "Från", "Till"),
                [
                    (", ".join(a.lines), fmt_date(a.since), fmt_date(a.until) if a.until else "nu")
                    for a in data.addresses
                ],
                (114 * mm, 30 * mm, 30 * mm),
            )
        )

    story.append(section("Grupptillhörighet"))
    story.append(
        data_table(
            ("Grupp", "Roll", "Källa", "Sedan", "Omprövas"),
            [
                (m.group, m.role, m.source, fmt_date(m.since), fmt_date(m.review_date))
                for m in data.memberships
            ],
            (40 * mm, 34 * mm, 50 * mm, 25 * mm, 25 * mm),
        )
    )
    story.append(section("Familj och nätverk"))
    story.append(
        data_table(
            ("Namn", "Relation", "Anteckning"),
            [(r.name, r.relation, r.note) for r in data.relations],
            (50 * mm, 34 * mm, 90 * mm),
        )
    )
    story.append(section("Budskapet och stormöten"))
    history = dated_lines(data.deliveries) + dated_lines(data.callin_attendance)
    story += history or [Paragraph("Har inte fått budskapet.", BODY)]
    story.append(section("Stödinsatser"))
    story.append(
        data_table(
            ("Insats", "Status", "Start", "Slut"),
            [(r.service, r.status, fmt_date(r.started), fmt_date(r.ended)) for r in data.referrals],
            (74 * mm, 40 * mm, 30 * mm, 30 * mm),
        )
    )
    story.append(section("Anteckningar"))
    story.append(
        data_table(
            ("Datum", "Slag", "Myndighet", "Text"),
            [(fmt_date(n.day), n.kind, n.author_agency, n.text) for n in data.notes],
            (22 * mm, 26 * mm, 30 * mm, 96 * mm),
        )
    )
    if data.agency_section is not None:
        story += [Spacer(1, 4 * mm), agency_box(data.agency_section, data.meta, CONTENT_WIDTH)]
    story += template_note(data.meta)
    build_document(story, out, meta=data.meta, title=PERSON_TITLE)


def render_group_overview(data: GroupOverviewData, out: Output) -> None:
    """Write a group's overview (members, conflicts, alliances) as PDF."""
    story: list[Flowable] = [
        Paragraph(esc(GROUP_TITLE.upper()), LABEL),
        Paragraph(esc(data.name), TITLE),
    ]
    subtitle = []
    if data.aliases:
        subtitle.append("Även kallad " + ", ".join(data.aliases))
    if data.territory:
        subtitle.append(f"Område: {data.territory}")
    if subtitle:
        story.append(Paragraph(esc("  ·  ".join(subtitle)), SUBTITLE))
    if data.description:
        story.append(Paragraph(esc(data.description), BODY))

    reached = sum(1 for m in data.members if m.deliveries > 0)
    story.append(section(f"Medlemmar ({len(data.members)}, varav {reached} nådda av budskapet)"))
    story.append(
        data_table(
            ("Namn", "Ålder", "Roll", "Status", "Budskap", "Senast"),
            [
                (
                    Paragraph(esc(m.name), CELL_BOLD),
                    str(m.age) if m.age is not None else "–",
                    m.role,
                    m.status,
                    str(m.deliveries),
                    fmt_date(m.last_delivery),
                )
                for m in data.members
            ],
            (52 * mm, 13 * mm, 34 * mm, 26 * mm, 22 * mm, 27 * mm),
            empty_text="Inga kända medlemmar.",
        )
    )
    story.append(section("Konflikter och allianser"))
    story.append(
        data_table(
            ("Grupp", "Slag", "Läge", "Sedan", "Anteckning"),
            [
                (
                    Paragraph(esc(r.other_group), CELL_BOLD),
                    Paragraph(
                        f'<font color="{WARN.hexval()}"><b>{esc(r.kind)}</b></font>'
                        if r.kind.lower().startswith("konflikt")
                        else esc(r.kind),
                        CELL,
                    ),
                    r.status,
                    fmt_date(r.since),
                    r.note,
                )
                for r in data.relations
            ],
            (40 * mm, 22 * mm, 24 * mm, 22 * mm, 66 * mm),
            empty_text="Inga kända konflikter eller allianser.",
        )
    )
    if data.sanctions:
        story.append(section("Ökat fokus (sanktionsperioder)"))
        story.append(
            data_table(
                ("Från", "Till", "Anledning"),
                [(fmt_date(s.start), fmt_date(s.end), s.reason) for s in data.sanctions],
                (25 * mm, 25 * mm, 124 * mm),
            )
        )
    if data.recent_events:
        story.append(section("Händelser"))
        story += dated_lines(data.recent_events)
    story += template_note(data.meta)
    build_document(story, out, meta=data.meta, title=GROUP_TITLE)
