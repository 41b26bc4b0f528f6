"""Whatever the bytes, the import ends in a full preview or one clear error."""

from __future__ import annotations

import warnings
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.messages import error_words
from desktop.services.errors import ValidationError
from desktop.services.importing import ImportPreview, read_table, validate_table
from tests.unit.importing.files import csv_file, xlsx_file

TODAY = date(2026, 3, 15)
HEADER = ["Förnamn", "Efternamn", "Alias", "Personnummer", "Födelsedatum"]
CSV_ROWS = [
    HEADER,
    ["Anna", "Åström", 'sa "hej"; gick', "811218-9876", ""],
    ["Bo", "Öberg", "rad ett\nrad två", "", "2004-02-29"],
    ["Cia", "Ek", "", "701063-2391", "1970-10-03"],
]
CSV_FILES = [
    csv_file(CSV_ROWS, encoding, delimiter)
    for encoding in ("utf-8", "utf-8-sig", "cp1252")
    for delimiter in (";", ",", "\t")
]
XLSX_FILE = xlsx_file([*CSV_ROWS, ["Dan", "Ek"], ["Eva", "Ek", "", "", date(2001, 1, 2)]])
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def import_bytes(data: bytes) -> ImportPreview | None:
    """Run reading and validation; ``None`` for the one allowed kind of failure."""
    with warnings.catch_warnings():
        # The reader must silence parser warnings itself; any that escape fail here.
        warnings.simplefilter("error")
        try:
            table = read_table(data, "fuzz")
            preview = validate_table(table, today=TODAY)
        except ValidationError as error:  # ImportFileError is a ValidationError
            assert error_words(error, "sv").endswith(".")  # type: ignore[union-attr]
            assert error_words(error, "en").endswith(".")  # type: ignore[union-attr]
            return None
    # Never partial: one preview row for every data row of the table.
    assert len(preview.rows) == len(table.rows)
    assert [row.row_number for row in preview.rows] == list(table.row_numbers)
    return preview


@FUZZ
@given(st.binary(max_size=2_000))
def test_random_bytes(data: bytes) -> None:
    import_bytes(data)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_after_a_zip_signature(data: bytes) -> None:
    import_bytes(b"PK\x03\x04" + data)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list('ab;,\t"\n\r åÖ=-+')), max_size=300))
def test_random_csv_like_text(text: str) -> None:
    for encoding in ("utf-8", "cp1252"):
        import_bytes(text.encode(encoding, errors="replace"))


@FUZZ
@given(st.sampled_from(CSV_FILES), st.data())
def test_truncated_csv_keeps_every_complete_row(data: bytes, draw: st.DataObject) -> None:
    full = import_bytes(data)
    assert full is not None and full.problems == ()
    cut = draw.draw(st.integers(0, len(data)))
    preview = import_bytes(data[:cut])
    if preview is None:
        return
    # Every row but the last is exactly as in the whole file; a cut last row
    # is either complete or reported.
    assert preview.rows[:-1] == full.rows[: max(len(preview.rows) - 1, 0)]
    if preview.rows and preview.rows[-1] not in full.rows:
        assert preview.problems_for(preview.rows[-1].row_number)


@FUZZ
@given(st.integers(4, len(XLSX_FILE) - 1))
def test_truncated_xlsx_is_always_an_error(cut: int) -> None:
    assert import_bytes(XLSX_FILE[:cut]) is None


def test_first_bytes_of_an_xlsx_are_no_importable_file() -> None:
    # "P", "PK", "PK\x03" are (odd) text files: a preview that cannot be imported.
    for cut in range(1, 4):
        preview = import_bytes(XLSX_FILE[:cut])
        assert preview is not None and preview.has_blocking_errors


@FUZZ
@given(st.integers(0, len(XLSX_FILE) - 1), st.integers(0, 255))
def test_corrupted_xlsx_gives_an_error_or_a_full_preview(position: int, byte: int) -> None:
    data = bytearray(XLSX_FILE)
    data[position] = byte
    import_bytes(bytes(data))


def test_whole_xlsx_reads() -> None:
    preview = import_bytes(XLSX_FILE)
    assert preview is not None and len(preview.rows) == 5
