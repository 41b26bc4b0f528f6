"""Exports: round trip through the reader, neutralised formulas, what never leaves."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.errors import PermissionDenied, ReauthenticationRequired
from desktop.services.importing import TEMPLATE_HEADERS, read_path, read_table
from desktop.services.security.reauth import Reauthentication
from desktop.services.transfer import ExportService
from tests.factories import PASSWORD, login
from tests.unit.transfer.helpers import csv_file, person

TODAY = dt.date(2026, 11, 23)
ROWS = [
    person(
        Förnamn="Anna",
        Efternamn="Åström",
        Personnummer="811218-9876",
        Alias="Annie",
        Adress="Storgatan 1",
        Postnummer="211 45",
        Ort="Malmö",
        Område="Möllevången",
        Gruppering="Södra",
        Roll="ledare",
        Telefon="070-174 06 51",
        Språk="arabiska",
        Tolkbehov="ja",
        Kategori="misstänkt",
        Källa="Polisen",
        Anteckning="Hemlig anteckning",
    ),
    person(Förnamn="Bo", Efternamn="Öberg", Födelsedatum="2004-02-29", Kategori="dömd"),
    person(
        Förnamn="Carl",
        Efternamn="Ek",
        Skyddad_identitet="ja",
        Adress="Hemlig väg 2",
        Postnummer="211 46",
        Ort="Lund",
        Område="Skyddat",
    ),
    person(Förnamn='=HYPERLINK("http://x")', Efternamn="+Sum", Alias="@ref", Källa="-1"),
]


@pytest.fixture
def imported(transfer):
    data = csv_file([list(TEMPLATE_HEADERS), *ROWS])
    preview = transfer.imports.preview(read_table(data, "in.csv"), today=TODAY)
    assert not preview.has_blocking_errors, preview.problems
    transfer.imports.import_rows(preview, today=TODAY)
    return transfer


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_gives_the_same_values(imported, tmp_path, suffix):
    path = tmp_path / f"personer{suffix}"
    result = imported.exports.export_persons(path, with_personal_numbers=True)
    assert result.rows == 4 and result.personal_numbers
    table = read_path(path)
    assert "Anteckning" not in table.headers
    by_name = {row[0]: dict(zip(table.headers, row, strict=True)) for row in table.rows}
    anna = by_name["Anna"]
    assert anna["Efternamn"] == "Åström"
    assert anna["Personnummer"] == "19811218-9876"
    assert anna["Födelsedatum"] == "1981-12-18"
    assert (anna["Adress"], anna["Postnummer"], anna["Ort"], anna["Område"]) == (
        "Storgatan 1",
        "211 45",
        "Malmö",
        "Möllevången",
    )
    assert (anna["Gruppering"], anna["Roll"], anna["Kategori"]) == ("Södra", "ledare", "misstänkt")
    assert (anna["Tolkbehov"], anna["Skyddad identitet"]) == ("ja", "nej")
    assert anna["Telefon"] == "070-174 06 51" and anna["Alias"] == "Annie"
    assert by_name["Bo"]["Födelsedatum"] == "2004-02-29" and by_name["Bo"]["Kategori"] == "dömd"
    # Read back as an import: the template's headers, valid rows (they exist: duplicates).
    preview = imported.imports.preview(table, today=TODAY)
    assert not preview.error_rows - {
        p.row_number for p in preview.problems if "dubblett" in p.message
    }
    assert len(preview.duplicates) == 4


def test_csv_is_utf8_with_bom_and_semicolons(imported, tmp_path):
    path = tmp_path / "p.csv"
    imported.exports.export_persons(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("Förnamn;Efternamn;Alias;")
    assert os.stat(path).st_mode & 0o077 == 0


def test_formula_cells_are_neutralised(imported, tmp_path):
    path = tmp_path / "p.xlsx"
    imported.exports.export_persons(path)
    book = load_workbook(path, read_only=True)
    try:
        values = [cell for row in book.active.iter_rows(values_only=True) for cell in row if cell]
    finally:
        book.close()  # read-only workbooks keep the file open until closed
    assert '\'=HYPERLINK("http://x")' in values and "'+Sum" in values and "'@ref" in values
    assert "'-1" in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "@")) for v in values)
    csv_path = tmp_path / "p.csv"
    imported.exports.export_persons(csv_path)
    assert "'=HYPERLINK" in csv_path.read_text("utf-8-sig")


def test_no_personal_numbers_unless_chosen_and_no_protected_address(imported, tmp_path):
    path = tmp_path / "p.csv"
    imported.exports.export_persons(path)
    text = path.read_text("utf-8-sig")
    assert "Personnummer" not in text and "9876" not in text
    assert "Hemlig väg" not in text and "211 46" not in text and "Skyddat" not in text
    assert "Hemlig anteckning" not in text
    assert "Storgatan 1" in text


def test_exports_are_audited_with_counts(imported, services, tmp_path):
    imported.exports.export_persons(tmp_path / "a.xlsx", with_personal_numbers=True)
    imported.exports.export_groups(tmp_path / "g.csv")
    with services.store.read_session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [e.detail for e in entries] == [
        "rows=4 personal_numbers=yes format=xlsx",
        "rows=1 personal_numbers=no format=csv",
    ]
    assert [e.object_type for e in entries] == ["person", "group"]


def test_groups_export(imported, tmp_path):
    path = tmp_path / "g.xlsx"
    assert imported.exports.export_groups(path).rows == 1
    table = read_path(path)
    assert table.headers[:5] == ("Namn", "Alias", "Område", "Aktiv", "Medlemmar")
    assert table.rows[0][0] == "Södra" and table.rows[0][4] == "1"


def test_other_roles_may_not_export(fresh, tmp_path):
    store = login(fresh.path, "officer_social")
    try:
        with pytest.raises(PermissionDenied):
            ExportService(store, Reauthentication(store)).export_persons(tmp_path / "x.csv")
    finally:
        store.lock()
    assert not (tmp_path / "x.csv").exists()


def test_stale_password_asks_again(services, tmp_path):
    times = iter(
        [dt.datetime(2026, 1, 1, 8), dt.datetime(2026, 1, 1, 9)] + [dt.datetime(2026, 1, 1, 9)] * 5
    )
    reauth = Reauthentication(services.store, clock=lambda: next(times))
    exports = ExportService(services.store, reauth)
    with pytest.raises(ReauthenticationRequired):
        exports.export_persons(tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
    reauth.confirm(PASSWORD)
    assert exports.export_persons(tmp_path / "x.csv").rows == 0
