"""Small custom flowables: tick boxes, lines to write on, photos, call-outs."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from desktop.messages import Language, words
from desktop.reports.fonts import BOLD, FAMILY
from desktop.reports.styles import ACCENT, BODY_TIGHT, FONT_ALL, INK, MUTED, RULE, TINT, esc

BOX = 3.4 * mm


class TickBoxes(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """Labelled empty tick boxes laid out in ``columns`` columns.

    Drawn as real squares (not a glyph) so they print crisply and are big
    enough to tick with a pen in a doorway.
    """

    def __init__(self, labels: tuple[str, ...], columns: int = 3, row_height: float = 5.6 * mm):
        super().__init__()
        self.labels = labels
        self.columns = max(1, columns)
        self.row_height = row_height
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = availWidth
        rows = -(-len(self.labels) // self.columns)
        return availWidth, rows * self.row_height

    def draw(self) -> None:
        canvas = self.canv
        col_width = self._width / self.columns
        rows = -(-len(self.labels) // self.columns)
        canvas.setLineWidth(0.8)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        for index, label in enumerate(self.labels):
            row, col = divmod(index, self.columns)
            x = col * col_width
            y = (rows - row - 1) * self.row_height + (self.row_height - BOX) / 2
            canvas.rect(x, y, BOX, BOX, stroke=1, fill=0)
            font_size = 8.5
            text = label
            max_text = col_width - BOX - 4 * mm
            # Long labels shrink rather than run into the next column.
            while font_size > 6.5 and canvas.stringWidth(text, FAMILY, font_size) > max_text:
                font_size -= 0.5
            canvas.setFont(FAMILY, font_size)
            canvas.drawString(x + BOX + 2 * mm, y + 0.7, text)


class WriteLines(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A label followed by ruled lines to write on by hand."""

    def __init__(self, label: str, lines: int = 2, spacing: float = 7 * mm):
        super().__init__()
        self.label = label
        self.lines = lines
        self.spacing = spacing
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = availWidth
        return availWidth, 4 * mm + self.lines * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        height = 4 * mm + self.lines * self.spacing
        canvas.setFont(BOLD, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, height - 3 * mm, self.label)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for line in range(self.lines):
            y = height - 4 * mm - (line + 1) * self.spacing + 1.5 * mm
            canvas.line(0, y, self._width, y)


class CutLine(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A dashed line across the page with scissors' words: where to cut two forms apart."""

    def __init__(self, width: float, text: str = "") -> None:
        super().__init__()
        self.width = width
        self.text = text or words("paper.cut_here", {}, "sv")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(self.width, availWidth)
        return self.width, 3 * mm

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(FAMILY, 7)
        label = canvas.stringWidth(self.text, FAMILY, 7)
        middle = self.width / 2
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash(3, 2)
        y = 1.5 * mm
        canvas.line(0, y, middle - label / 2 - 2 * mm, y)
        canvas.line(middle + label / 2 + 2 * mm, y, self.width, y)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(middle, y - 2.3, self.text)
        canvas.restoreState()


def photo(
    data: bytes | None, max_width: float, max_height: float, lang: Language = "sv"
) -> Flowable:
    """The photo scaled to fit the box with its aspect ratio kept, or a placeholder
    ("Foto saknas", "No photo" in ``lang``)."""
    if data:
        try:
            image = Image(BytesIO(data))
            width, height = image.imageWidth, image.imageHeight
        except Exception:  # a broken photo must not stop a briefing print
            width = height = 0
        if width > 0 and height > 0:
            scale = min(max_width / width, max_height / height)
            image.drawWidth = width * scale
            image.drawHeight = height * scale
            return image
    return _PhotoPlaceholder(max_width, max_height, words("paper.no_photo", {}, lang))


class _PhotoPlaceholder(Flowable):  # type: ignore[misc]  # reportlab ships no types
    def __init__(self, width: float, height: float, text: str):
        super().__init__()
        self.width = width
        self.height = height
        self.text = text

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(TINT)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canvas.setFillColor(MUTED)
        canvas.setFont(FAMILY, 8)
        canvas.drawCentredString(self.width / 2, self.height / 2 - 3, self.text)


def callout(
    content: list[Any], width: float, *, bar: Color = ACCENT, background: Color = TINT
) -> Table:
    """A tinted box with a coloured bar on the left, around ``content``.

    One row per flowable, and rows allowed to split inside, so that a long
    call-out continues on the next page instead of failing the layout.
    """
    table = Table([[item] for item in content], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                FONT_ALL,
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("LINEBEFORE", (0, 0), (0, -1), 2.4, bar),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                # Paragraph spacing is dropped inside cells; padding stands in for it.
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table


def label_value_rows(rows: list[tuple[str, str]], label_width: float, width: float) -> Table:
    """A borderless two-column table of small caps-like labels and values."""
    from desktop.reports.styles import LABEL

    data = [
        [Paragraph(esc(label.upper()), LABEL), Paragraph(value, BODY_TIGHT)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, width - label_width])
    table.setStyle(
        TableStyle(
            [
                FONT_ALL,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table
