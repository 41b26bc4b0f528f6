"""The other documents: each renders, decorates every page, embeds its fonts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.reports.briefing import render_briefing
from desktop.reports.callin import render_callin_attendees, render_invitation_letters
from desktop.reports.schedule import render_operation_schedule
from desktop.reports.sheets import render_group_overview, render_person_sheet
from desktop.reports.statistics import render_statistics_report
from tests.unit.reports import factories
from tests.unit.reports.pdfcheck import (
    font_is_embedded,
    fonts_used,
    page_texts,
    render_to_bytes,
)

DOCUMENTS: list[tuple[str, Callable[[Any, Any], None], Callable[[], Any]]] = [
    ("briefing", render_briefing, lambda: factories.make_briefing(3)),
    ("person", render_person_sheet, factories.make_person_sheet),
    ("group", render_group_overview, factories.make_group),
    ("schedule", render_operation_schedule, factories.make_schedule),
    ("attendees", render_callin_attendees, factories.make_attendees),
    ("letters", render_invitation_letters, factories.make_letters),
    ("statistics", render_statistics_report, factories.make_statistics),
]


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def rendered(request: pytest.FixtureRequest) -> bytes:
    _, render, make = request.param
    return render_to_bytes(render, make())


def test_every_page_is_decorated(rendered: bytes) -> None:
    texts = page_texts(rendered)
    letters = "Hej " in texts[0] and "Med vänlig hälsning" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert factories.SERIAL in text
        if letters:
            # A letter goes to the young man: the print log's serial only (issue 18).
            assert factories.MARKING not in text and "Sida" not in text
            continue
        assert factories.MARKING in text
        assert f"Sida {number} av {len(texts)}" in text


def test_every_font_is_embedded_dejavu(rendered: bytes) -> None:
    fonts = fonts_used(rendered)
    assert fonts
    for font in fonts:
        assert "Helvetica" not in str(font.get("/BaseFont"))
        assert font_is_embedded(font), font.get("/BaseFont")
        assert "DejaVu" in str(font.get("/BaseFont"))


def test_names_print(rendered: bytes) -> None:
    whole = "\n".join(page_texts(rendered))
    assert any(name in whole for name in factories.NAMES) or "Sluta skjut" in whole


def test_group_overview_lists_all_members_across_pages() -> None:
    texts = page_texts(render_to_bytes(render_group_overview, factories.make_group(80)))
    assert len(texts) >= 2
    whole = "\n".join(texts)
    assert "Şahin Ağa 76" in whole
    # The header row repeats on every page the member table spans.
    assert all("Namn" in text for text in texts[:2])


def test_person_sheet_hides_addresses_for_protected_identity() -> None:
    data = factories.make_person_sheet(protected_identity=True)
    whole = "\n".join(page_texts(render_to_bytes(render_person_sheet, data)))
    assert "Amiralsgatan" not in whole
    assert "Skyddad identitet" in whole


def test_person_sheet_agency_section_only_when_in_data() -> None:
    data = factories.make_person_sheet(agency_section=None)
    whole = "\n".join(page_texts(render_to_bytes(render_person_sheet, data)))
    assert factories.AGENCY_TEXT not in whole


def test_schedule_is_landscape() -> None:
    from io import BytesIO

    from pypdf import PdfReader

    pdf = render_to_bytes(render_operation_schedule, factories.make_schedule())
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_one_letter_per_recipient() -> None:
    texts = page_texts(render_to_bytes(render_invitation_letters, factories.make_letters(4)))
    assert len(texts) == 4
    assert "Hej Şahin!" in texts[1]
