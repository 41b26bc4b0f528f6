"""Import files built inside the tests: CSV in any encoding and delimiter, XLSX."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence

from openpyxl import Workbook

from desktop.services.importing.template import TEMPLATE_HEADERS

Cells = Sequence[object]


def csv_file(
    rows: Sequence[Sequence[str]],
    encoding: str = "utf-8",
    delimiter: str = ";",
    newline: str = "\r\n",
) -> bytes:
    """A CSV file; ``encoding="utf-8-sig"`` writes a BOM. Fields are quoted when needed."""

    def quote(cell: str) -> str:
        if any(char in cell for char in (delimiter, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    text = "".join(delimiter.join(quote(c) for c in row) + newline for row in rows)
    return text.encode(encoding)


def xlsx_file(rows: Sequence[Cells], title: str = "Personer") -> bytes:
    """An XLSX workbook with one sheet holding ``rows`` (``None`` = empty cell)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook.save(buffer)
    return buffer.getvalue()


def person(**values: str) -> list[str]:
    """A template row: fields by Swedish header (``Förnamn="Anna"``), the rest empty."""
    renamed = {key.replace("_", " "): value for key, value in values.items()}
    return [renamed.get(header, "") for header in TEMPLATE_HEADERS]


# Fictitious people; the personnummer are valid (Luhn) but made up.
ANNA = person(Förnamn="Anna", Efternamn="Åström", Personnummer="811218-9876", Ort="Malmö")
BO = person(Förnamn="Bo", Efternamn="Öberg", Födelsedatum="2004-02-29", Kategori="dömd")
