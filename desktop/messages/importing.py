"""Words for the importing error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "import.bad_encoding": (
        "Filen är skadad: tecknen stämmer inte med filens teckenkodning.",
        "The file is damaged: the characters do not match the file's encoding.",
    ),
    "import.cell_too_long": (
        "Rad {row}: en cell har fler än {limit} tecken; så långa uppgifter hör inte hemma "
        "i en kartläggningslista.",
        "Row {row}: a cell has more than {limit} characters; such long entries do not "
        "belong in a mapping list.",
    ),
    "import.column_conflict": (
        "Flera kolumner är kopplade till {column}; välj en av dem.",
        "Several columns are linked to {column}; choose one of them.",
    ),
    "import.column_missing": (
        "Kolumnen {column} saknas.",
        "The column {column} is missing.",
    ),
    "import.column_unknown": (
        "Kolumnen känns inte igen och importeras inte.",
        "The column is not recognised and is not imported.",
    ),
    "import.csv_unparsable": (
        "CSV-filen går inte att tolka: kontrollera citattecken och avgränsare.",
        "The CSV file cannot be read: check the quotation marks and the separators.",
    ),
    "import.cut_short": (
        "Filen slutar mitt i en rad; kontrollera att den sista raden är hel.",
        "The file ends in the middle of a row; check that the last row is complete.",
    ),
    "import.duplicate_identity": (
        "Samma personnummer finns även på rad {rows}.",
        "The same personal identity number is also on row {rows}.",
    ),
    "import.duplicate_identity_more": (
        "Samma personnummer finns även på rad {rows} och {more} till.",
        "The same personal identity number is also on row {rows} and {more} more.",
    ),
    "import.duplicate_name": (
        "Samma namn och födelsedatum finns även på rad {rows}.",
        "The same name and date of birth are also on row {rows}.",
    ),
    "import.duplicate_name_more": (
        "Samma namn och födelsedatum finns även på rad {rows} och {more} till.",
        "The same name and date of birth are also on row {rows} and {more} more.",
    ),
    "import.example_row": (
        "Det här är mallens exempelrad; ta bort den före import.",
        "This is the template's example row; remove it before importing.",
    ),
    "import.file_damaged": (
        "Filen är skadad eller ofullständig och kan inte öppnas.",
        "The file is damaged or incomplete and cannot be opened.",
    ),
    "import.file_empty": (
        "Filen är tom.",
        "The file is empty.",
    ),
    "import.file_larger_than": (
        "Filen är större än {limit}, som är mest som kan importeras. Dela upp den.",
        "The file is larger than {limit}, which is the most that can be imported. Split it up.",
    ),
    "import.file_too_large": (
        "Filen är för stor ({size}); högst {limit} kan importeras. Dela upp den.",
        "The file is too large ({size}); at most {limit} can be imported. Split it up.",
    ),
    "import.first_name_missing": (
        "Förnamn saknas.",
        "The first name is missing.",
    ),
    "import.last_name_missing": (
        "Efternamn saknas.",
        "The last name is missing.",
    ),
    "import.line_too_long": (
        "Rad {row} är längre än {limit} tecken; filen är ingen kartläggningslista.",
        "Line {row} is longer than {limit} characters; the file is not a mapping list.",
    ),
    "import.merge_person_gone": (
        "En person som raden skulle slås ihop med finns inte längre.",
        "A person the row was to be merged with no longer exists.",
    ),
    "import.merge_target_missing": (
        "Välj vilken befintlig person raden ska slås ihop med.",
        "Choose which existing person the row is to be merged with.",
    ),
    "import.mixed_encodings": (
        "Filen blandar teckenkodningar. Spara den på nytt som CSV UTF-8.",
        "The file mixes character encodings. Save it again as CSV UTF-8.",
    ),
    "import.no_header": (
        "Filen saknar rubrikrad. Första raden ska innehålla kolumnnamnen, till exempel "
        "Förnamn och Efternamn.",
        "The file has no header row. The first row must hold the column names, for example "
        "First name and Last name.",
    ),
    "import.no_rows": (
        "Filen innehåller inga rader under rubrikraden.",
        "The file holds no rows below the header row.",
    ),
    "import.not_a_file": (
        "{name} är ingen vanlig fil (utan en mapp, en enhet eller en pipe) och kan inte "
        "importeras.",
        "{name} is not a regular file (but a folder, a device or a pipe) and cannot be imported.",
    ),
    "import.not_a_spreadsheet": (
        "Filen är inte ett kalkylblad. Spara den som CSV eller XLSX.",
        "The file is not a spreadsheet. Save it as CSV or XLSX.",
    ),
    "import.notes_without_key": (
        "Filen har anteckningar men du har ingen nyckel till din myndighets anteckningar. "
        "Ta bort kolumnen Anteckning eller be administratören.",
        "The file has notes but you have no key to your agency's notes. Remove the Note "
        "column or ask the administrator.",
    ),
    "import.old_excel": (
        "Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV.",
        "The file is an older Excel file (.xls). Save it as .xlsx or CSV.",
    ),
    "import.password_protected": (
        "Filen är lösenordsskyddad. Spara den utan lösenord och försök igen.",
        "The file is password protected. Save it without a password and try again.",
    ),
    "import.preset_damaged": (
        "Mallen för kolumner är skadad.",
        "The column template is damaged.",
    ),
    "import.problem_in_cell": (
        "rad {row}, {column}: {text}",
        "row {row}, {column}: {text}",
    ),
    "import.problem_in_row": (
        "rad {row}: {text}",
        "row {row}: {text}",
    ),
    "import.role_without_group": (
        "Roll är angiven utan gruppering.",
        "A role is given without a group.",
    ),
    "import.row_no_duplicate": (
        "Rad {row} har ingen möjlig dubblett att ta ställning till.",
        "Row {row} has no possible duplicate to decide on.",
    ),
    "import.texts_too_large": (
        "Filens texter är större än {limit} uppackade; den är ingen kartläggningslista.",
        "The file's texts are larger than {limit} unpacked; it is not a mapping list.",
    ),
    "import.too_many_cells": (
        "Filen har fler än {limit} celler. Dela upp den.",
        "The file has more than {limit} cells. Split it up.",
    ),
    "import.too_many_columns": (
        "Filen har fler än {limit} kolumner.",
        "The file has more than {limit} columns.",
    ),
    "import.too_many_parts": (
        "Filen innehåller fler än {limit} delar och är inget vanligt kalkylblad.",
        "The file holds more than {limit} parts and is not an ordinary spreadsheet.",
    ),
    "import.too_many_rows": (
        "Filen har fler än {limit} rader. Dela upp den.",
        "The file has more than {limit} rows. Split it up.",
    ),
    "import.unknown_field": (
        "Okänt fält i kolumnmappningen: {name}.",
        "Unknown field in the column mapping: {name}.",
    ),
    "import.unpacks_too_large": (
        "Filen packas upp till mer än {limit}; högst så mycket kan importeras. Dela upp den.",
        "The file unpacks to more than {limit}; at most that much can be imported. Split it up.",
    ),
    "import.unreadable": (
        "Filen {name} kunde inte läsas ({reason}).",
        "The file {name} could not be read ({reason}).",
    ),
    "import.unreadable_folder": (
        "Filen {name} kunde inte läsas: det är en mapp.",
        "The file {name} could not be read: it is a folder.",
    ),
    "import.unreadable_missing": (
        "Filen {name} kunde inte läsas: den finns inte.",
        "The file {name} could not be read: it does not exist.",
    ),
    "import.unreadable_permission": (
        "Filen {name} kunde inte läsas: Rondplan saknar behörighet till den.",
        "The file {name} could not be read: Rondplan is not permitted to read it.",
    ),
    "import.unresolved": (
        "Rätta felen och ta ställning till alla dubbletter före import.",
        "Correct the errors and decide on every duplicate before importing.",
    ),
    "import.value_too_long": (
        "Värdet är längre än {limit} tecken.",
        "The value is longer than {limit} characters.",
    ),
    "import.xlsx_unreadable": (
        "Filen kunde inte läsas som XLSX. Den kan vara skadad; spara den på nytt i Excel.",
        "The file could not be read as XLSX. It may be damaged; save it again in Excel.",
    ),
    "import.zip_bomb": (
        "Filen packas upp till mycket mer än den väger (som en så kallad zip-bomb) och "
        "importeras inte. Spara kalkylbladet på nytt i Excel.",
        "The file unpacks to far more than it weighs (a so-called zip bomb) and is not "
        "imported. Save the spreadsheet again in Excel.",
    ),
    "preset.name_missing": (
        "Ge kolumnmallen ett namn.",
        "Give the column template a name.",
    ),
    "preset.unknown": (
        "Det finns ingen kolumnmall som heter ”{name}”.",
        "There is no column template called “{name}”.",
    ),
    "preset.unreadable": (
        "Kolumnmallen kunde inte läsas.",
        "The column template could not be read.",
    ),
    "match.born": (
        "{name}, född {year}",
        "{name}, born {year}",
    ),
    "match.same_identity": (
        "samma personnummer",
        "the same personal identity number",
    ),
    "match.same_name_and_birth": (
        "samma namn och födelsedatum",
        "the same name and date of birth",
    ),
    "match.similar_name_same_birth": (
        "liknande namn och samma födelsedatum",
        "a similar name and the same date of birth",
    ),
    "match.similar_name": (
        "liknande namn",
        "a similar name",
    ),
}
