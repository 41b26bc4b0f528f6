"""The views' words for a core error: the one catalogue, in the interface's language.

Issue 18: the core raises codes (``DomainError``, ``StoreError``); every view that shows
an error asks here. The words live in ``desktop.messages`` (Swedish and English side by
side, shared with the command line); the language is the one ``i18n.install_translators``
installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.messages import (
    Language,
    PlacedProblem,
    Worded,
    error_words,
    problem_words,
    words,
)
from desktop.views.i18n import TRANSLATOR_MARK


def interface_language() -> Language:
    """``"en"`` when the English translations are installed (``i18n.install_translators``),
    else ``"sv"``: the errors follow exactly what Qt Linguist translates, Swedish first."""
    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator, TRANSLATOR_MARK):
            if translator.language().startswith("en"):
                return "en"
    return "sv"


def known_error_text(error: BaseException) -> str | None:
    """The words for a known error (domain or storage), None for anything else (a bug)."""
    return error_words(error, interface_language())


def error_text(error: BaseException) -> str:
    """The words for a known error; a generic sentence with its code for anything else."""
    text = known_error_text(error)
    if text is not None:
        return text
    return words(type(error).__name__, {}, interface_language())


def alarm_text(finding: Worded) -> str:
    """The user's warning of what the login's check of the log found (``chain.…``)."""
    lang = interface_language()
    found = words(finding.code, finding.params, lang)
    return words("chain.alarm", {"finding": found}, lang)


def problem_text(problem: Worded) -> str:
    """The words for one problem of an import file (``services.importing.Problem``)."""
    return words(problem.code, problem.params, interface_language())


def phrase_text(phrase: Worded) -> str:
    """The words of anything that carries a code and parameters (a planner's refusal,
    a reason an import row resembles a person) in the interface language."""
    return words(phrase.code, phrase.params, interface_language())


def problem_place_text(problem: PlacedProblem) -> str:
    """The problem with its row and column: ``row 4, Personnummer: …``."""
    return problem_words(problem, interface_language())
