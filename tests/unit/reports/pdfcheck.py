"""Helpers that read rendered PDFs back for assertions."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

from pypdf import PdfReader


def render_to_bytes(render: Callable[[Any, Any], None], data: Any) -> bytes:
    """Render ``data`` with ``render`` into memory."""
    buffer = BytesIO()
    render(data, buffer)
    return buffer.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def fonts_used(pdf: bytes) -> list[dict[str, Any]]:
    """Every font dictionary referenced from a page's resources (one level of XObjects too)."""
    fonts = []
    for page in PdfReader(BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        holders = [resources]
        xobjects = resources.get("/XObject") if resources else None
        if xobjects:
            for ref in xobjects.values():
                inner = ref.get_object().get("/Resources")
                if inner:
                    holders.append(inner)
        for holder in holders:
            font_dict = holder.get_object().get("/Font") if holder else None
            if font_dict:
                fonts += [ref.get_object() for ref in font_dict.values()]
    return fonts


def font_is_embedded(font: dict[str, Any]) -> bool:
    """Whether a (simple or composite) font carries its own glyph program."""
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile2", "/FontFile", "/FontFile3"))
