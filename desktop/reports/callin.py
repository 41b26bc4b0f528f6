"""Call-in documents: the attendance list and the invitation letters."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from desktop.messages import Language, words
from desktop.reports.canvas import Output, build_document
from desktop.reports.common import CONTENT_WIDTH, data_table, template_note
from desktop.reports.data_sheets import CallInAttendeesData, CallInInfo, InvitationLettersData
from desktop.reports.flowables import label_value_rows
from desktop.reports.styles import (
    BODY,
    CELL_BOLD,
    FONT_ALL,
    H1,
    LABEL,
    SMALL,
    SUBTITLE,
    TITLE,
    esc,
    fmt_date,
    fmt_long_date,
)


def _when(callin: CallInInfo, lang: Language = "sv") -> str:
    day = fmt_long_date(callin.starts_at.date(), lang)
    return words("paper.at_time", {"date": day, "time": f"{callin.starts_at:%H:%M}"}, lang)


def render_callin_attendees(data: CallInAttendeesData, out: Output) -> None:
    """Write the attendance list of a call-in, with a column to tick at the door."""
    callin, lang = data.callin, data.lang

    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    title = w("attendees")
    story: list[Flowable] = [
        Paragraph(esc(title.upper()), LABEL),
        Paragraph(esc(callin.title), TITLE),
        Paragraph(esc(f"{_when(callin, lang)}  ·  {callin.venue}"), SUBTITLE),
    ]
    invited = len(data.attendees)
    came = sum(1 for a in data.attendees if a.attended)
    recorded = sum(1 for a in data.attendees if a.attended is not None)
    summary = w("invited_count", n=invited)
    if recorded:
        summary += w("came_count", came=came, recorded=recorded)
    story.append(Paragraph(esc(summary), BODY))
    story.append(Spacer(1, 3 * mm))

    def attended(value: bool | None) -> str:
        return {True: w("yes"), False: w("no"), None: ""}[value]

    rows = [
        (
            str(number),
            Paragraph(esc(a.name), CELL_BOLD),
            a.group,
            a.invited_via,
            fmt_date(a.invited_on),
            attended(a.attended),
            a.note,
        )
        for number, a in enumerate(data.attendees, start=1)
    ]
    story.append(
        data_table(
            (
                w("col_number"),
                w("col_name"),
                w("col_group"),
                w("col_invited_via"),
                w("col_date"),
                w("col_came"),
                w("col_note"),
            ),
            rows,
            # "Came" is wider than "Kom": 14 mm keeps either on one line.
            (9 * mm, 44 * mm, 30 * mm, 27 * mm, 21 * mm, 14 * mm, 29 * mm),
            empty_text=w("nobody_invited"),
        )
    )
    story += template_note(data.meta, lang)
    build_document(story, out, meta=data.meta, title=title, lang=lang)


def render_invitation_letters(data: InvitationLettersData, out: Output) -> None:
    """Write one invitation letter per recipient, each starting on a new page, in the
    letter's language (``data.lang``: the recipient's, Swedish unless chosen)."""
    lang = data.lang

    def w(code: str, **params: object) -> str:
        return words(f"paper.{code}", params, lang)

    story: list[Flowable] = []
    for index, letter in enumerate(data.letters):
        if index:
            story.append(PageBreak())
        address = [Paragraph(esc(letter.recipient), BODY)]
        address += [Paragraph(esc(line), BODY) for line in letter.address_lines]
        top = Table(
            [[address, Paragraph(esc(fmt_date(data.letter_date)), BODY)]],
            colWidths=[CONTENT_WIDTH - 40 * mm, 40 * mm],
        )
        top.setStyle(
            [FONT_ALL, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]
        )
        story += [Spacer(1, 8 * mm), top, Spacer(1, 14 * mm)]
        story.append(Paragraph(esc(data.callin.title), H1))
        story.append(Spacer(1, 2 * mm))
        salutation = letter.salutation or w("salutation", name=letter.recipient.split(" ")[0])
        story.append(Paragraph(esc(salutation), BODY))
        story.append(Spacer(1, 2 * mm))
        story += [Paragraph(esc(text), BODY) for text in data.body_paragraphs]
        story.append(Spacer(1, 4 * mm))
        where = esc(data.callin.venue)
        if data.callin.venue_address:
            where += ", " + esc(", ".join(data.callin.venue_address))
        story.append(
            label_value_rows(
                [(w("when"), esc(_when(data.callin, lang))), (w("where"), where)],
                20 * mm,
                CONTENT_WIDTH,
            )
        )
        if data.contact_line:
            story.append(Spacer(1, 4 * mm))
            story.append(Paragraph(esc(data.contact_line), BODY))
        story.append(Spacer(1, 10 * mm))
        story.append(KeepTogether(_signatures(data)))
    # No template note and no confidentiality marking: the letters go to the recipients.
    build_document(story, out, meta=data.meta, title=w("letters"), letter=True, lang=lang)


def _signatures(data: InvitationLettersData) -> list[Flowable]:
    if not data.signatories:
        return []
    columns = min(3, len(data.signatories))
    width = CONTENT_WIDTH / columns
    cells: list[Any] = [
        [
            Paragraph(esc(words("paper.regards", {}, data.lang)), SMALL),
            Spacer(1, 3 * mm),
            Paragraph(f"<b>{esc(c.name)}</b>", BODY),
            Paragraph(esc(c.organisation), BODY),
            # No empty "Tel." line for a signatory whose phone is not known.
            *([Paragraph(esc(f"Tel. {c.phone}"), BODY)] if _has_phone(c.phone) else []),
        ]
        for c in data.signatories
    ]
    rows: list[list[Any]] = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width] * columns)
    table.setStyle(
        [FONT_ALL, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    )
    return [table]


def _has_phone(phone: str) -> bool:
    return any(ch.isdigit() for ch in phone)
