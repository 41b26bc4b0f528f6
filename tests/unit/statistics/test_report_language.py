"""The statistics report and the figures workbook in the printing user's language
(issue 18): English words written out here, not taken from the catalogue."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.services.bundle import build_services
from tests.factories import login
from tests.unit.statistics.dataset import PERIOD


def statistics(programme):
    fresh, _built = programme
    return build_services(login(fresh.path, "coordinator_social")).statistics


def test_the_report_prints_in_english(programme, tmp_path):
    stats = statistics(programme)
    when = dt.datetime(2026, 7, 2, 9, 0)
    out = stats.print_report(tmp_path / "r.pdf", PERIOD, now=when, lang="en")
    text = " ".join(page.extract_text() for page in PdfReader(out.paths[0]).pages)
    for english in (
        "FOLLOW-UP REPORT",
        "Follow-up report",  # the header band, right
        "Statistics – the whole programme",
        "Deliveries by channel and month",
        "Persons reached per month",
        "Incidents per month",
        "Visits by outcome",
        "Coverage by group",
        "Month by month",
        "Violence and the response to it",
        "About the figures",
        # Month names on the charts' axes (the period is January to June 2026).
        "Jan 26",
        "May 26",
        # Captions, definitions and the words for codes.
        "Persons mapped",
        "merged duplicates not counted",
        "Home visit",
        "Not at home",
        # The page footer.
        "Printed by",
        "Page 1 of",
    ):
        assert english in text, english
    for swedish in (
        "UPPFÖLJNINGSRAPPORT",
        "Uppföljningsrapport",
        "Statistik –",
        "Delgivningar per kanal",
        "Nådda personer",
        "Täckning per grupp",
        "Månad för månad",
        "Om siffrorna",
        "maj 26",
        "Kartlagda personer",
        "Hembesök",
        "Utskriven av",
        "Sida 1 av",
    ):
        assert swedish not in text, swedish


def test_the_report_is_swedish_by_default(programme, tmp_path):
    stats = statistics(programme)
    out = stats.print_report(tmp_path / "r.pdf", PERIOD, now=dt.datetime(2026, 7, 2, 9, 0))
    text = " ".join(page.extract_text() for page in PdfReader(out.paths[0]).pages)
    for swedish in (
        "UPPFÖLJNINGSRAPPORT",
        "Uppföljningsrapport",
        "Statistik – hela programmet",
        "maj 26",
        "Om siffrorna",
        "Utskriven av",
        "Sida 1 av",
    ):
        assert swedish in text, swedish
    assert "Persons reached per month" not in text and "May 26" not in text


def test_the_workbook_writes_in_english(programme, tmp_path):
    stats = statistics(programme)
    out = stats.write_figures(tmp_path / "f.xlsx", PERIOD, lang="en")
    book = load_workbook(out.paths[0], read_only=True)
    assert book.sheetnames == [
        "Key figures",
        "Per month",
        "Coverage",
        "Violence per month",
        "Violence by group",
        "Definitions",
    ]
    key = list(book["Key figures"].iter_rows(values_only=True))
    coverage = next(book["Coverage"].iter_rows(values_only=True))
    definitions = list(book["Definitions"].iter_rows(values_only=True))
    book.close()
    assert key[0] == ("code", "measure", "key", "value", "meaning")
    rows = {(r[0], r[2]): r for r in key[1:]}
    reached = rows[("persons_reached", None)]
    assert reached[1] == "Persons reached" and reached[3] == 4
    assert rows[("deliveries_by_channel", "home_visit")][4] == "Home visit"
    assert coverage == ("group", "members", "reached", "share")
    assert definitions[0] == ("code", "measure", "meaning")
    mapped = next(r for r in definitions if r[0] == "persons_mapped")
    assert mapped[1] == "Persons mapped" and "merged duplicates not counted" in mapped[2]
