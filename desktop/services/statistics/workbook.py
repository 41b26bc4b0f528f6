"""Multi-sheet XLSX and per-sheet CSV, neutralised and written atomically."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from desktop.services.exporting import CellValue, atomic_write, csv_bytes, neutralise


@dataclass(frozen=True)
class Sheet:
    """One table: a sheet in XLSX, a file in CSV."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An XLSX workbook, one sheet per table, bold frozen header, every cell neutralised."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.title[:31])
        ws.freeze_panes = "A2"
        header = []
        for text in sheet.headers:
            cell = WriteOnlyCell(ws, value=neutralise(text))
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's deprecation noise is not ours
        book.save(buffer)
    return buffer.getvalue()


def csv_files(path: Path, sheets: Sequence[Sheet]) -> dict[Path, bytes]:
    """One CSV per table beside ``path``: ``name_<sheet>.csv``."""
    out: dict[Path, bytes] = {}
    for sheet in sheets:
        slug = "".join(ch if ch.isalnum() else "_" for ch in sheet.title.casefold())
        out[path.with_name(f"{path.stem}_{slug}.csv")] = csv_bytes(sheet.headers, sheet.rows)
    return out


def write_sheets(path: Path, sheets: Sequence[Sheet]) -> tuple[Path, ...]:
    """XLSX for ``.xlsx`` (one file), CSV files beside ``path`` for ``.csv``."""
    if path.suffix.casefold() == ".csv":
        files = csv_files(path, sheets)
        for target, data in files.items():
            atomic_write(target, data)
        return tuple(files)
    atomic_write(path, workbook_bytes(sheets))
    return (path,)
