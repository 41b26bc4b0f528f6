"""Hostile import files, and the peak memory of ``rondplan import`` on each.

Shared by tests/attacks/test_file_hostile_imports.py and the benchmark
"importer memory on any input" (benchmarks/bench_import.py). The files are
built with zipfile and plain bytes, never with the importer's own code.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The importer must stay below this on any input (DESIGN.md, performance budget).
BUDGET_MIB = 500
# Old code grows without bound on some of these files; the child is stopped well
# before it could hurt the machine, and that counts as a failure.
_ADDRESS_SPACE_LIMIT = 3 * 1024**3
_PEAK_RSS = Path(__file__).with_name("peak_rss.py")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Personer" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _xlsx(path: Path, sheet_chunks, strings_chunks) -> Path:  # type: ignore[no-untyped-def]
    """A workbook whose sheet and shared strings are streamed from generators."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        for name, chunks in (
            ("xl/worksheets/sheet1.xml", sheet_chunks),
            ("xl/sharedStrings.xml", strings_chunks),
        ):
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk.encode())
    return path


def _sheet(rows: int, cells_per_row: int = 2):  # type: ignore[no-untyped-def]
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
    for row in range(1, rows + 1):
        cells = "".join(
            f'<c r="{chr(65 + col)}{row}" t="s"><v>{(row + col) % 2}</v></c>'
            for col in range(cells_per_row)
        )
        yield f'<row r="{row}">{cells}</row>'
    yield "</sheetData></worksheet>"


def _strings(count: int, chars_each: int, seed: int = 15):  # type: ignore[no-untyped-def]
    """Shared strings of words from a small vocabulary: packs about 10:1, like text.

    One 48 KB piece is repeated: deflate looks back only 32 KB, so the repeats
    pack no tighter than the piece itself.
    """
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(5)) for _ in range(8)]
    piece = ""
    while len(piece) < 48_000:
        piece += rng.choice(words) + " "
    yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}" count="{count}">'
    for _ in range(count):
        yield "<si><t>"
        for _ in range(chars_each // len(piece) + 1):
            yield piece
        yield "</t></si>"
    yield "</sst>"


def zip_bomb_xlsx(folder: Path) -> Path:
    """A sheet that unpacks from about 0.6 MB to 420 MB of blank rows."""

    def rows():  # type: ignore[no-untyped-def]
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
        blank = "<row/>" * 100_000
        for _ in range(700):
            yield blank
        yield "</sheetData></worksheet>"

    return _xlsx(folder / "bomb.xlsx", rows(), iter([f'<sst xmlns="{_MAIN}"/>']))


def huge_shared_strings_xlsx(folder: Path) -> Path:
    """The issue's file: about 5 MB packed, two shared strings of 30 MB each, every
    cell of a long sheet pointing at them (ratio about 10:1, like real text)."""
    return _xlsx(
        folder / "texter.xlsx", _sheet(rows=50_000), _strings(count=2, chars_each=30_000_000)
    )


def long_cells_xlsx(folder: Path) -> Path:
    """Within the archive limits (10 MB of text), but every cell 1 MB long."""
    return _xlsx(
        folder / "langa.xlsx", _sheet(rows=50_000), _strings(count=2, chars_each=1_000_000)
    )


def sparse_gigabyte_csv(folder: Path) -> Path:
    """A 1 GB 'CSV' that takes no disk: a header and then a hole."""
    path = folder / "stor.csv"
    with path.open("wb") as file:
        file.write(b"F\xc3\xb6rnamn;Efternamn\n")
        file.truncate(1024**3)
    return path


def single_line_csv(folder: Path) -> Path:
    """19 MB on one line: a header cell that never ends."""
    path = folder / "enradig.csv"
    with path.open("wb") as file:
        chunk = b"abcdefghij" * 100_000
        for _ in range(19):
            file.write(chunk)
    return path


def many_delimiters_csv(folder: Path) -> Path:
    """19 MB of delimiters on one line: millions of empty columns."""
    path = folder / "semikolon.csv"
    path.write_bytes(b";" * (19 * 1024 * 1024))
    return path


def largest_allowed_csv(folder: Path) -> Path:
    """Just under both the size and the row limit: 49,000 plausible rows of ten
    columns, 19 MB, every row a duplicate of hundreds of others."""
    path = folder / "lista.csv"
    header = (
        "Förnamn;Efternamn;Födelsedatum;Gruppering;Adress;Postnummer;Ort;Område;Telefon;"
        "Anteckning\n"
    )
    lines = [header]
    for number in range(49_000):
        lines.append(
            f"Anna;Svensson;2004-05-{1 + number % 28:02d};Grupp {number % 40};"
            f"Storgatan {number % 90};21{number % 1000:03d};Malmö;Område {number % 12};"
            f"0701234{number % 1000:03d};Kommentar {number} " + "lång text " * 28 + "\n"
        )
    path.write_text("".join(lines), encoding="utf-8")
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "zip bomb XLSX": zip_bomb_xlsx,
    "huge shared strings XLSX": huge_shared_strings_xlsx,
    "1 MB cells XLSX": long_cells_xlsx,
    "1 GB sparse CSV": sparse_gigabyte_csv,
    "19 MB single-line CSV": single_line_csv,
    "19 MB of delimiters": many_delimiters_csv,
    "largest allowed CSV": largest_allowed_csv,
}


@dataclass(frozen=True)
class ImportRun:
    """One ``rondplan import --dry-run`` in its own process."""

    returncode: int
    stderr: str
    peak_mib: float
    seconds: float


def run_import(
    database: Path, user: str, password: str, file: Path | str, timeout: float = 120
) -> ImportRun:
    """Run the real command line on ``file`` and measure its peak RSS: VmHWM of that
    process alone, from wait4's rusage in a small process that starts it
    (tests/attacks/peak_rss.py says why not from this one)."""
    env = dict(os.environ, RONDPLAN_PASSWORD=password, PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-m", "desktop.cli", "import", "--db", str(database)]
    command += ["--user", user, "--dry-run", str(file)]
    probe = [sys.executable, str(_PEAK_RSS), str(_ADDRESS_SPACE_LIMIT), str(timeout)]
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        report = subprocess.run(
            probe + command,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            check=True,
            timeout=timeout + 60,
        )
        seconds = time.monotonic() - started
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    returncode, peak_kib = (int(field) for field in report.stdout.split())
    return ImportRun(returncode, stderr, peak_kib / 1024, seconds)
