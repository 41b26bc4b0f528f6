"""Translatable titles of Rondplan's pages, for the composition root to use.

The main window does not know its pages; ``app.py`` builds the
``PageSpec`` list and takes the titles from here so that lupdate finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.vocabulary import QT_TRANSLATE_NOOP

_CONTEXT = "Sidor"

PAGE_TITLES: dict[str, str] = {
    "persons": QT_TRANSLATE_NOOP("Sidor", "Personer"),
    "groups": QT_TRANSLATE_NOOP("Sidor", "Grupperingar"),
    "operations": QT_TRANSLATE_NOOP("Sidor", "Insatser"),
    "calendar": QT_TRANSLATE_NOOP("Sidor", "Kalender"),
    "call_ins": QT_TRANSLATE_NOOP("Sidor", "Stormöten"),
    "support": QT_TRANSLATE_NOOP("Sidor", "Stöd"),
    "follow_up": QT_TRANSLATE_NOOP("Sidor", "Uppföljning"),
    "incidents": QT_TRANSLATE_NOOP("Sidor", "Händelser"),
    "statistics": QT_TRANSLATE_NOOP("Sidor", "Statistik"),
    "administration": QT_TRANSLATE_NOOP("Sidor", "Administration"),
}


def page_title(key: str) -> str:
    """Returns the translated title of page ``key`` (KeyError for an unknown key)."""
    return QCoreApplication.translate(_CONTEXT, PAGE_TITLES[key])
