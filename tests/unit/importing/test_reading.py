"""Reading CSV and XLSX files into tables of strings."""

from __future__ import annotations

import codecs
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest

from desktop.services.importing import ImportFileError, Table, read_path, read_table
from desktop.services.importing.reading import MAX_COLUMNS, detect_delimiter
from tests.unit.importing.files import csv_file, xlsx_file

ROWS = [
    ["Förnamn", "Efternamn", "Ort", "Anteckning"],
    ["Åsa", "Öberg", "Malmö", 'säger "hej"; går, sen'],
    ["Björn", "Ärlig", "Umeå", ""],
]
EXPECTED = Table(
    headers=tuple(ROWS[0]),
    rows=(tuple(ROWS[1]), ("Björn", "Ärlig", "Umeå", "")),
    source_name="personer.csv",
    row_numbers=(2, 3),
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_encodings_and_delimiters(encoding: str, delimiter: str) -> None:
    data = csv_file(ROWS, encoding=encoding, delimiter=delimiter)
    assert read_table(data, "personer.csv") == EXPECTED


def test_bom_is_not_part_of_the_first_header() -> None:
    table = read_table(codecs.BOM_UTF8 + "Förnamn;Efternamn\nA;B\n".encode())
    assert table.headers == ("Förnamn", "Efternamn")


def test_cp1252_with_swedish_letters() -> None:
    table = read_table("Förnamn;Ort\r\nÅke;Örebro\r\n".encode("cp1252"))
    assert table.rows == (("Åke", "Örebro"),)


def test_commas_in_text_do_not_fool_the_delimiter_detection() -> None:
    lines = ["Förnamn;Efternamn;Alias", "Anna;Ek;A, B, C", "Bo;Ek;D,E", "Cia;Ek;"]
    assert detect_delimiter(lines) == ";"
    assert read_table("\n".join(lines).encode() + b"\n").rows[0] == ("Anna", "Ek", "A, B, C")


def test_excel_sep_line() -> None:
    table = read_table(b"sep=,\r\nA,B\r\n1;2,3\r\n")
    assert table.headers == ("A", "B")
    assert table.rows == (("1;2", "3"),)


def test_quoted_newline_stays_in_one_cell_and_row_numbers_follow_records() -> None:
    data = csv_file([["A", "B"], ["rad ett\nrad två", "x"], ["y", "z"]])
    table = read_table(data)
    assert table.rows == (("rad ett\nrad två", "x"), ("y", "z"))
    assert table.row_numbers == (2, 3)


def test_blank_lines_keep_spreadsheet_numbering() -> None:
    table = read_table(b"\r\nA;B\r\n1;2\r\n;\r\n\r\n3;4\r\n")
    assert table.header_row == 2
    assert table.row_numbers == (3, 6)


def test_short_rows_are_padded_and_long_rows_get_extra_columns() -> None:
    table = read_table(b"A;B;C\n1\n1;2;3;4\n")
    assert table.headers == ("A", "B", "C", "Kolumn D")
    assert table.rows == (("1", "", "", ""), ("1", "2", "3", "4"))


def test_empty_header_cells_get_column_letters() -> None:
    assert read_table(b"A;;C\n1;2;3\n").headers == ("A", "Kolumn B", "C")


def test_single_column() -> None:
    assert read_table(b"Efternamn\nEk\n").rows == (("Ek",),)


def test_file_ending_mid_row_is_marked() -> None:
    assert not read_table(b"A;B\n1;2\n").cut_short
    assert read_table(b"A;B\n1;2").cut_short
    assert read_table(b'A;B\n1;"2\n').cut_short


def test_xlsx_values_become_text() -> None:
    data = xlsx_file(
        [
            [None, None],
            ["Heltal", "Decimal", "Datum", "Tid", "Text", "Bool", None, "Sist"],
            [199001011234, 1.5, datetime(2024, 2, 29), datetime(2024, 1, 2, 13, 5), "1,5", True],
            [3.0, -2.25, date(2001, 1, 2), time(8, 30), " mellanslag ", False, None, "x"],
        ]
    )
    table = read_table(data, "lista.xlsx")
    assert table.headers == (
        "Heltal",
        "Decimal",
        "Datum",
        "Tid",
        "Text",
        "Bool",
        "Kolumn G",
        "Sist",
    )
    assert table.header_row == 2
    assert table.rows == (
        ("199001011234", "1.5", "2024-02-29", "2024-01-02 13:05:00", "1,5", "ja", "", ""),
        ("3", "-2.25", "2001-01-02", "08:30:00", "mellanslag", "nej", "", "x"),
    )
    assert table.row_numbers == (3, 4)


def test_xlsx_formulas_read_as_cached_values_or_empty() -> None:
    # openpyxl writes no cached value, so a formula reads as empty, never as "=…".
    table = read_table(xlsx_file([["A", "B"], [1, "=A2*2"]]))
    assert table.rows == (("1", ""),)


def test_read_path(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes(b"A;B\n1;2\n")
    assert read_path(path).source_name == "lista.csv"


def test_read_path_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"^import\.unreadable_missing$"):
        read_path(tmp_path / "saknas.csv")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "import.file_empty"),
        (b"  \r\n\t\n", "import.file_empty"),
        (b";;;\n;;\n", "import.file_empty"),
        (codecs.BOM_UTF8, "import.file_empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "import.old_excel"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
            "import.password_protected",
        ),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "import.not_a_spreadsheet"),
        (bytes(range(256)), "import.not_a_spreadsheet"),
        (b"PK\x03\x04broken", "import.file_damaged"),
        (_zip({"hello.txt": b"hi"}), "import.xlsx_unreadable"),
        (codecs.BOM_UTF8 + b"A;\xff\n", "import.bad_encoding"),
        (b"A;B\n\x81\x8d;x\n", "import.not_a_spreadsheet"),
        (";".join(["x"] * (MAX_COLUMNS + 1)).encode(), "import.too_many_columns"),
    ],
)
def test_file_errors(data: bytes, code: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_table(data, "fil")
    assert caught.value.code == code
    assert caught.value.field == "file"


def test_truncated_xlsx_is_an_error() -> None:
    data = xlsx_file([["Förnamn", "Efternamn"], ["Anna", "Ek"]])
    with pytest.raises(ImportFileError):
        read_table(data[: len(data) // 2])


def test_empty_xlsx_is_an_error() -> None:
    with pytest.raises(ImportFileError, match=r"^import\.file_empty$"):
        read_table(xlsx_file([]))


def test_mixed_encodings_are_refused_rather_than_garbled() -> None:
    data = "Förnamn;Ort\nÅke;".encode() + "Örebro\n".encode("cp1252")
    with pytest.raises(ImportFileError, match=r"^import\.mixed_encodings$"):
        read_table(data)


def test_utf8_cut_inside_a_letter_keeps_the_rest() -> None:
    data = "Förnamn;Ort\nÅke;Ö".encode()[:-1]
    table = read_table(data)
    assert table.headers == ("Förnamn", "Ort")
    assert table.rows == (("Åke", ""),)
    assert table.cut_short
