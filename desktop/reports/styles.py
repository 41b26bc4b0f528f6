"""Fonts, colours, paragraph and table styles, page geometry: defined once.

One accent colour (a calm petrol blue) carries the hierarchy; a dark red is
kept for the two things that must stop the eye: safety notes and a
protected address.
"""

from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from desktop.messages import Language, words
from desktop.messages.paper import MONTH_CODES, WEEKDAY_CODES
from desktop.reports.fonts import BOLD, FAMILY, ITALIC, register_fonts

register_fonts()

# --- Colours ---------------------------------------------------------------
INK = colors.HexColor("#1B1F23")
MUTED = colors.HexColor("#5B6670")
RULE = colors.HexColor("#C8D0D6")
ACCENT = colors.HexColor("#1F5673")
TINT = colors.HexColor("#EAF1F5")
ZEBRA = colors.HexColor("#F5F7F8")
WARN = colors.HexColor("#9A1B1B")
WARN_TINT = colors.HexColor("#FBEDED")
WHITE = colors.white

# --- Page geometry ---------------------------------------------------------
PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm  # room for the marking band above the frame
MARGIN_BOTTOM = 20 * mm  # room for the footer line

# --- Paragraph styles ------------------------------------------------------
BODY_SIZE = 9.5
LEADING = 13.2


def _style(name: str, **kwargs: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FAMILY,
        "bulletFontName": FAMILY,  # the default bullet font is Helvetica
        "fontSize": BODY_SIZE,
        "leading": LEADING,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    base.update(kwargs)
    return ParagraphStyle(name, **base)


BODY = _style("Body", spaceAfter=3)
BODY_TIGHT = _style("BodyTight")
SMALL = _style("Small", fontSize=8, leading=10.5, textColor=MUTED)
SMALL_INK = _style("SmallInk", fontSize=8, leading=10.5)
CELL = _style("Cell", fontSize=8.5, leading=11)
CELL_BOLD = _style("CellBold", fontName=BOLD, fontSize=8.5, leading=11)
HEAD_CELL = _style("HeadCell", fontName=BOLD, fontSize=8, leading=10.5, textColor=WHITE)
TITLE = _style("Title", fontName=BOLD, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=4)
SUBTITLE = _style("Subtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=10)
H1 = _style("H1", fontName=BOLD, fontSize=15, leading=19, textColor=ACCENT, spaceAfter=4)
H2 = _style(
    "H2",
    fontName=BOLD,
    fontSize=10.5,
    leading=14,
    textColor=ACCENT,
    spaceBefore=9,
    spaceAfter=3,
)
LABEL = _style("Label", fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED)
NAME = _style("Name", fontName=BOLD, fontSize=17, leading=21, spaceAfter=2)
OPENING = _style("Opening", fontName=BOLD, fontSize=11, leading=15, spaceAfter=4)
FIGURE = _style("Figure", fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT)
WARN_TEXT = _style("Warn", fontName=BOLD, textColor=WARN)
ITALIC_NOTE = _style("ItalicNote", fontName=ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED)
BULLET = _style("Bullet", leftIndent=10, bulletIndent=0, spaceAfter=1.5)


def esc(text: str) -> str:
    """Escape text for a reportlab Paragraph (names may contain & or <)."""
    return escape(text)


def bullets(items: tuple[str, ...], style: ParagraphStyle = BULLET) -> list[object]:
    """Paragraphs with a bullet for each item."""
    from reportlab.platypus import Paragraph

    return [Paragraph(esc(item), style, bulletText="•") for item in items]


# --- Table styles ----------------------------------------------------------

#: Every table names the font: reportlab's cell default is Helvetica, which it
#: selects for each cell even when the cell holds only paragraphs.
FONT_ALL = ("FONTNAME", (0, 0), (-1, -1), FAMILY)


def grid_table_style(*, header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """The house style of a data table: accent header, hairlines, light zebra."""
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, ZEBRA]))
    return TableStyle(commands)


# --- Dates in the reader's language, independent of the machine's locale ----------


def weekday_name(day: date, lang: Language = "sv") -> str:
    """'tisdag' / 'Tuesday'."""
    return words(f"paper.weekday.{WEEKDAY_CODES[day.weekday()]}", {}, lang)


def fmt_date(day: date | None) -> str:
    """ISO date as Swedish offices write it (2026-11-24), or an en dash."""
    return day.isoformat() if day is not None else "–"


def fmt_long_date(day: date, lang: Language = "sv") -> str:
    """'tisdag 24 november 2026' / 'Tuesday 24 November 2026'."""
    month = words(f"paper.month.{MONTH_CODES[day.month - 1]}", {}, lang)
    return f"{weekday_name(day, lang)} {day.day} {month} {day.year}"


def fmt_time_range(start: datetime, end: datetime) -> str:
    """'09:00–10:30'."""
    return f"{start:%H:%M}–{end:%H:%M}"


def fmt_stamp(moment: datetime) -> str:
    """'2026-11-24 07:42'."""
    return f"{moment:%Y-%m-%d %H:%M}"


def fmt_period(start: date, end: date) -> str:
    """'2026-11-23 – 2026-12-04' or a single date."""
    return fmt_date(start) if start == end else f"{fmt_date(start)} – {fmt_date(end)}"
