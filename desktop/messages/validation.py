"""Words for the validation error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "account.admin_name_missing": (
        "Ange administratörens namn.",
        "Give the administrator's name.",
    ),
    "account.display_name_missing": (
        "Ange namnet som visas.",
        "Give the name to be shown.",
    ),
    "category.unknown": (
        "Okänd kategori ”{category}”. Använd misstänkt, dömd, brottsoffer, anhörig eller övrig.",
        "Unknown category “{category}”. Use suspect, convicted, victim, relative or other.",
    ),
    "date.format": (
        "Datumet ska skrivas ÅÅÅÅ-MM-DD.",
        "Write the date as YYYY-MM-DD.",
    ),
    "date.in_future": (
        "Datumet ligger i framtiden.",
        "The date lies in the future.",
    ),
    "date.not_in_calendar": (
        "Datumet finns inte i kalendern.",
        "The date is not in the calendar.",
    ),
    "demo.database_exists": (
        "Databasen finns redan. Ange administratör och återställningskod för att fylla den "
        "med demodata.",
        "The database already exists. Give the administrator and the recovery code to fill "
        "it with demo data.",
    ),
    "demo.database_not_empty": (
        "Databasen innehåller redan personer; demodata läggs bara i en tom.",
        "The database already holds persons; demo data goes only into an empty one.",
    ),
    "key.rotation_on_server": (
        "På servern finns ingen filnyckel att byta; nycklarna i avdelningarna byts inte.",
        "The server has no file key to rotate; the compartment keys are not rotated.",
    ),
    "name.control_chars": (
        "Namnet får inte innehålla radbrytningar eller styrtecken.",
        "The name must not contain line breaks or control characters.",
    ),
    "name.missing": (
        "Ange namnet.",
        "Give the name.",
    ),
    "name.too_long": (
        "Namnet är för långt (högst {limit} tecken).",
        "The name is too long (at most {limit} characters).",
    ),
    "period.end_before_start": (
        "Slutdatum ligger före startdatum.",
        "The end date lies before the start date.",
    ),
    "period.end_before_start_stats": (
        "Periodens slut ligger före dess början.",
        "The period's end lies before its beginning.",
    ),
    "period.too_long_years": (
        "Perioden får vara högst {years} år lång.",
        "The period may be at most {years} years long.",
    ),
    "phone.chars": (
        "Telefonnumret får bara innehålla siffror och +.",
        "The phone number may contain only digits and +.",
    ),
    "phone.digit_count": (
        "Telefonnumret har fel antal siffror.",
        "The phone number has the wrong number of digits.",
    ),
    "phone.prefix": (
        "Telefonnumret ska börja med 0 eller +, till exempel 070-123 45 67.",
        "The phone number must begin with 0 or +, for example 070-123 45 67.",
    ),
    "pnr.birth_in_future": (
        "Personnumrets födelsedatum ligger i framtiden.",
        "The personal identity number's date of birth lies in the future.",
    ),
    "pnr.checksum": (
        "Personnumrets kontrollsiffra stämmer inte.",
        "The personal identity number's check digit is wrong.",
    ),
    "pnr.format": (
        "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.",
        "Write the personal identity number as YYYYMMDD-NNNN or YYMMDD-NNNN.",
    ),
    "pnr.no_date": (
        "Personnumret innehåller inget giltigt datum.",
        "The personal identity number holds no valid date.",
    ),
    "pnr.plus_needs_short_year": (
        "Plustecken används bara när året skrivs med två siffror.",
        "The plus sign is used only when the year is written with two digits.",
    ),
    "pnr.serial_zero": (
        "Personnumrets födelsenummer 000 finns inte.",
        "The personal identity number's birth number 000 does not exist.",
    ),
    "postcode.format": (
        "Postnumret ska ha fem siffror, till exempel 211 45.",
        "The postcode must have five digits, for example 211 45.",
    ),
    "postcode.leading_zero": (
        "Svenska postnummer börjar inte med 0.",
        "Swedish postcodes do not begin with 0.",
    ),
    "stats.no_persons_behind": (
        "Det finns inga personer bakom det här talet.",
        "There are no persons behind this figure.",
    ),
    "text.too_long": (
        "Texten får ha högst {limit} tecken.",
        "The text may have at most {limit} characters.",
    ),
    "username.bad_chars": (
        "Användarnamnet får bara innehålla a–z, siffror, punkt, bindestreck och understreck.",
        "The user name may contain only a–z, digits, full stop, hyphen and underscore.",
    ),
    "username.too_long": (
        "Användarnamnet är för långt (högst {limit} tecken).",
        "The user name is too long (at most {limit} characters).",
    ),
    "value.yes_no": (
        "Värdet ska vara ja eller nej.",
        "The value must be yes or no.",
    ),
}
