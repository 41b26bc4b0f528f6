"""The research workbook in the exporting user's language (issue 18): sheet names, column
headers and the README in English, the cells' codes unchanged; Swedish by default. The
English is written out here, not taken from the catalogue."""

from __future__ import annotations

from openpyxl import load_workbook

from desktop.services.bundle import build_services
from desktop.services.statistics.research import ReasonCategory, ResearchPurpose, ResearchRequest
from tests.factories import login
from tests.unit.statistics.dataset import PERIOD

REQUEST = ResearchRequest(
    PERIOD, ResearchPurpose.EVALUATION, ReasonCategory.COMMISSIONED_EVALUATION
)


def _book(programme, path, **kwargs):
    fresh, _built = programme
    stats = build_services(login(fresh.path, "coordinator_social")).statistics
    out = stats.research_export(path, REQUEST, **kwargs)
    book = load_workbook(out.paths[0], read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def test_the_research_workbook_is_english_under_english(programme, tmp_path):
    sheets = _book(programme, tmp_path / "en.xlsx", lang="en")
    assert list(sheets) == [
        "README",
        "Summary",
        "Persons",
        "Memberships",
        "Deliveries",
        "Visits",
        "Call-ins",
        "Referrals",
        "Incidents per month",
        "Incidents per group",
    ]
    assert sheets["Persons"][0] == ("person", "birth_year", "category")
    assert sheets["Referrals"][0] == (
        "person",
        "referral",
        "support_kind",
        "self_initiated",
        "status",
        "month",
    )
    assert sheets["Summary"][0] == ("code", "key", "value")
    assert sheets["Incidents per month"][0] == ("month", "code", "value")
    readme = {row[0]: row[1] for row in sheets["README"][1:]}
    assert sheets["README"][0] == ("field", "text")
    assert readme["Contents"].startswith("Pseudonymised extract from Rondplan")
    assert readme["Purpose"] == "evaluation (Evaluation)"
    assert readme["Reason"] == "commissioned_evaluation (Commissioned to evaluate the programme)"
    assert readme["Selection"] == "all groups"
    assert readme["Disclosure control"].startswith('Counts under 5 (0 too) are shown as "<5"')
    assert readme["Pseudonyms"].startswith("HMAC-SHA256 of the row's id")
    # The codes in the cells are codes in both languages.
    assert ("persons_mapped", None, 6) in sheets["Summary"]
    words = " ".join(str(cell) for rows in sheets.values() for row in rows for cell in row)
    for swedish in ("Innehåll", "Skapat", "Syfte", "Röjandeskydd", "Utvärdering", "födelseår"):
        assert swedish not in words, swedish


def test_the_research_workbook_stays_swedish_by_default(programme, tmp_path):
    sheets = _book(programme, tmp_path / "sv.xlsx")
    assert {"Sammanställning", "Personer", "Remisser", "Händelser per månad"} <= set(sheets)
    assert sheets["Personer"][0] == ("person", "födelseår", "kategori")
    readme = {row[0]: row[1] for row in sheets["README"][1:]}
    assert readme["Syfte"] == "evaluation (Utvärdering)"
    assert readme["Urval"] == "alla grupper"
