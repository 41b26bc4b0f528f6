"""Issue 18: printouts sized for real rounds (renderers, hand-built data).

Before, every outcome form took a page of its own, a third used: 5 visits made 11
pages and 36 visits 74. Now the forms of two visits share the page after their two
sheets. The schedule names the team's members; the letter to a young man carries
no internal secrecy marking and says whom to call.
"""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.reports.briefing import render_briefing
from desktop.reports.callin import render_invitation_letters
from desktop.reports.schedule import render_operation_schedule
from tests.unit.reports import factories
from tests.unit.reports.pdfcheck import page_texts, render_to_bytes


def _pages(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


@pytest.mark.parametrize("visits", [5, 36])
def test_packet_pages_for_a_round(visits: int) -> None:
    pdf = render_to_bytes(render_briefing, factories.make_briefing(visits))
    texts = page_texts(pdf)
    cover = next(i for i, text in enumerate(texts) if f"BESÖK 1 AV {visits} · REF" in text)
    # The cover (two pages for 36 visits: the list), a page per visit sheet, a page
    # per two outcome forms.
    assert cover <= 2
    assert _pages(pdf) == cover + visits + (visits + 1) // 2
    assert _pages(pdf) < {5: 11, 36: 60}[visits]  # it was 11 and 74


def test_two_forms_to_a_page_after_their_two_sheets() -> None:
    texts = page_texts(render_to_bytes(render_briefing, factories.make_briefing(5)))
    form_pages = [i for i, text in enumerate(texts) if "UTFALL · BESÖK" in text]
    assert len(form_pages) == 3
    counts = [texts[i].count("UTFALL · BESÖK") for i in form_pages]
    assert counts == [2, 2, 1]
    # Each form page holds the forms of the two sheets just before it, in round order.
    for page, first in zip(form_pages, (1, 3, 5), strict=True):
        assert f"UTFALL · BESÖK {first} AV 5" in texts[page]
        assert f"BESÖK {first} AV 5 · REF" in texts[page - (2 if first < 5 else 1)]
    # Every form is a whole form: its last line to write on is on its page.
    for i in form_pages:
        assert texts[i].count("ANTECKNINGAR, KLOCKSLAG, SIGNATUR") == texts[i].count(
            "UTFALL · BESÖK"
        )
    assert "klipp här" in texts[form_pages[0]]


def test_schedule_names_each_teams_members() -> None:
    data = factories.make_schedule(visits=20)
    members = (("Anna Berg (polis)", "Omar Said (soc)"), ("Lena Ek (krim)",))
    data = replace(data, team_members=members[: len(data.teams)])
    text = " ".join(" ".join(page_texts(render_to_bytes(render_operation_schedule, data))).split())
    for names in members[: len(data.teams)]:
        for name in names:
            assert name in text


def test_letter_has_no_secrecy_marking_and_a_contact_line() -> None:
    data = replace(
        factories.make_letters(2),
        contact_line="Frågor om mötet? Ring Amira Haddad, samordnare, tel. 040-34 10 00.",
    )
    data = replace(
        data,
        signatories=(*data.signatories[:2], replace(data.signatories[2], phone="")),
    )
    texts = page_texts(render_to_bytes(render_invitation_letters, data))
    assert len(texts) == 2
    for text in texts:
        assert "SEKRETESS" not in text.upper() and factories.MARKING not in text
        assert "Frågor om mötet? Ring Amira Haddad, samordnare, tel. 040-34 10 00." in text
        assert "Tel." not in [line.strip() for line in text.splitlines()]
        assert factories.SERIAL in text  # the print log can still trace the paper
