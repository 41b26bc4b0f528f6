"""Exports to XLSX and CSV: safe cell values, atomic owner-only files."""

from desktop.services.exporting.atomic import atomic_write
from desktop.services.exporting.cells import CellValue, cell_text, neutralise
from desktop.services.exporting.writers import (
    csv_bytes,
    write_csv,
    write_table,
    write_xlsx,
    xlsx_bytes,
)

__all__ = [
    "CellValue",
    "atomic_write",
    "cell_text",
    "csv_bytes",
    "neutralise",
    "write_csv",
    "write_table",
    "write_xlsx",
    "xlsx_bytes",
]
