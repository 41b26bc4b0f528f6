"""Locating bundled resources and registering the document font family.

Every document uses DejaVu Sans, embedded (subset) in the PDF, so that names
such as Łukasz, Şahin, Ağa and Nguyễn print correctly on any machine; the
PDF standard-14 fonts cover Latin-1 only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_registered = False


def resources_dir() -> Path:
    """The ``resources`` folder: beside the bundle when frozen, else in the repository.

    PyInstaller unpacks data files under ``sys._MEIPASS``; the spec copies
    ``resources/`` there under the same name.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    # desktop/reports/fonts.py -> <repo>/resources
    return Path(__file__).resolve().parents[2] / "resources"


def fonts_dir() -> Path:
    """The folder holding the bundled TrueType fonts."""
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register DejaVu Sans and its styles as one family (idempotent).

    Registering the family lets ``<b>`` and ``<i>`` in paragraphs pick the
    bold and oblique files instead of silently falling back.
    """
    global _registered
    if _registered:
        return
    folder = fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # addMapping covers the older lookup path used by some flowables.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    _registered = True
