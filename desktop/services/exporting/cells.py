"""Cell values for exported spreadsheets, made safe against formula injection."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

__all__ = ["CellValue", "cell_text", "neutralise"]

CellValue = str | int | float | Decimal | bool | date | datetime | None

# OWASP "CSV injection": a cell starting with one of these may be run as a
# formula by Excel or LibreOffice. Tab and carriage return are in the list
# because some spreadsheet programs skip them before looking for "=".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 forbids; openpyxl refuses to write them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_CELL_LIMIT = 32_767


def neutralise(value: CellValue) -> CellValue:
    """Prefix ``'`` to any *string* starting with ``= + - @``, tab or CR.

    Only strings are touched. Numbers and dates are typed values and cannot
    hold a formula, so a real ``-5`` stays a number; a string ``"-5"`` is
    prefixed like any other, which is the simple rule OWASP recommends and
    costs a quote in a rare text cell. Characters that XML cannot hold are
    removed and text is cut at Excel's cell limit.
    """
    if not isinstance(value, str):
        return value
    text = _ILLEGAL_XML.sub("", value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text[:EXCEL_CELL_LIMIT]


def cell_text(value: CellValue) -> str:
    """A value as CSV text for Swedish Excel: ISO dates, ja/nej, decimal comma."""
    value = neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | Decimal):
        # Swedish Excel reads "1,5" as a number in a ";"-separated file.
        return str(value).replace(".", ",")
    return str(value)
