"""Page decorations and document assembly shared by every renderer.

Each page carries the confidentiality marking, whose copy it is, who printed
it and when, the serial number and "Sida x av y". The total page count is
only known at the end, so the canvas keeps each page's state and draws the
decorations when the document is saved (the two-pass-free recipe from the
reportlab user list).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from desktop.messages import Language, words
from desktop.reports.data import DocumentMeta
from desktop.reports.fonts import BOLD, FAMILY
from desktop.reports.styles import (
    ACCENT,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PORTRAIT,
    RULE,
    WARN,
    fmt_stamp,
)

Output = str | Path | IO[bytes]

# Images are written as ASCII85 text by default: a third larger, and without
# the optional C accelerator the pure-Python encoder was half the time of a
# 40-photo packet. PDF streams are binary-safe, so write them raw.
rl_config.useA85 = 0


def _draw_letter_footer(canvas: Canvas, meta: DocumentMeta, lang: Language = "sv") -> None:
    """A letter to a recipient: only the serial, so the print log can trace the paper.

    No confidentiality band (the letter is meant to be given away), no name of who
    printed it and no "Sida x av y" running across other recipients' letters.
    """
    width, _ = canvas._pagesize
    canvas.saveState()
    canvas.setFont(FAMILY, 7)
    canvas.setFillColor(MUTED)
    serial = words("paper.serial", {"serial": meta.serial}, lang)
    canvas.drawRightString(width - MARGIN_X, 10 * mm, serial)
    canvas.restoreState()


def _draw_decorations(
    canvas: Canvas, meta: DocumentMeta, title: str, page: int, total: int, lang: Language = "sv"
) -> None:
    width, height = canvas._pagesize
    left, right = MARGIN_X, width - MARGIN_X
    canvas.saveState()

    # Marking band: the marking in bold dark red on the left, whose copy and
    # which document on the right, a hairline under both.
    top = height - 12 * mm
    right_text = title
    if meta.agency_copy is not None:
        copy = {"agency": meta.agency_copy.name, "code": meta.agency_copy.code}
        right_text = f"{title}  ·  {words('paper.copy_of', copy, lang)}"
    # A long marking (an administrator's own text) must neither overlap the right-hand
    # text nor be cut: shrink it a little, and if it still does not fit, lift the
    # right-hand text to a line of its own above.
    room = (right - left) - stringWidth(right_text, FAMILY, 8) - 6 * mm
    size = 8.5
    while size > 6.5 and stringWidth(meta.confidentiality, BOLD, size) > room:
        size -= 0.5
    right_top = top if stringWidth(meta.confidentiality, BOLD, size) <= room else top + 3.6 * mm
    canvas.setFillColor(WARN)
    canvas.setFont(BOLD, size)
    canvas.drawString(left, top, meta.confidentiality)
    canvas.setFillColor(MUTED)
    canvas.setFont(FAMILY, 8)
    canvas.drawRightString(right, right_top, right_text)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(left, top - 3.2 * mm, right, top - 3.2 * mm)

    # Footer: who and when, serial, page count.
    bottom = 10 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    canvas.setFont(FAMILY, 7.5)
    canvas.setFillColor(MUTED)
    printed = {"who": meta.printed_by, "when": fmt_stamp(meta.printed_at)}
    canvas.drawString(left, bottom, words("report.printed_by", printed, lang))
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 7.5)
    canvas.drawCentredString(
        width / 2, bottom, words("paper.serial", {"serial": meta.serial}, lang)
    )
    canvas.setFont(FAMILY, 7.5)
    canvas.drawRightString(
        right, bottom, words("report.page_of", {"page": page, "of": total}, lang)
    )
    canvas.restoreState()


def make_canvas(
    meta: DocumentMeta, title: str, *, letter: bool = False, lang: Language = "sv"
) -> type[Canvas]:
    """A canvas class that decorates every page once the page count is known.

    ``letter``: pages that go to the person they are addressed to (see
    ``_draw_letter_footer``).
    """

    class DecoratedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                if letter:
                    _draw_letter_footer(self, meta, lang)
                else:
                    _draw_decorations(self, meta, title, self._pageNumber, total, lang)
                super().showPage()
            super().save()

    return DecoratedCanvas


def build_document(
    story: Sequence[Flowable],
    out: Output,
    *,
    meta: DocumentMeta,
    title: str,
    pagesize: tuple[float, float] = PORTRAIT,
    letter: bool = False,
    lang: Language = "sv",
) -> None:
    """Lay out ``story`` on decorated pages and write the PDF to ``out``.

    Args:
        story: the flowables, in order.
        out: a file path or a binary stream.
        meta: marking, printer, serial for every page.
        title: the document's kind ("Genomgångsunderlag"); no personal data,
            since it also goes into the PDF metadata.
        pagesize: PORTRAIT or LANDSCAPE from styles.
        letter: the pages go to their addressees: no marking band, serial only.
        lang: the band's and footer's words ("Utskriven av", "Sida x av y", "Nr"),
            Swedish by default.
    """
    target = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=meta.printed_by,
        subject=f"{title} {meta.serial}",
        creator="Rondplan",
        # Otherwise every page stream starts by selecting Helvetica, a font
        # that is neither embedded nor able to print Ł or ễ.
        initialFontName=FAMILY,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=make_canvas(meta, title, letter=letter, lang=lang))
