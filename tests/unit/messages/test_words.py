"""The words of the error codes read right in both languages (issue 18): one code from
each family, its Swedish and its English written out here, not taken from the catalogue."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.messages import error_words, words
from desktop.services.errors import NotFound, ValidationError
from desktop.store.errors import WrongPassword

CASES = [
    # (code, parameters, Swedish, English)
    ("record.not_found", {}, "Posten finns inte längre.", "The record no longer exists."),
    (
        "store.account_locked_until",
        {"until": "14:05:00"},
        "För många felaktiga försök. Vänta till 14:05:00 och försök igen.",
        "Too many failed attempts. Wait until 14:05:00 and try again.",
    ),
    (
        "name.too_long",
        {"limit": 200},
        "Namnet är för långt (högst 200 tecken).",
        "The name is too long (at most 200 characters).",
    ),
    ("operation.name_missing", {}, "Ge insatsen ett namn.", "Give the operation a name."),
    (
        "callin.line_too_long",
        {"limit": 200},
        "Rubrik och lokal får ha högst 200 tecken.",
        "The title and the venue may have at most 200 characters.",
    ),
    (
        "relation.ends_before_start",
        {},
        "Relationen kan inte sluta innan den började.",
        "The relation cannot end before it began.",
    ),
    (
        "import.too_many_rows",
        {"limit": 100_000},
        "Filen har fler än 100 000 rader. Dela upp den.",
        "The file has more than 100,000 rows. Split it up.",
    ),
    (
        "password.too_short",
        {"minimum": 12},
        "Lösenordet måste ha minst 12 tecken. Välj gärna en mening med flera ord.",
        "The password must have at least 12 characters. A sentence of several words is a "
        "good choice.",
    ),
    (
        "briefing.no_visits_at_all",
        {},
        "Teamet har inga besök i insatsen, så det finns inget att skriva ut.",
        "The team has no visits in the operation, so there is nothing to print.",
    ),
    (
        "cli.not_a_date",
        {"text": "2024-13-01"},
        "»2024-13-01« är inget datum; skriv det som ÅÅÅÅ-MM-DD",
        "“2024-13-01” is not a date; write it as YYYY-MM-DD",
    ),
]


@pytest.mark.parametrize(("code", "params", "swedish", "english"), CASES)
def test_each_family_reads_in_swedish_and_english(code, params, swedish, english) -> None:
    assert words(code, params, "sv") == swedish
    assert words(code, params, "en") == english


def test_an_error_carries_its_code_and_parameters_never_a_sentence() -> None:
    error = ValidationError("name.too_long", field="name", limit=200)
    assert str(error) == "name.too_long"  # a log line shows the code, not the words
    assert (error.code, error.field) == ("name.too_long", "name")
    assert dict(error.params) == {"limit": 200}
    assert error_words(error, "en") == "The name is too long (at most 200 characters)."
    assert error_words(NotFound(), "sv") == "Posten finns inte längre."
    assert error_words(WrongPassword(), "en") == "Wrong user name or password. Try again."


def test_dates_are_iso_in_both_languages_and_a_bug_has_no_words() -> None:
    day = dt.date(2026, 12, 7)
    assert words("value.yes_no", {}, "en") == "The value must be yes or no."
    assert words("cli.file_missing", {"name": day}, "en").endswith("2026-12-07")
    assert error_words(KeyError("x"), "en") is None
    # A code without words (a bug) still says something, with the code to report.
    assert words("no.such_code", {}, "en") == "The action could not be completed (no.such_code)."


def test_every_finding_of_the_log_check_is_worded_in_both_languages() -> None:
    from desktop.messages import CATALOGUE
    from desktop.services.security.audit import ChainProblem, ChainReport

    for problem in ChainProblem:
        assert ChainReport(5, problem, 3).code in CATALOGUE
    report = ChainReport(4, ChainProblem.CHANGED, 3)
    assert words(report.code, report.params, "en") == "entry 3 has been changed afterwards"
    assert ChainReport(1).message == "behandlingsloggen är hel (1 post)"
    found = words(report.code, report.params, "en")
    assert words("chain.alarm", {"finding": found}, "en") == (
        "Warning: entry 3 has been changed afterwards. The event is logged; "
        "contact an administrator."
    )


def test_a_restore_refusal_quotes_the_failed_check_in_the_readers_language() -> None:
    from desktop.messages import Phrase, error_words
    from desktop.services.security.backups import CheckLine, RestoreRejected

    line = CheckLine(
        "check.part.cipher", False, "check.pages_damaged_pages", {"count": 2, "pages": "3, 9"}
    )
    refused = RestoreRejected("backup.check_failed", name=Phrase(line.part), message=line)
    assert error_words(refused, "en") == (
        "The backup failed the check (encryption: 2 errors in the pages' checksums (pages 3, 9);"
        " the details are in the technical log. The database is damaged: do not use it and "
        "contact the person responsible for Rondplan.). Nothing has been replaced."
    )
    assert error_words(refused, "sv").startswith(
        "Säkerhetskopian klarade inte kontrollen (kryptering: 2 fel i sidornas kontrollsummor "
        "(sidorna 3, 9); detaljerna står i den tekniska loggen."
    )
