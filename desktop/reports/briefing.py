"""The briefing packet: a cover for the team and one sheet per visit."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.reports.canvas import Output, build_document
from desktop.reports.common import (
    CONTENT_WIDTH,
    agency_box,
    data_table,
    dated_lines,
    section,
    template_note,
)
from desktop.reports.data import ADDRESS_CHANGED, BriefingData, DocumentMeta, VisitSheet
from desktop.reports.flowables import (
    CutLine,
    TickBoxes,
    WriteLines,
    callout,
    label_value_rows,
    photo,
)
from desktop.reports.styles import (
    BODY,
    BULLET,
    FONT_ALL,
    H1,
    INK,
    ITALIC_NOTE,
    LABEL,
    NAME,
    OPENING,
    SMALL,
    SUBTITLE,
    TITLE,
    WARN,
    WARN_TEXT,
    WARN_TINT,
    bullets,
    esc,
    fmt_date,
    fmt_long_date,
    fmt_period,
    fmt_time_range,
)

DOCUMENT_TITLE = "Genomgångsunderlag"
PHOTO_WIDTH = 36 * mm
PHOTO_HEIGHT = 46 * mm
#: Outcome forms on one page; the page follows the visit sheets it belongs to.
FORMS_PER_PAGE = 2
#: Above this many history lines the context sections go one under the other.
SIDE_BY_SIDE_MAX_ITEMS = 10
_PLAIN = TableStyle(
    [
        FONT_ALL,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def render_briefing(data: BriefingData, out: Output) -> None:
    """Write a team's briefing packet as PDF.

    Args:
        data: the packet, already filtered to what the printing agency may see.
        out: a file path or a binary stream.
    """
    story: list[Flowable] = _cover(data)
    total = len(data.visits)
    for first in range(0, total, FORMS_PER_PAGE):
        pair = list(enumerate(data.visits[first : first + FORMS_PER_PAGE], start=first + 1))
        for number, visit in pair:
            story.append(PageBreak())
            story.extend(_visit_sheet(visit, number, total, data.meta))
        story.append(PageBreak())
        story.extend(_form_page(pair, total))
    build_document(story, out, meta=data.meta, title=DOCUMENT_TITLE)


def _form_page(pair: list[tuple[int, VisitSheet]], total: int) -> list[Flowable]:
    """The outcome forms of two visits on one page, with a line to cut along.

    Two visit sheets, then their two forms: the forms stay in the order of the round,
    at most one page from their visit whatever a sheet's length, and need no duplex
    printer; the half page can be cut off and handed to whoever records the outcomes.
    """
    story: list[Flowable] = []
    for index, (number, visit) in enumerate(pair):
        if index:
            story += [Spacer(1, 5 * mm), CutLine(CONTENT_WIDTH), Spacer(1, 5 * mm)]
        story.append(_outcome_form(visit, number, total))
    return story


# --- Cover ------------------------------------------------------------------


def _cover(data: BriefingData) -> list[Flowable]:
    days = ", ".join(fmt_long_date(day) for day in data.dates)
    story: list[Flowable] = [
        Paragraph(esc(DOCUMENT_TITLE.upper()), LABEL),
        Paragraph(esc(data.operation_name), TITLE),
        Paragraph(esc(f"{data.team_name}  ·  {days}"), SUBTITLE),
    ]
    coordinator = data.coordinator
    rows = [
        ("Insats", esc(data.operation_name)),
        ("Period", esc(fmt_period(data.period_start, data.period_end))),
        ("Team", esc(data.team_name)),
        (
            "Samordnare",
            f"<b>{esc(coordinator.name)}</b>, {esc(coordinator.organisation)}, "
            f"tel. <b>{esc(coordinator.phone)}</b>"
            + (f", {esc(coordinator.email)}" if coordinator.email else ""),
        ),
        ("Antal besök", str(len(data.visits))),
    ]
    if data.meta.agency_copy is not None:
        rows.append(("Exemplar", f"<b>{esc(data.meta.agency_copy.name)}s exemplar</b>"))
    story.append(label_value_rows(rows, 30 * mm, CONTENT_WIDTH))

    story.append(section("Teamet"))
    story.append(
        data_table(
            ("Namn", "Myndighet", "Roll i samtalet", "Telefon"),
            [(m.name, m.agency, m.role, m.phone) for m in data.team],
            (52 * mm, 38 * mm, 52 * mm, 32 * mm),
        )
    )

    story.append(section("Besök i planerad ordning"))
    several_days = len(set(data.dates)) > 1
    rows_visits = []
    for number, visit in enumerate(data.visits, start=1):
        when = fmt_time_range(visit.starts_at, visit.ends_at)
        if several_days:
            when = f"{fmt_date(visit.starts_at.date())} {when}"
        rows_visits.append(
            (str(number), when, visit.area, visit.person.name, visit.group_name or "–")
        )
    time_width = 38 * mm if several_days else 24 * mm
    story.append(
        data_table(
            ("Nr", "Tid", "Område", "Person", "Grupp"),
            rows_visits,
            (10 * mm, time_width, 38 * mm, 62 * mm - (time_width - 24 * mm), 40 * mm),
            empty_text="Inga besök planerade.",
        )
    )

    if data.instructions:
        story.append(section("Att tänka på"))
        story.extend(bullets(data.instructions))
    story.append(Spacer(1, 5 * mm))
    story.append(
        Paragraph(
            "Underlaget innehåller uppgifter som omfattas av sekretess. Förvara det "
            "oåtkomligt för obehöriga, lämna aldrig kvar det hos den besökte och lämna "
            "tillbaka det till samordnaren efter passet.",
            ITALIC_NOTE,
        )
    )
    story.extend(template_note(data.meta))
    return story


# --- One visit --------------------------------------------------------------


def _visit_sheet(visit: VisitSheet, number: int, total: int, meta: DocumentMeta) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(esc(f"BESÖK {number} AV {total}  ·  REF {visit.reference}"), LABEL),
        Paragraph(
            esc(
                f"{fmt_long_date(visit.starts_at.date())}  ·  "
                f"{fmt_time_range(visit.starts_at, visit.ends_at)}  ·  {visit.area}"
            ),
            H1,
        ),
        Spacer(1, 2 * mm),
        _person_block(visit),
    ]
    if visit.urgent_because:
        # A visit in response to an incident (issue 20): said first, as the team's reason.
        story += [
            Spacer(1, 3 * mm),
            callout(
                [Paragraph(esc(visit.urgent_because), WARN_TEXT)],
                CONTENT_WIDTH,
                bar=WARN,
                background=WARN_TINT,
            ),
        ]
    if visit.protected_identity and visit.protected_address_included:
        story += [
            Spacer(1, 3 * mm),
            callout(
                [
                    Paragraph(
                        "SKYDDAD IDENTITET – adressen är utskriven på särskilt beslut. "
                        "Den får inte lämnas ut, inte sägas högt och inte lämnas kvar.",
                        WARN_TEXT,
                    )
                ],
                CONTENT_WIDTH,
                bar=WARN,
                background=WARN_TINT,
            ),
        ]
    if visit.safety_notes:
        story += [
            Spacer(1, 3 * mm),
            callout(
                [Paragraph("SÄKERHET", WARN_TEXT), *bullets(visit.safety_notes)],
                CONTENT_WIDTH,
                bar=WARN,
                background=WARN_TINT,
            ),
        ]

    story += _context_sections(visit)

    story.append(section("Budskapet"))
    message: list[Any] = [Paragraph(esc(visit.opening_line), OPENING)]
    message += [Paragraph(esc(text), BODY) for text in visit.message_paragraphs]
    story.append(callout(message, CONTENT_WIDTH))

    if visit.support is not None:
        story.append(section("Stöd att erbjuda"))
        story.append(Paragraph(f"<b>{esc(visit.support.title)}</b>", BODY))
        if visit.support.description:
            story.append(Paragraph(esc(visit.support.description), BODY))
        contact = visit.support.contact
        if contact is not None:
            line = f"Kontakt att lämna: <b>{esc(contact.name)}</b>, {esc(contact.organisation)}"
            line += f", tel. <b>{esc(contact.phone)}</b>"
            if contact.email:
                line += f", {esc(contact.email)}"
            story.append(Paragraph(line, BODY))

    if visit.agency_section is not None:
        story += [Spacer(1, 3 * mm), agency_box(visit.agency_section, meta, CONTENT_WIDTH)]

    return story


def _context_sections(visit: VisitSheet) -> list[Flowable]:
    """Current events, earlier contacts and family, side by side when short.

    A table cell cannot split across pages, so long histories fall back to
    one column where every paragraph can flow onto the next page.
    """
    left: list[Flowable] = []
    if visit.conflicts or visit.recent_events or visit.incidents:
        left.append(section("Aktuellt"))
        left += [
            Paragraph(f"<b>Konflikt:</b> {esc(text)}", BULLET, bulletText="•")
            for text in visit.conflicts
        ]
        left += dated_lines(visit.recent_events)
        if visit.incidents:
            # Violence touching his groups in the last 90 days: groups only, no names.
            left.append(Paragraph("<b>Våld som rör gruppen (90 dagar):</b>", BODY))
            left += dated_lines(visit.incidents)
    right: list[Flowable] = [section("Tidigare kontakter")]
    if visit.deliveries or visit.callin_attendance:
        right += dated_lines(visit.deliveries)
        right += dated_lines(visit.callin_attendance)
    else:
        right.append(Paragraph("Har inte fått budskapet tidigare.", BODY))
    if visit.family_present:
        right.append(section("Familj som kan vara hemma"))
        right += bullets(visit.family_present)

    items = (
        len(visit.conflicts)
        + len(visit.recent_events)
        + len(visit.incidents)
        + len(visit.deliveries)
        + len(visit.callin_attendance)
        + len(visit.family_present)
    )
    if not left or items > SIDE_BY_SIDE_MAX_ITEMS:
        return left + right
    gap = 6 * mm
    half = (CONTENT_WIDTH - gap) / 2
    table = Table([[left, right]], colWidths=[half + gap, half])
    table.setStyle(_PLAIN)
    table.setStyle([("RIGHTPADDING", (0, 0), (0, 0), gap)])
    # Headings at the top of a cell lose their spaceBefore; give it back.
    return [Spacer(1, 2 * mm), table]


def _person_block(visit: VisitSheet) -> Table:
    person = visit.person
    info: list[Any] = [Paragraph(esc(person.name), NAME)]
    if person.aliases:
        info.append(Paragraph(esc("Kallas: " + ", ".join(person.aliases)), SMALL))
    info.append(Spacer(1, 2 * mm))

    rows: list[tuple[str, str]] = []
    rows.append(("Ålder", f"{person.age} år" if person.age is not None else "–"))
    language = esc(person.language or "–")
    if person.interpreter:
        language += f"  ·  <b>tolk behövs: {esc(person.interpreter)}</b>"
    rows.append(("Språk", language))
    if visit.group_name:
        group = f"<b>{esc(visit.group_name)}</b>"
        if visit.group_role:
            group += f", {esc(visit.group_role)}"
        rows.append(("Grupp", group))
    if visit.address_printable:
        address = "<br/>".join(esc(line) for line in visit.address_lines) or "–"
        if visit.protected_identity:
            address = f'<font color="{WARN.hexval()}"><b>{address}</b></font>'
        if visit.address_changed:
            address += f'<br/><font color="{WARN.hexval()}"><b>{ADDRESS_CHANGED}</b></font>'
        rows.append(("Adress", address))
        if visit.access_notes:
            rows.append(("Tillträde", "<br/>".join(esc(n) for n in visit.access_notes)))
    else:
        rows.append(
            (
                "Adress",
                f'<font color="{WARN.hexval()}"><b>Skyddad identitet – adressen skrivs '
                "inte ut.</b></font> Samordnaren lämnar den muntligt.",
            )
        )
    info_width = CONTENT_WIDTH - PHOTO_WIDTH - 6 * mm
    info.append(label_value_rows(rows, 22 * mm, info_width))

    table = Table(
        [[photo(person.photo, PHOTO_WIDTH, PHOTO_HEIGHT), info]],
        colWidths=[PHOTO_WIDTH + 6 * mm, info_width],
    )
    table.setStyle(_PLAIN)
    return table


def _two_write_lines(left: str, right: str) -> Flowable:
    """Two labelled write-on lines side by side (one record field each)."""
    gap = 6 * mm
    half = (CONTENT_WIDTH - 16 - gap) / 2
    table = Table(
        [[WriteLines(left.upper(), lines=1), WriteLines(right.upper(), lines=1)]],
        colWidths=[half + gap, half],
    )
    table.setStyle(_PLAIN)
    table.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (0, 0), gap)]))
    return table


def _outcome_form(visit: VisitSheet, number: int, total: int) -> Flowable:
    form = visit.outcome_form

    def label(text: str) -> Paragraph:
        return Paragraph(esc(text.upper()), LABEL)

    content: list[Any] = [
        Paragraph(esc(f"UTFALL  ·  BESÖK {number} AV {total}  ·  REF {visit.reference}"), LABEL),
        Paragraph(
            # Name, time and reference, so a form cut off its page can still be
            # matched to its visit.
            f"<b>Utfall – {esc(visit.person.name)}</b>&nbsp;&nbsp;"
            f"<font size=8 color='#5B6670'>{fmt_date(visit.starts_at.date())} "
            f"{fmt_time_range(visit.starts_at, visit.ends_at)}  ·  ref "
            f"{esc(visit.reference)}  ·  fylls i på plats</font>",
            BODY,
        ),
        Spacer(1, 1 * mm),
        # The record's fields one for one (issue 17): the words are the dialog's.
        label("Status"),
        TickBoxes(form.statuses, columns=3),
        Spacer(1, 1 * mm),
        label("Budskapet framfört"),
        TickBoxes(form.message_parts, columns=2),
        Spacer(1, 1 * mm),
        label("Stöd och material"),
        # Three steps and the record's one yes/no for what was left behind.
        TickBoxes((*form.support_steps, form.leave_behind), columns=2),
        Spacer(1, 1 * mm),
        _two_write_lines(form.response, form.support_service),
        _two_write_lines(form.family_present, form.cancel_reason),
        WriteLines("UPPFÖLJNING – VAD, VEM, NÄR", lines=1),
        WriteLines("ANTECKNINGAR, KLOCKSLAG, SIGNATUR", lines=1),
    ]
    table = Table([[content]], colWidths=[CONTENT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                FONT_ALL,
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([table])
