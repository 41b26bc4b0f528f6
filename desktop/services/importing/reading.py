"""Reading CSV and XLSX files into a :class:`Table` of strings.

Whatever bytes arrive, the result is either a complete table or an
:class:`ImportFileError` with a Swedish sentence: a parser's own exception
never escapes, and a table is never silently cut short.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop.services.importing.errors import ImportFileError

__all__ = [
    "MAX_IMPORT_BYTES",
    "MAX_ROWS",
    "Table",
    "read_csv",
    "read_file_bytes",
    "read_path",
    "read_table",
    "read_xlsx",
]

# A mapping list has hundreds of rows; these bounds keep a hostile or mistaken
# file (a whole register, a zip bomb, /dev/zero) from exhausting memory: with
# them the importer stays under 500 MB RSS on any input (tests/attacks/
# test_file_hostile_imports.py, benchmark "importer memory on any input").
MAX_IMPORT_BYTES = 20 * 1024 * 1024  # the file as stored (README, docs/security.md)
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELLS = 1_000_000  # rows x columns
# Blank rows count too: a sheet of millions of empty rows is read fast but not for free.
MAX_LINES = 1_000_000
_MAX_RECORD_CELLS = 16_384  # Excel's own column limit; trailing blanks beyond it are no list
MAX_CELL_CHARS = 10_000
# A CSV line longer than every column at its longest is not a mapping list.
_MAX_LINE_CHARS = 2_000_000
# XLSX: checked on the zip's own directory before openpyxl opens anything.
# zipfile never inflates an entry past the size its directory declares.
MAX_XLSX_ENTRIES = 1_000
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # all entries together, unpacked
MAX_XLSX_SHARED_STRINGS = 50 * 1024 * 1024  # openpyxl holds this one in memory
MAX_XLSX_RATIO = 100  # unpacked / packed; real worksheets stay far below
_RATIO_FLOOR = 1024 * 1024  # small entries may compress as they like
_DELIMITERS = (";", "\t", ",")
_SNIFF_LINES = 20
_SNIFF_CHARS = 65_536
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# An encrypted OOXML file is an OLE2 container holding an "EncryptionInfo" stream.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

# A UTF-8 encoded letter outside ASCII, as in "Ã¥"; practically never Windows-1252 text.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_NOT_A_SPREADSHEET = "import.not_a_spreadsheet"


@dataclass(frozen=True, slots=True)
class Table:
    """The cells of one sheet as text.

    Attributes:
        headers: The header row, stripped; an empty header becomes ``Kolumn C``.
        rows: Data rows, each exactly as long as ``headers`` (padded with "").
        source_name: The file name, for messages.
        row_numbers: The spreadsheet row number of each data row (header is
            usually row 1), so messages match what the user sees. Empty means
            ``2, 3, 4, …``.
        header_row: The spreadsheet row number of the header row.
        cut_short: True when a CSV file ends inside a row or a quoted value:
            the usual sign of a file that was copied or saved only in part.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source_name: str = ""
    row_numbers: tuple[int, ...] = field(default=())
    header_row: int = 1
    cut_short: bool = False

    def row_number(self, index: int) -> int:
        """The spreadsheet row number of data row ``index`` (0-based)."""
        return self.row_numbers[index] if self.row_numbers else index + 2


# --- entry points -------------------------------------------------------------------


def read_path(path: Path | str) -> Table:
    """Read a CSV or XLSX file from disk (the kind is decided by content, not name)."""
    path = Path(path)
    return read_table(read_file_bytes(path), path.name)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def read_file_bytes(path: Path | str) -> bytes:
    """The bytes of an import file, refused before reading when it is no regular
    file (a device such as /dev/zero, a pipe, a folder) or larger than
    :data:`MAX_IMPORT_BYTES`; never more than that limit is read."""
    path = Path(path)
    limit = _megabytes(MAX_IMPORT_BYTES)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise _unreadable(path, error) from None
    with os.fdopen(fd, "rb", buffering=0) as file:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                raise ImportFileError("import.not_a_file", name=path.name)
            if status.st_size > MAX_IMPORT_BYTES:
                raise ImportFileError(
                    "import.file_too_large",
                    size=_megabytes(status.st_size),
                    limit=limit,
                )
            chunks, size = [], 0
            # A file that grows while it is read is still cut off at the limit.
            while chunk := file.read(min(1 << 20, MAX_IMPORT_BYTES + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_IMPORT_BYTES:
                    raise ImportFileError("import.file_larger_than", limit=limit)
            return b"".join(chunks)
        except OSError as error:
            raise _unreadable(path, error) from None


def _unreadable(path: Path, error: OSError) -> ImportFileError:
    """The error for a file the system would not let us read."""
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return ImportFileError("import.unreadable_missing", name=path.name)
    if isinstance(error, PermissionError):
        return ImportFileError("import.unreadable_permission", name=path.name)
    if isinstance(error, IsADirectoryError):
        return ImportFileError("import.unreadable_folder", name=path.name)
    return ImportFileError("import.unreadable", name=path.name, reason=error.strerror or "?")


def read_table(data: bytes, source_name: str = "") -> Table:
    """Read CSV or XLSX bytes, deciding the format by the file's first bytes."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            "import.file_too_large",
            size=_megabytes(len(data)),
            limit=_megabytes(MAX_IMPORT_BYTES),
        )
    if not data.strip():
        raise ImportFileError("import.file_empty")
    if data.startswith(_OLE2_MAGIC):
        if _ENCRYPTION_INFO in data:
            raise ImportFileError("import.password_protected")
        raise ImportFileError("import.old_excel")
    if data.startswith(_ZIP_MAGIC):
        return read_xlsx(data, source_name)
    return read_csv(data, source_name)


# --- CSV ----------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Decode by BOM, then strict UTF-8, else Windows-1252 (what Excel on Windows writes)."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")  # Excel's "Unicode text"
    except UnicodeDecodeError:
        raise ImportFileError("import.bad_encoding") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            # A file cut inside a character: the rest is sound UTF-8, and the
            # missing line break at the end marks the table as cut short.
            return data[: error.start].decode("utf-8")
    if _UTF8_SEQUENCE.search(data):
        # Real UTF-8 letters beside bytes that are not: reading it all as
        # Windows-1252 would garble every å, ä and ö without a word.
        raise ImportFileError("import.mixed_encodings")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFileError(_NOT_A_SPREADSHEET) from None


_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f]")
_NEWLINE = re.compile("\r\n|\n|\r")


def _looks_binary(text: str) -> bool:
    # Text files hold no NULs and almost no control characters besides
    # tab, newline, carriage return and form feed.
    if "\x00" in text:
        return True
    allowed = max(2, len(text) // 1000)
    return any(count > allowed for count, _ in enumerate(_CONTROL.finditer(text), start=1))


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their line breaks, as csv wants them (no copy of the
    whole text, unlike io.StringIO); a line past any real row's length stops the read."""
    start, number = 0, 0
    for match in _NEWLINE.finditer(text):
        number += 1
        if match.end() - start > _MAX_LINE_CHARS:
            raise _line_too_long(number)
        yield text[start : match.end()]
        start = match.end()
    if start < len(text):
        if len(text) - start > _MAX_LINE_CHARS:
            raise _line_too_long(number + 1)
        yield text[start:]


def _line_too_long(number: int) -> ImportFileError:
    return ImportFileError("import.line_too_long", row=number, limit=_MAX_LINE_CHARS)


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def detect_delimiter(lines: Sequence[str]) -> str:
    """Pick ``;``, tab or ``,`` by how consistently each splits the first lines.

    A delimiter must occur in the header; among those, the one found the same
    number of times on the most lines wins (commas inside free text vary from
    line to line, real delimiters do not), then the one with more columns.
    """
    # Only the start of each line counts: a single enormous line costs no more.
    sample = [line[:_SNIFF_CHARS] for line in lines if line.strip()][:_SNIFF_LINES]
    best, best_score = ";", (0, 0)
    for delimiter in _DELIMITERS:
        counts = [_count_outside_quotes(line, delimiter) for line in sample]
        if not counts or counts[0] == 0:
            continue
        score = (sum(1 for count in counts if count == counts[0]), counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, source_name: str = "") -> Table:
    """Read CSV bytes (any of the usual encodings and delimiters) into a :class:`Table`."""
    try:
        text = decode_text(data)
        if _looks_binary(text):
            raise ImportFileError(_NOT_A_SPREADSHEET)
        lines = text[: _SNIFF_LINES * _SNIFF_CHARS].splitlines()[:_SNIFF_LINES]
        delimiter = None
        # Excel honours a first line "sep=;" and so do we.
        if lines and re.fullmatch(r'"?sep=(.)"?', lines[0].strip()):
            delimiter = lines[0].strip().strip('"')[4]
            text = text.split("\n", 1)[1] if "\n" in text else ""
        delimiter = delimiter or detect_delimiter(lines[:_SNIFF_LINES])
        records = csv.reader(_lines(text), delimiter=delimiter, strict=False)
        table = _build_table(records, source_name, first_row_number=1)
        # CSV has no end marker; a file written by a program ends with a line
        # break and closes its quotes, so anything else is worth a warning.
        cut_short = not text.endswith(("\n", "\r")) or text.count('"') % 2 == 1
        return replace(table, cut_short=cut_short) if cut_short and table.rows else table
    except ImportFileError:
        raise
    except csv.Error:
        raise ImportFileError("import.csv_unparsable") from None
    except Exception:  # arbitrary bytes must never crash the import
        raise ImportFileError(_NOT_A_SPREADSHEET) from None


# --- XLSX ---------------------------------------------------------------------------


def format_cell(value: object) -> str:
    """One XLSX cell as text: ISO dates, integers without ``.0``, ja/nej for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


_BOMB = "import.zip_bomb"


def check_archive(data: bytes) -> None:
    """Refuse a zip bomb from the zip's own directory, before anything is inflated:
    too many entries, too much unpacked data, a shared-strings part openpyxl would
    hold whole in memory, or an entry packed far tighter than real worksheets are."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_XLSX_ENTRIES:
        raise ImportFileError("import.too_many_parts", limit=MAX_XLSX_ENTRIES)
    unpacked = 0
    for entry in entries:
        unpacked += entry.file_size
        if entry.file_size > _RATIO_FLOOR and entry.file_size > MAX_XLSX_RATIO * max(
            entry.compress_size, 1
        ):
            raise ImportFileError(_BOMB)
        if entry.filename.casefold().endswith("sharedstrings.xml") and (
            entry.file_size > MAX_XLSX_SHARED_STRINGS
        ):
            raise ImportFileError(
                "import.texts_too_large",
                limit=_megabytes(MAX_XLSX_SHARED_STRINGS),
            )
    if unpacked > MAX_XLSX_UNPACKED:
        raise ImportFileError("import.unpacks_too_large", limit=_megabytes(MAX_XLSX_UNPACKED))


def read_xlsx(data: bytes, source_name: str = "") -> Table:
    """Read the first sheet of an XLSX workbook (cached values, not formulas).

    The archive is checked first (:func:`check_archive`); openpyxl then reads in
    read-only mode, streaming the sheet row by row.
    """
    try:
        check_archive(data)
        with warnings.catch_warnings():
            # openpyxl warns about unsupported extensions and missing styles;
            # those do not affect the values we read.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                # A hostile <dimension> could make openpyxl pad every row to
                # 16,384 cells; we pad to the header's width ourselves.
                sheet.reset_dimensions()
                rows = (
                    [format_cell(value) for value in row]
                    for row in sheet.iter_rows(values_only=True)
                )
                return _build_table(rows, source_name, first_row_number=1)
            finally:
                workbook.close()
    except ImportFileError:
        raise
    except zipfile.BadZipFile:
        raise ImportFileError("import.file_damaged") from None
    except Exception:  # arbitrary bytes must never crash the import
        raise ImportFileError("import.xlsx_unreadable") from None


# --- common -------------------------------------------------------------------------


def _build_table(records: Iterable[list[str]], source_name: str, first_row_number: int) -> Table:
    headers: tuple[str, ...] | None = None
    header_row = first_row_number
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    cell_count = 0
    for row_number, record in enumerate(records, start=first_row_number):
        if row_number - first_row_number >= MAX_LINES:
            raise ImportFileError("import.too_many_rows", limit=MAX_LINES)
        if len(record) > _MAX_RECORD_CELLS:
            raise ImportFileError("import.too_many_columns", limit=MAX_COLUMNS)
        cells = [cell.strip() for cell in record]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue  # blank lines keep their number but carry nothing
        if any(len(cell) > MAX_CELL_CHARS for cell in cells):
            raise ImportFileError("import.cell_too_long", row=row_number, limit=MAX_CELL_CHARS)
        cell_count += len(cells)
        if cell_count > MAX_CELLS:
            raise ImportFileError("import.too_many_cells", limit=MAX_CELLS)
        if headers is None:
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError("import.too_many_columns", limit=MAX_COLUMNS)
            headers = tuple(
                cell or f"Kolumn {get_column_letter(index)}"
                for index, cell in enumerate(cells, start=1)
            )
            header_row = row_number
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError("import.too_many_rows", limit=MAX_ROWS)
        if len(cells) > len(headers):
            # Cells beyond the header have nowhere to go; keep them visible
            # under generated headers rather than dropping data silently.
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError("import.too_many_columns", limit=MAX_COLUMNS)
            headers = headers + tuple(
                f"Kolumn {get_column_letter(index)}"
                for index in range(len(headers) + 1, len(cells) + 1)
            )
        rows.append(tuple(cells))
        numbers.append(row_number)
    if headers is None:
        raise ImportFileError("import.file_empty")
    width = len(headers)
    padded = tuple(row + ("",) * (width - len(row)) for row in rows)
    return Table(
        headers=headers,
        rows=padded,
        source_name=source_name,
        row_numbers=tuple(numbers),
        header_row=header_row,
    )
