"""The briefing packet: names, page decorations, agency and protected-identity rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.reports.briefing import render_briefing
from tests.unit.reports.factories import (
    AGENCY_TEXT,
    MARKING,
    PROTECTED_STREET,
    SERIAL,
    make_briefing,
    make_visit,
)
from tests.unit.reports.pdfcheck import page_texts, render_to_bytes


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return page_texts(render_to_bytes(render_briefing, make_briefing(5)))


def test_names_with_diacritics_print(texts: list[str]) -> None:
    whole = "\n".join(texts)
    for name in ("Łukasz Nowak", "Şahin Ağa", "Nguyễn Văn An", "Ömer Çelik", "Jörgen Åström"):
        assert name in whole


def test_every_page_carries_marking_serial_and_page_count(texts: list[str]) -> None:
    total = len(texts)
    assert total > 5
    for number, text in enumerate(texts, start=1):
        assert MARKING in text
        assert SERIAL in text
        assert f"Sida {number} av {total}" in text
        assert "Karin Lindqvist" in text


def test_opening_line_and_outcome_form_present(texts: list[str]) -> None:
    whole = "\n".join(texts)
    assert whole.count("Du är inte misstänkt för något brott.") == 5
    assert whole.count("Träffade bara familjen") == 5  # the one vocabulary (issue 17)
    assert "Polisens exemplar" in whole


def test_agency_section_only_when_in_data() -> None:
    data = make_briefing(2)
    with_section = "\n".join(page_texts(render_to_bytes(render_briefing, data)))
    assert AGENCY_TEXT in with_section
    stripped = replace(data, visits=tuple(replace(v, agency_section=None) for v in data.visits))
    without = "\n".join(page_texts(render_to_bytes(render_briefing, stripped)))
    assert AGENCY_TEXT not in without
    assert "ENDAST FÖR" not in without


def test_protected_address_withheld_even_if_passed() -> None:
    visit = make_visit(1, protected_identity=True, address_lines=(PROTECTED_STREET, "Malmö"))
    data = make_briefing(1, visits=(visit,))
    whole = "\n".join(page_texts(render_to_bytes(render_briefing, data)))
    assert PROTECTED_STREET not in whole
    assert "Portkod" not in whole
    assert "Skyddad identitet" in whole


def test_protected_address_included_is_marked() -> None:
    visit = make_visit(
        1,
        protected_identity=True,
        protected_address_included=True,
        address_lines=(PROTECTED_STREET, "Malmö"),
    )
    whole = "\n".join(
        page_texts(render_to_bytes(render_briefing, make_briefing(1, visits=(visit,))))
    )
    assert PROTECTED_STREET in whole
    assert "SKYDDAD IDENTITET" in whole


def test_long_texts_flow_onto_more_pages_without_loss() -> None:
    long_note = "Lång säkerhetsanteckning om trapphuset och grannarna. " * 40
    visit = make_visit(
        0,
        safety_notes=(long_note,) * 3,
        recent_events=make_visit(0).recent_events * 30,
        message_paragraphs=("Ett långt budskap. " * 80,) * 3,
    )
    texts = page_texts(render_to_bytes(render_briefing, make_briefing(1, visits=(visit,))))
    whole = " ".join(" ".join(texts).split())
    assert whole.count("Lång säkerhetsanteckning") == 120
    assert len(texts) >= 3


def test_broken_photo_does_not_stop_the_print() -> None:
    visit = make_visit(1)
    visit = replace(visit, person=replace(visit.person, photo=b"not an image"))
    texts = page_texts(render_to_bytes(render_briefing, make_briefing(1, visits=(visit,))))
    assert "Foto saknas" in "\n".join(texts)


def test_writes_to_a_path(tmp_path) -> None:
    target = tmp_path / "packet.pdf"
    render_briefing(make_briefing(1), target)
    assert target.read_bytes().startswith(b"%PDF")
