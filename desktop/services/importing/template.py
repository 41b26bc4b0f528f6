"""The standard import template: its columns, and the template file itself."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.services.exporting import atomic_write, csv_bytes

__all__ = [
    "EXAMPLE_ROW",
    "TEMPLATE_COLUMNS",
    "TEMPLATE_HEADERS",
    "TemplateColumn",
    "template_csv_bytes",
    "template_xlsx_bytes",
    "write_template",
]


@dataclass(frozen=True, slots=True)
class TemplateColumn:
    """One column of the template.

    Attributes:
        field: The :class:`ImportRow` attribute the column fills.
        header: The Swedish header, exactly as written in the template.
        required: Whether a row without it is an error.
        description: One or two Swedish sentences for the instruction sheet.
        example: The value in the fictitious example row.
    """

    field: str
    header: str
    required: bool
    description: str
    example: str


TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
    TemplateColumn("first_name", "Förnamn", True, "Personens förnamn.", "Exempel"),
    TemplateColumn("last_name", "Efternamn", True, "Personens efternamn.", "Exempelsson"),
    TemplateColumn(
        "aliases",
        "Alias",
        False,
        "Smeknamn eller andra namn, åtskilda med komma, semikolon, / eller |.",
        "Exet; Provaren",
    ),
    TemplateColumn(
        "identity_number",
        "Personnummer",
        False,
        "Personnummer eller samordningsnummer, ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN "
        "(plustecken för 100 år eller äldre). Kontrollsiffran kontrolleras.",
        "",
    ),
    TemplateColumn(
        "birth_date",
        "Födelsedatum",
        False,
        "ÅÅÅÅ-MM-DD. Kan lämnas tomt när personnummer finns; då hämtas datumet därifrån.",
        "2006-01-01",
    ),
    TemplateColumn("address", "Adress", False, "Gatuadress.", "Exempelgatan 1"),
    TemplateColumn("postcode", "Postnummer", False, "Fem siffror, till exempel 211 45.", "999 99"),
    TemplateColumn("city", "Ort", False, "Postort.", "Exempelstad"),
    TemplateColumn("area", "Område", False, "Stadsdel eller område.", "Exempelområdet"),
    TemplateColumn(
        "group_name",
        "Gruppering",
        False,
        "Gruppering eller nätverk som personen hör till. Finns den inte skapas den.",
        "Exempelgruppen",
    ),
    TemplateColumn("role", "Roll", False, "Personens roll i grupperingen.", "medlem"),
    TemplateColumn(
        "phone",
        "Telefon",
        False,
        "Telefonnummer, till exempel 070-123 45 67 eller +46 70 123 45 67.",
        # PTS reserves 070-174 06 05 – 070-174 06 99 for fiction.
        "070-174 06 50",
    ),
    TemplateColumn("language", "Språk", False, "Språk som samtalet bör föras på.", "svenska"),
    TemplateColumn("interpreter_need", "Tolkbehov", False, "ja eller nej (tomt = nej).", "nej"),
    TemplateColumn(
        "protected_identity",
        "Skyddad identitet",
        False,
        "ja om personen har skyddade personuppgifter (tomt = nej). Adressen visas då aldrig "
        "i listor eller utskrifter.",
        "nej",
    ),
    TemplateColumn(
        "category",
        "Kategori",
        False,
        "misstänkt, dömd, brottsoffer, anhörig eller övrig (tomt = övrig).",
        "övrig",
    ),
    TemplateColumn(
        "source", "Källa", False, "Varifrån uppgiften kommer, till exempel myndighet.", "Exempel"
    ),
    TemplateColumn(
        "note",
        "Anteckning",
        False,
        "Fri text. Skriv bara sådant som får delas med alla myndigheter i samverkan.",
        "Fiktiv exempelrad – ta bort raden före import.",
    ),
)

TEMPLATE_HEADERS: tuple[str, ...] = tuple(column.header for column in TEMPLATE_COLUMNS)
EXAMPLE_ROW: tuple[str, ...] = tuple(column.example for column in TEMPLATE_COLUMNS)

_INSTRUCTIONS_INTRO = (
    "Fyll i en rad per person på bladet Personer. Rubrikraden måste finnas, men kolumnerna "
    "får komma i valfri ordning. Bara Förnamn och Efternamn är obligatoriska. "
    "Ta bort exempelraden innan du importerar."
)


def template_xlsx_bytes() -> bytes:
    """The template workbook: sheet "Personer" (headers + example row) and "Instruktioner"."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Personer"
    sheet.append(list(TEMPLATE_HEADERS))
    sheet.append(list(EXAMPLE_ROW))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = max(14, len(column.header) + 4)
        # Text format keeps Excel from turning personnummer and postcodes into
        # numbers (and dropping leading zeros) in rows the user adds.
        dimension.number_format = "@"
        for row in (1, 2):
            sheet.cell(row=row, column=index).number_format = "@"

    guide = workbook.create_sheet("Instruktioner")
    guide.append([_INSTRUCTIONS_INTRO])
    guide.append([])
    guide.append(["Kolumn", "Obligatorisk", "Beskrivning", "Exempel"])
    for cell in guide[3]:
        cell.font = Font(bold=True)
    for column in TEMPLATE_COLUMNS:
        guide.append(
            [column.header, "ja" if column.required else "nej", column.description, column.example]
        )
    for letter, width in zip("ABCD", (20, 13, 80, 30), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=4):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook.save(buffer)
    return buffer.getvalue()


def template_csv_bytes() -> bytes:
    """The template as CSV: UTF-8 with BOM, ``;``, header and the example row."""
    return csv_bytes(TEMPLATE_HEADERS, [EXAMPLE_ROW])


def write_template(path: Path | str) -> None:
    """Write the template atomically; ``.csv`` gives CSV, anything else XLSX."""
    target = Path(path)
    data = template_csv_bytes() if target.suffix.casefold() == ".csv" else template_xlsx_bytes()
    atomic_write(target, data)
