"""The one catalogue of words for the core's error codes, in Swedish and English.

Issue 18 (STYLE §14, §19): the core raises codes with parameters
(``ValidationError("operation.name_missing")``); this package is the one mapping from a
code to words. The views reach it through ``desktop.views.errors_text.error_text``
(the interface language), the command line through ``--lang``. Plain Python, no Qt: the
command line never loads Qt for a subcommand.

Each family module holds ``WORDS``: code → ``(swedish, english)``, templates filled with
``str.format`` from the error's parameters. ``tests/unit/messages`` checks that every
code the core raises is here, in both languages, with the parameters its raise passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from desktop.messages import (
    audit,
    briefing,
    check,
    cli,
    cli_report,
    definitions,
    domain,
    engagement,
    importing,
    incidents,
    mapping,
    operations,
    paper,
    planning,
    report,
    research,
    security,
    store,
    terms,
    validation,
)

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")

#: code → (Swedish, English). Built once from the family modules; a code is in one only.
CATALOGUE: dict[str, tuple[str, str]] = {}
for _family in (
    domain,
    audit,
    cli,
    cli_report,
    store,
    validation,
    operations,
    planning,
    engagement,
    mapping,
    importing,
    security,
    briefing,
    incidents,
    check,
    definitions,
    terms,
    report,
    paper,
    research,
):
    for _code, _words in _family.WORDS.items():
        if _code in CATALOGUE:
            raise RuntimeError(f"error code {_code} is worded twice")
        CATALOGUE[_code] = _words

_UNKNOWN = (
    "Åtgärden kunde inte utföras ({code}).",
    "The action could not be completed ({code}).",
)


@dataclass(frozen=True)
class Phrase:
    """Words still to be chosen: a code with its parameters, worded where it is shown
    (in the language of the one who reads it). A parameter may be a phrase itself."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)


def _shown(value: object, lang: Language) -> str:
    """A parameter as the words show it: a phrase (anything with a code and parameters)
    in words, dates in ISO form in both languages, large numbers grouped by thousands
    (10 000, 10,000)."""
    code, params = getattr(value, "code", None), getattr(value, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        return words(code, params, lang)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:_}".replace("_", " ") if lang == "sv" else f"{value:,}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def words(code: str, params: Mapping[str, object], lang: Language = "sv") -> str:
    """The sentence for ``code`` in ``lang``, its parameters filled in."""
    pair = CATALOGUE.get(code)
    if pair is None:
        if " " in code:
            # Not yet converted: an old core sentence (Swedish) passed as the code.
            return code
        return _UNKNOWN[lang == "en"].format(code=code)
    template = pair[lang == "en"]
    return template.format(**{name: _shown(value, lang) for name, value in params.items()})


def counted(n: int, code: str, lang: Language = "sv") -> str:
    """``n`` with its noun in ``lang``: the code's words hold the singular and the plural
    (``"{n} rad|{n} rader"``)."""
    one, many = words(code, {"n": n}, lang).split("|")
    return one if n == 1 else many


def error_words(error: BaseException, lang: Language = "sv") -> str | None:
    """The sentence for a known error (a ``DomainError`` or ``StoreError``), None for a bug."""
    code = getattr(error, "code", None)
    params = getattr(error, "params", None)
    if not isinstance(code, str) or not isinstance(params, Mapping):
        return None
    return words(code, params, lang)


class Worded(Protocol):
    """What carries a code to word: an error, or a problem of an import file."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, object]: ...


class PlacedProblem(Worded, Protocol):
    """A problem of an import file (``services.importing.Problem``) with its place."""

    @property
    def row_number(self) -> int: ...

    @property
    def column(self) -> str | None: ...


def problem_words(problem: PlacedProblem, lang: Language = "sv") -> str:
    """One problem of an import file (``services.importing.Problem``) with its place:
    ``rad 4, Personnummer: Personnumrets kontrollsiffra stämmer inte.``"""
    text = words(problem.code, problem.params, lang)
    row, column = problem.row_number, problem.column
    if column:
        return words("import.problem_in_cell", {"row": row, "column": column, "text": text}, lang)
    return words("import.problem_in_row", {"row": row, "text": text}, lang)


def language(text: str | None) -> Language:
    """``"en"`` for English, ``"sv"`` for anything else (Swedish first)."""
    return "en" if text == "en" else "sv"
