"""Validating tables into an import preview."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from desktop.messages import problem_words
from desktop.services.errors import ValidationError
from desktop.services.importing import (
    TEMPLATE_HEADERS,
    ColumnMapping,
    ExistingMatch,
    ExistingPersonLookup,
    ImportFileError,
    ImportPreview,
    ImportRow,
    Problem,
    Resolution,
    Severity,
    Table,
    read_table,
    validate_table,
)
from desktop.services.validation import PhoneNumber
from tests.unit.importing.files import ANNA, BO, csv_file, person, xlsx_file

TODAY = date(2026, 3, 15)


def preview_of(
    *rows: Sequence[str],
    headers: Sequence[str] = TEMPLATE_HEADERS,
    mapping: ColumnMapping | None = None,
    lookup: ExistingPersonLookup | None = None,
) -> ImportPreview:
    table = Table(headers=tuple(headers), rows=tuple(tuple(r) for r in rows))
    return validate_table(table, mapping, TODAY, lookup)


def messages(preview: ImportPreview) -> list[str]:
    return [problem_words(p) for p in preview.problems]


def test_a_clean_file() -> None:
    full = person(
        Förnamn=" Anna ",
        Efternamn="Åström",
        Alias="Annie, Å; Ankan | Annie / A",
        Personnummer="8112189876",
        Adress="Storgatan  1",
        Postnummer="21145",
        Ort="Malmö",
        Område="Rosengård",
        Gruppering="Gruppen",
        Roll="ledare",
        Telefon="0701234567",
        Språk="arabiska",
        Tolkbehov="ja",
        Skyddad_identitet="x",
        Kategori="Brottsoffer",
        Källa="Polisen",
        Anteckning="Fri text",
    )
    preview = preview_of(full, BO)
    assert preview.problems == ()
    assert not preview.has_blocking_errors
    anna, bo = preview.rows
    assert anna == ImportRow(
        row_number=2,
        first_name="Anna",
        last_name="Åström",
        aliases=("Annie", "Å", "Ankan", "A"),
        identity_number=anna.identity_number,
        birth_date=date(1981, 12, 18),
        address="Storgatan 1",
        postcode="211 45",
        city="Malmö",
        area="Rosengård",
        group_name="Gruppen",
        role="ledare",
        phone=PhoneNumber("+46701234567", "070-123 45 67"),
        language="arabiska",
        interpreter_need=True,
        protected_identity=True,
        category="victim",
        source="Polisen",
        note="Fri text",
    )
    assert anna.identity_number is not None
    assert anna.identity_number.value == "19811218-9876"
    assert bo.birth_date == date(2004, 2, 29)
    assert bo.category == "convicted"
    assert bo.identity_number is None and bo.address is None and bo.aliases == ()
    assert preview.counts.rows == preview.counts.ready == 2


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"Personnummer": "811218-9875"},
            "rad 2, Personnummer: Personnumrets kontrollsiffra stämmer inte.",
        ),
        (
            {"Personnummer": "811318-9876"},
            "rad 2, Personnummer: Personnumret innehåller inget giltigt datum.",
        ),
        ({"Kategori": "gängledare"}, "rad 2, Kategori: Okänd kategori ”gängledare”."),
        ({"Födelsedatum": "2023-02-29"}, "rad 2, Födelsedatum: Datumet finns inte i kalendern."),
        ({"Födelsedatum": "1/2/2003"}, "rad 2, Födelsedatum: Datumet ska skrivas ÅÅÅÅ-MM-DD."),
        ({"Födelsedatum": "2030-01-01"}, "rad 2, Födelsedatum: Födelsedatumet ligger i framtiden."),
        ({"Postnummer": "2114"}, "rad 2, Postnummer: Postnumret ska ha fem siffror"),
        ({"Förnamn": ""}, "rad 2, Förnamn: Förnamn saknas."),
        ({"Efternamn": "  "}, "rad 2, Efternamn: Efternamn saknas."),
        ({"Telefon": "ring mig"}, "rad 2, Telefon: Telefonnumret får bara innehålla"),
        ({"Tolkbehov": "kanske"}, "rad 2, Tolkbehov: Värdet ska vara ja eller nej."),
        ({"Skyddad_identitet": "?"}, "rad 2, Skyddad identitet: Värdet ska vara ja eller nej."),
        ({"Anteckning": "x" * 2001}, "rad 2, Anteckning: Värdet är längre än 2000 tecken."),
        (
            {"Personnummer": "811218-9876", "Födelsedatum": "1981-12-19"},
            "rad 2, Födelsedatum: Födelsedatumet stämmer inte med personnumret.",
        ),
    ],
)
def test_each_kind_of_error(values: dict[str, str], expected: str) -> None:
    base = {"Förnamn": "Test", "Efternamn": "Testsson"}
    preview = preview_of(person(**(base | values)))
    (problem,) = preview.problems
    assert problem_words(problem).startswith(expected.removesuffix("."))
    assert problem.severity is Severity.ERROR
    assert preview.has_blocking_errors
    assert len(preview.rows) == 1
    assert preview.counts.with_errors == 1


def test_birth_date_comes_from_the_identity_number() -> None:
    preview = preview_of(person(Förnamn="A", Efternamn="B", Personnummer="701063-2391"))
    assert preview.rows[0].birth_date == date(1970, 10, 3)


def test_matching_birth_date_and_identity_number_is_fine() -> None:
    row = person(Förnamn="A", Efternamn="B", Personnummer="811218-9876", Födelsedatum="19811218")
    assert preview_of(row).problems == ()


def test_role_without_group_is_a_warning() -> None:
    preview = preview_of(person(Förnamn="A", Efternamn="B", Roll="ledare"))
    assert [p.severity for p in preview.problems] == [Severity.WARNING]
    assert not preview.has_blocking_errors
    assert preview.counts.with_warnings == 1


def test_duplicates_within_the_file_flag_both_rows() -> None:
    anna_again = person(Förnamn="ANNA", Efternamn="Aström", Personnummer="19811218-9876")
    bo_again = person(Förnamn="Bo", Efternamn="Oberg", Födelsedatum="2004-02-29")
    preview = preview_of(ANNA, BO, anna_again, bo_again)
    assert messages(preview) == [
        "rad 2, Personnummer: Samma personnummer finns även på rad 4.",
        "rad 3, Förnamn: Samma namn och födelsedatum finns även på rad 5.",
        "rad 4, Personnummer: Samma personnummer finns även på rad 2.",
        "rad 5, Förnamn: Samma namn och födelsedatum finns även på rad 3.",
    ]


def test_same_name_and_birth_date_but_different_identity_numbers_are_two_people() -> None:
    first = person(Förnamn="Ali", Efternamn="Ek", Personnummer="811218-9876")
    second = person(Förnamn="Ali", Efternamn="Ek", Personnummer="811218-9868")
    assert preview_of(first, second).problems == ()


def test_missing_columns_and_unknown_columns_are_reported_on_the_header_row() -> None:
    preview = preview_of(["Ek", "x"], headers=["Efternamn", "Skostorlek"])
    assert messages(preview) == [
        "rad 1, Förnamn: Kolumnen Förnamn saknas.",
        "rad 1, Skostorlek: Kolumnen känns inte igen och importeras inte.",
        "rad 2, Förnamn: Förnamn saknas.",
    ]


def test_hand_mapping() -> None:
    preview = preview_of(
        ["Anna", "Ek", "x"],
        headers=["Namn 1", "Namn 2", "Skostorlek"],
        mapping={"Namn 1": "first_name", "Namn 2": "last_name", "Skostorlek": None},
    )
    assert preview.problems == ()
    assert preview.rows[0].full_name == "Anna Ek"


def test_header_only_file() -> None:
    preview = preview_of(headers=["Förnamn", "Efternamn"])
    assert messages(preview) == ["rad 1: Filen innehåller inga rader under rubrikraden."]
    assert preview.has_blocking_errors


def test_no_header_row() -> None:
    table = read_table(csv_file([["Anna", "Ek", "811218-9876"], ["Bo", "Ek", "2001-01-01"]]))
    with pytest.raises(ImportFileError, match=r"^import\.no_header$"):
        validate_table(table, today=TODAY)


def test_row_numbers_match_the_spreadsheet() -> None:
    data = xlsx_file([["Förnamn", "Efternamn"], ["Anna", "Ek"], [None], ["", "Ek"]])
    preview = validate_table(read_table(data), today=TODAY)
    assert messages(preview) == ["rad 4, Förnamn: Förnamn saknas."]


def test_headers_in_another_order_case_and_spacing() -> None:
    data = csv_file([["  ORT", "efternamn ", " FORNAMN", "personnummer"], ["Lund", "Ek", "Bo", ""]])
    (row,) = validate_table(read_table(data), today=TODAY).rows
    assert (row.first_name, row.last_name, row.city) == ("Bo", "Ek", "Lund")


def test_cut_short_csv_warns_on_the_last_row() -> None:
    preview = validate_table(read_table(b"F\xc3\xb6rnamn;Efternamn\nAnna;Ek\nBo;E"), today=TODAY)
    assert messages(preview) == [
        "rad 3: Filen slutar mitt i en rad; kontrollera att den sista raden är hel."
    ]


def test_a_problem_reads_in_swedish_and_english() -> None:
    problem = Problem(7, None, "import.no_rows")
    assert problem_words(problem) == "rad 7: Filen innehåller inga rader under rubrikraden."
    assert problem_words(problem, "en") == "row 7: The file holds no rows below the header row."
    cell = Problem(4, "Personnummer", "pnr.checksum")
    assert problem_words(cell, "en") == (
        "row 4, Personnummer: The personal identity number's check digit is wrong."
    )


class FakeLookup:
    """Stands in for the service layer's database search."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def candidates(self, row: ImportRow) -> list[ExistingMatch]:
        self.seen.append(row.row_number)
        if row.last_name == "Åström":
            return [ExistingMatch(11, "Anna Åström (1981)", "samma personnummer")]
        if row.last_name == "Öberg":
            return [
                ExistingMatch(21, "Bo Öberg (2004)", "samma namn och födelsedatum"),
                ExistingMatch(22, "Bo Oberg (2004)", "liknande namn"),
            ]
        return []


class TestExistingDuplicates:
    def preview(self) -> ImportPreview:
        bad = person(Förnamn="", Efternamn="Öberg")
        lookup = FakeLookup()
        preview = preview_of(ANNA, BO, person(Förnamn="Cia", Efternamn="Ny"), bad, lookup=lookup)
        assert lookup.seen == [2, 3, 4]  # rows with errors are not looked up
        return preview

    def test_candidates_block_until_resolved(self) -> None:
        preview = self.preview()
        assert [d.row_number for d in preview.duplicates] == [2, 3]
        assert preview.counts.unresolved_duplicates == 2
        preview = preview.resolve(2, Resolution.MERGE)  # the only match is implied
        preview = preview.resolve(3, Resolution.SKIP)
        assert preview.unresolved == ()
        assert preview.error_rows == {5}
        assert preview.has_blocking_errors  # row 5 still lacks a first name

    def test_planned_rows(self) -> None:
        preview = preview_of(ANNA, BO, lookup=FakeLookup())
        with pytest.raises(ValidationError):
            preview.planned()
        preview = preview.resolve(2, Resolution.CREATE).resolve(3, Resolution.MERGE, 22)
        assert not preview.has_blocking_errors
        plan = [(row.row_number, d.resolution, d.person_id) for row, d in preview.planned()]
        assert plan == [(2, Resolution.CREATE, None), (3, Resolution.MERGE, 22)]

    def test_merge_target_must_be_a_match(self) -> None:
        preview = preview_of(ANNA, BO, lookup=FakeLookup())
        with pytest.raises(ValidationError, match=r"^import\.merge_target_missing$"):
            preview.resolve(3, Resolution.MERGE)
        with pytest.raises(ValidationError, match=r"^import\.merge_target_missing$"):
            preview.resolve(3, Resolution.MERGE, 99)
        with pytest.raises(ValidationError, match=r"^import\.row_no_duplicate$"):
            preview.resolve(4, Resolution.SKIP)

    def test_resolve_returns_a_new_preview(self) -> None:
        preview = preview_of(ANNA, lookup=FakeLookup())
        preview.resolve(2, Resolution.SKIP)
        assert preview.has_blocking_errors
