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

from desktop.messages import Language, words
from desktop.reports.canvas import Output, build_document
from desktop.reports.common import (
    CONTENT_WIDTH,
    agency_box,
    data_table,
    dated_lines,
    section,
    template_note,
)
from desktop.reports.data import INCIDENT_DAYS, BriefingData, DocumentMeta, VisitSheet
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
    lang = data.lang
    story: list[Flowable] = _cover(data)
    total = len(data.visits)
    for first in range(0, total, FORMS_PER_PAGE):
        pair = list(enumerate(data.visits[first : first + FORMS_PER_PAGE], start=first + 1))
        for number, visit in pair:
            story.append(PageBreak())
            story.extend(_visit_sheet(visit, number, total, data.meta, lang))
        story.append(PageBreak())
        story.extend(_form_page(pair, total, lang))
    title = words("paper.briefing", {}, lang)
    build_document(story, out, meta=data.meta, title=title, lang=lang)


def _form_page(
    pair: list[tuple[int, VisitSheet]], total: int, lang: Language = "sv"
) -> list[Flowable]:
    """The outcome forms of two visits on one page, with a line to cut along.

    Two visit sheets, then their two forms: the forms stay in the order of the round,
    at most one page from their visit whatever a sheet's length, and need no duplex
    printer; the half page can be cut off and handed to whoever records the outcomes.
    """
    story: list[Flowable] = []
    for index, (number, visit) in enumerate(pair):
        if index:
            cut = CutLine(CONTENT_WIDTH, words("paper.cut_here", {}, lang))
            story += [Spacer(1, 5 * mm), cut, Spacer(1, 5 * mm)]
        story.append(_outcome_form(visit, number, total, lang))
    return story


# --- Cover ------------------------------------------------------------------


def _cover(data: BriefingData) -> list[Flowable]:
    lang = data.lang

    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    days = ", ".join(fmt_long_date(day, lang) for day in data.dates)
    story: list[Flowable] = [
        Paragraph(esc(w("briefing").upper()), LABEL),
        Paragraph(esc(data.operation_name), TITLE),
        Paragraph(esc(f"{data.team_name}  ·  {days}"), SUBTITLE),
    ]
    coordinator = data.coordinator
    rows = [
        (w("operation"), esc(data.operation_name)),
        ("Period", esc(fmt_period(data.period_start, data.period_end))),
        ("Team", esc(data.team_name)),
        (
            w("coordinator"),
            f"<b>{esc(coordinator.name)}</b>, {esc(coordinator.organisation)}, "
            f"tel. <b>{esc(coordinator.phone)}</b>"
            + (f", {esc(coordinator.email)}" if coordinator.email else ""),
        ),
        (w("visit_count"), str(len(data.visits))),
    ]
    if data.meta.agency_copy is not None:
        copy = w("copy", agency=data.meta.agency_copy.name)
        rows.append((w("copy_label"), f"<b>{esc(copy)}</b>"))
    story.append(label_value_rows(rows, 30 * mm, CONTENT_WIDTH))

    story.append(section(w("the_team")))
    story.append(
        data_table(
            (w("col_name"), w("col_agency"), w("col_talk_role"), w("col_phone")),
            [(m.name, m.agency, m.role, m.phone) for m in data.team],
            (52 * mm, 38 * mm, 52 * mm, 32 * mm),
            lang=lang,
        )
    )

    story.append(section(w("visits_in_order")))
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
            (w("col_number"), w("col_time"), w("col_area"), "Person", w("col_group")),
            rows_visits,
            (10 * mm, time_width, 38 * mm, 62 * mm - (time_width - 24 * mm), 40 * mm),
            empty_text=w("no_visits"),
        )
    )

    if data.instructions:
        story.append(section(w("keep_in_mind")))
        story.extend(bullets(data.instructions))
    story.append(Spacer(1, 5 * mm))
    story.append(Paragraph(esc(w("packet_secret")), ITALIC_NOTE))
    story.extend(template_note(data.meta, lang))
    return story


# --- One visit --------------------------------------------------------------


def _visit_sheet(
    visit: VisitSheet, number: int, total: int, meta: DocumentMeta, lang: Language = "sv"
) -> list[Flowable]:
    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    heading = w("visit_of", number=number, total=total, reference=visit.reference)
    story: list[Flowable] = [
        Paragraph(esc(heading), LABEL),
        Paragraph(
            esc(
                f"{fmt_long_date(visit.starts_at.date(), lang)}  ·  "
                f"{fmt_time_range(visit.starts_at, visit.ends_at)}  ·  {visit.area}"
            ),
            H1,
        ),
        Spacer(1, 2 * mm),
        _person_block(visit, lang),
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
                [Paragraph(esc(w("protected_printed")), WARN_TEXT)],
                CONTENT_WIDTH,
                bar=WARN,
                background=WARN_TINT,
            ),
        ]
    if visit.safety_notes:
        story += [
            Spacer(1, 3 * mm),
            callout(
                [Paragraph(esc(w("safety")), WARN_TEXT), *bullets(visit.safety_notes)],
                CONTENT_WIDTH,
                bar=WARN,
                background=WARN_TINT,
            ),
        ]

    story += _context_sections(visit, lang)

    story.append(section(w("message")))
    message: list[Any] = [Paragraph(esc(visit.opening_line), OPENING)]
    message += [Paragraph(esc(text), BODY) for text in visit.message_paragraphs]
    story.append(callout(message, CONTENT_WIDTH))

    if visit.support is not None:
        story.append(section(w("support_to_offer")))
        story.append(Paragraph(f"<b>{esc(visit.support.title)}</b>", BODY))
        if visit.support.description:
            story.append(Paragraph(esc(visit.support.description), BODY))
        contact = visit.support.contact
        if contact is not None:
            line = f"{esc(w('contact_to_leave'))} <b>{esc(contact.name)}</b>"
            line += f", {esc(contact.organisation)}"
            line += f", tel. <b>{esc(contact.phone)}</b>"
            if contact.email:
                line += f", {esc(contact.email)}"
            story.append(Paragraph(line, BODY))

    if visit.agency_section is not None:
        story += [Spacer(1, 3 * mm), agency_box(visit.agency_section, meta, CONTENT_WIDTH, lang)]

    return story


def _context_sections(visit: VisitSheet, lang: Language = "sv") -> list[Flowable]:
    """Current events, earlier contacts and family, side by side when short.

    A table cell cannot split across pages, so long histories fall back to
    one column where every paragraph can flow onto the next page.
    """

    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    left: list[Flowable] = []
    if visit.conflicts or visit.recent_events or visit.incidents:
        left.append(section(w("current")))
        conflict = esc(w("conflict"))
        left += [
            Paragraph(f"<b>{conflict}</b> {esc(text)}", BULLET, bulletText="•")
            for text in visit.conflicts
        ]
        left += dated_lines(visit.recent_events)
        if visit.incidents:
            # Violence touching his groups in the last 90 days: groups only, no names.
            violence = esc(w("group_violence", days=INCIDENT_DAYS))
            left.append(Paragraph(f"<b>{violence}</b>", BODY))
            left += dated_lines(visit.incidents)
    right: list[Flowable] = [section(w("earlier_contacts"))]
    if visit.deliveries or visit.callin_attendance:
        right += dated_lines(visit.deliveries)
        right += dated_lines(visit.callin_attendance)
    else:
        right.append(Paragraph(esc(w("no_message_yet")), BODY))
    if visit.family_present:
        right.append(section(w("family_home")))
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


def _person_block(visit: VisitSheet, lang: Language = "sv") -> Table:
    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    person = visit.person
    info: list[Any] = [Paragraph(esc(person.name), NAME)]
    if person.aliases:
        info.append(Paragraph(esc(w("known_as", names=", ".join(person.aliases))), SMALL))
    info.append(Spacer(1, 2 * mm))

    rows: list[tuple[str, str]] = []
    rows.append((w("age"), w("years", age=person.age) if person.age is not None else "–"))
    language = esc(person.language or "–")
    if person.interpreter:
        language += f"  ·  <b>{esc(w('interpreter', language=person.interpreter))}</b>"
    rows.append((w("language"), language))
    if visit.group_name:
        group = f"<b>{esc(visit.group_name)}</b>"
        if visit.group_role:
            group += f", {esc(visit.group_role)}"
        rows.append((w("group"), group))
    if visit.address_printable:
        address = "<br/>".join(esc(line) for line in visit.address_lines) or "–"
        if visit.protected_identity:
            address = f'<font color="{WARN.hexval()}"><b>{address}</b></font>'
        if visit.address_changed:
            changed = esc(w("address_changed"))
            address += f'<br/><font color="{WARN.hexval()}"><b>{changed}</b></font>'
        rows.append((w("address"), address))
        if visit.access_notes:
            rows.append((w("access"), "<br/>".join(esc(n) for n in visit.access_notes)))
    else:
        rows.append(
            (
                w("address"),
                f'<font color="{WARN.hexval()}"><b>{esc(w("address_withheld"))}</b></font> '
                f"{esc(w('address_orally'))}",
            )
        )
    info_width = CONTENT_WIDTH - PHOTO_WIDTH - 6 * mm
    info.append(label_value_rows(rows, 22 * mm, info_width))

    table = Table(
        [[photo(person.photo, PHOTO_WIDTH, PHOTO_HEIGHT, lang), info]],
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


def _outcome_form(visit: VisitSheet, number: int, total: int, lang: Language = "sv") -> Flowable:
    form = visit.outcome_form

    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    def label(text: str) -> Paragraph:
        return Paragraph(esc(text.upper()), LABEL)

    content: list[Any] = [
        Paragraph(
            esc(w("outcome_of", number=number, total=total, reference=visit.reference)), LABEL
        ),
        Paragraph(
            # Name, time and reference, so a form cut off its page can still be
            # matched to its visit.
            f"<b>{esc(w('outcome_for', name=visit.person.name))}</b>&nbsp;&nbsp;"
            f"<font size=8 color='#5B6670'>{fmt_date(visit.starts_at.date())} "
            f"{fmt_time_range(visit.starts_at, visit.ends_at)}  ·  "
            f"{esc(w('filled_in', reference=visit.reference))}</font>",
            BODY,
        ),
        Spacer(1, 1 * mm),
        # The record's fields one for one (issue 17): the words are the dialog's.
        label("Status"),
        TickBoxes(form.statuses, columns=3),
        Spacer(1, 1 * mm),
        label(w("message_delivered")),
        TickBoxes(form.message_parts, columns=2),
        Spacer(1, 1 * mm),
        label(w("support_material")),
        # Three steps and the record's one yes/no for what was left behind.
        TickBoxes((*form.support_steps, form.leave_behind), columns=2),
        Spacer(1, 1 * mm),
        _two_write_lines(form.response, form.support_service),
        _two_write_lines(form.family_present, form.cancel_reason),
        WriteLines(w("follow_up"), lines=1),
        WriteLines(w("notes_signature"), lines=1),
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
