"""Exports: CSV and XLSX writers, formula neutralising, atomic owner-only files."""

from __future__ import annotations

import codecs
import io
import os
import stat
import warnings
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop.services.exporting import (
    CellValue,
    atomic_write,
    cell_text,
    csv_bytes,
    neutralise,
    write_csv,
    write_table,
    write_xlsx,
    xlsx_bytes,
)
from desktop.services.importing import read_path, read_table

HEADERS = ("Namn", "Född", "Antal", "Andel", "Aktiv", "Anteckning")
ROWS: list[list[CellValue]] = [
    ["Åsa Öberg", date(1990, 2, 28), 3, 0.5, True, 'sa "hej"; gick\nsen'],
    ["Bo", None, -4, -1.25, False, ""],
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+46701234567", "'+46701234567"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        ("", ""),
        ("ok\x00\x07", "ok"),
        (-5, -5),
        (-1.5, -1.5),
        (None, None),
        (date(2020, 1, 1), date(2020, 1, 1)),
    ],
)
def test_neutralise(value: CellValue, expected: CellValue) -> None:
    assert neutralise(value) == expected


def test_cell_text() -> None:
    assert cell_text(1.5) == "1,5"
    assert cell_text(Decimal("-2.50")) == "-2,50"
    assert cell_text(True) == "ja"
    assert cell_text(datetime(2024, 1, 2, 3, 4, 5)) == "2024-01-02 03:04:05"
    assert cell_text(None) == ""


def test_csv_format() -> None:
    data = csv_bytes(HEADERS, ROWS)
    assert data.startswith(codecs.BOM_UTF8)
    text = data[3:].decode("utf-8")
    assert text.startswith("Namn;Född;Antal;Andel;Aktiv;Anteckning\r\n")
    assert "Åsa Öberg;1990-02-28;3;0,5;ja;" in text
    assert text.endswith("Bo;;-4;-1,25;nej;\r\n")


def test_csv_round_trip() -> None:
    table = read_table(csv_bytes(HEADERS, ROWS))
    assert table.headers == HEADERS
    assert table.rows == (
        ("Åsa Öberg", "1990-02-28", "3", "0,5", "ja", 'sa "hej"; gick\nsen'),
        ("Bo", "", "-4", "-1,25", "nej", ""),
    )


def test_xlsx_round_trip() -> None:
    table = read_table(xlsx_bytes(HEADERS, ROWS))
    assert table.headers == HEADERS
    assert table.rows == (
        ("Åsa Öberg", "1990-02-28", "3", "0.5", "ja", 'sa "hej"; gick\nsen'),
        ("Bo", "", "-4", "-1.25", "nej", ""),
    )


def test_formulas_are_neutralised_in_both_formats() -> None:
    rows: list[list[CellValue]] = [['=HYPERLINK("http://x")', "+1", "-1", "@A1", -1]]
    for data in (csv_bytes(["=A"], [row[:1] for row in rows]), xlsx_bytes(["=A"], rows)):
        table = read_table(data)
        assert table.headers[0] == "'=A"
        assert table.rows[0][0] == '\'=HYPERLINK("http://x")'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sheet = load_workbook(io.BytesIO(xlsx_bytes(["A"] * 5, rows))).active
    assert sheet is not None
    types = [cell.data_type for cell in sheet[2]]
    assert types == ["s", "s", "s", "s", "n"]  # no formula cell; the number stays a number


def _expected_text(cell: str, xml: bool) -> str:
    text = str(neutralise(cell))
    if xml:  # XML turns every line ending into "\n"; XLSX cells inherit that.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.text(max_size=20), min_size=3, max_size=3), min_size=1, max_size=5))
def test_any_text_round_trips_through_both_formats(rows: list[list[str]]) -> None:
    headers = ["A", "B", "C"]
    cell_rows: list[list[CellValue]] = [list(row) for row in rows]
    for data, xml in (
        (csv_bytes(headers, cell_rows), False),
        (xlsx_bytes(headers, cell_rows), True),
    ):
        expected = [
            tuple(_expected_text(c, xml) for c in row)
            for row in rows
            if any(_expected_text(c, xml) for c in row)
        ]
        assert list(read_table(data).rows) == expected


@pytest.mark.parametrize("writer", [write_csv, write_xlsx, write_table])
def test_written_files_are_owner_only_and_readable(tmp_path: Path, writer: object) -> None:
    path = tmp_path / ("export.csv" if writer is write_csv else "export.xlsx")
    assert callable(writer)
    writer(path, HEADERS, ROWS)
    assert read_path(path).headers == HEADERS
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_write_table_picks_the_format_by_suffix(tmp_path: Path) -> None:
    write_table(tmp_path / "a.CSV", ["A"], [["x"]])
    write_table(tmp_path / "a.xlsx", ["A"], [["x"]])
    assert (tmp_path / "a.CSV").read_bytes().startswith(codecs.BOM_UTF8)
    assert (tmp_path / "a.xlsx").read_bytes().startswith(b"PK")


class TestAtomicWrite:
    def test_replaces_an_existing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "fil"
        path.write_bytes(b"gammal")
        atomic_write(path, b"ny")
        assert path.read_bytes() == b"ny"

    def test_failure_leaves_the_old_file_and_no_temp(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "fil"
        path.write_bytes(b"gammal")

        def broken_replace(source: str, target: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", broken_replace)
        with pytest.raises(OSError):
            atomic_write(path, b"ny")
        assert path.read_bytes() == b"gammal"
        assert [p.name for p in tmp_path.iterdir()] == ["fil"]

    def test_permissions_are_set_before_data(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        sizes_at_chmod: list[int] = []
        real_chmod = os.chmod

        def spying_chmod(path: str, mode: int) -> None:
            sizes_at_chmod.append(os.stat(path).st_size)
            real_chmod(path, mode)

        monkeypatch.setattr(os, "chmod", spying_chmod)
        atomic_write(tmp_path / "fil", b"data")
        assert sizes_at_chmod == [0]
        if os.name == "posix":
            assert stat.S_IMODE((tmp_path / "fil").stat().st_mode) == 0o600

    def test_missing_folder_raises(self, tmp_path: Path) -> None:
        with pytest.raises(OSError):
            atomic_write(tmp_path / "saknas" / "fil", b"x")
