"""Story fragments used by more than one document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.messages import Language, words
from desktop.reports.data import AgencySection, DatedNote, DocumentMeta
from desktop.reports.flowables import callout
from desktop.reports.styles import (
    ACCENT,
    BODY,
    CELL,
    H2,
    HEAD_CELL,
    ITALIC_NOTE,
    LABEL,
    MARGIN_X,
    PORTRAIT,
    SMALL,
    esc,
    fmt_date,
    grid_table_style,
)

#: Usable width of a portrait page.
CONTENT_WIDTH = PORTRAIT[0] - 2 * MARGIN_X


def data_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    empty_text: str | None = None,
    lang: Language = "sv",
) -> Flowable:
    """A table with the house style whose header repeats on every page.

    Plain strings are escaped and wrapped in paragraphs so long text wraps
    instead of running out of the cell.
    """
    if not rows:
        empty = words("paper.no_data", {}, lang) if empty_text is None else empty_text
        return Paragraph(esc(empty), ITALIC_NOTE)
    header = [Paragraph(esc(column), HEAD_CELL) for column in columns]
    body = [
        [Paragraph(esc(cell), CELL) if isinstance(cell, str) else cell for cell in row]
        for row in rows
    ]
    table = Table([header, *body], colWidths=list(widths), repeatRows=1)
    table.setStyle(grid_table_style())
    return table


def section(title: str) -> Paragraph:
    """A section heading."""
    return Paragraph(esc(title), H2)


def dated_lines(notes: Sequence[DatedNote]) -> list[Flowable]:
    """'2026-11-12  text' lines with the date in bold."""
    return [
        Paragraph(f"<b>{fmt_date(note.day)}</b>&nbsp;&nbsp;{esc(note.text)}", BODY)
        for note in notes
    ]


def agency_box(
    section_data: AgencySection, meta: DocumentMeta, width: float, lang: Language = "sv"
) -> Flowable:
    """The printing agency's own section, boxed and labelled as such."""
    agency = (
        meta.agency_copy.name
        if meta.agency_copy is not None
        else words("paper.own_agency", {}, lang)
    )
    content: list[Any] = [
        Paragraph(esc(words("paper.only_for", {"agency": agency.upper()}, lang)), LABEL),
        Paragraph(f"<b>{esc(section_data.title)}</b>", BODY),
        *[Paragraph(esc(text), BODY) for text in section_data.paragraphs],
    ]
    return callout(content, width, bar=ACCENT)


def template_note(meta: DocumentMeta, lang: Language = "sv") -> list[Flowable]:
    """A small line naming the text templates and versions used."""
    if not meta.template_versions:
        return []
    used = ", ".join(f"{name} {version}" for name, version in meta.template_versions)
    return [
        Spacer(1, 4 * mm),
        Paragraph(esc(words("report.templates_used", {"used": used}, lang)), SMALL),
    ]
