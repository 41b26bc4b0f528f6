"""Spreadsheet writers: CSV for Swedish Excel and XLSX, both injection-safe and atomic."""

from __future__ import annotations

import codecs
import csv
import io
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from desktop.services.exporting.atomic import atomic_write
from desktop.services.exporting.cells import CellValue, cell_text, neutralise

__all__ = ["csv_bytes", "write_csv", "write_table", "write_xlsx", "xlsx_bytes"]

Rows = Iterable[Sequence[CellValue]]


def csv_bytes(headers: Sequence[str], rows: Rows) -> bytes:
    """CSV as Excel in Sweden opens it directly: UTF-8 with BOM, ``;``, CRLF, all neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([cell_text(header) for header in headers])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def xlsx_bytes(headers: Sequence[str], rows: Rows, sheet_title: str = "Export") -> bytes:
    """An XLSX workbook with one sheet: a bold, frozen header row and the rows.

    Written with openpyxl's write-only mode, so memory stays flat for large
    exports. Strings are neutralised: openpyxl would otherwise store a string
    starting with ``=`` as a formula.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31] or "Export")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=neutralise(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's deprecation noise is not ours
        workbook.save(buffer)
    return buffer.getvalue()


def write_csv(path: Path | str, headers: Sequence[str], rows: Rows) -> None:
    """Write :func:`csv_bytes` atomically to ``path`` (owner-only permissions)."""
    atomic_write(path, csv_bytes(headers, rows))


def write_xlsx(
    path: Path | str, headers: Sequence[str], rows: Rows, sheet_title: str = "Export"
) -> None:
    """Write :func:`xlsx_bytes` atomically to ``path`` (owner-only permissions)."""
    atomic_write(path, xlsx_bytes(headers, rows, sheet_title))


def write_table(path: Path | str, headers: Sequence[str], rows: Rows) -> None:
    """Write XLSX or CSV depending on the suffix of ``path`` (``.csv`` → CSV, else XLSX)."""
    if Path(path).suffix.casefold() == ".csv":
        write_csv(path, headers, rows)
    else:
        write_xlsx(path, headers, rows)
