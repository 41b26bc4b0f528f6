"""Translations load, English translates, formats stay Swedish."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from desktop.views.i18n import (
    TRANSLATIONS_DIR,
    format_date,
    format_datetime,
    install_translators,
    iso_week,
    remove_translators,
)
from desktop.views.shell import page_title

# Contexts of the shell's own widgets; every string in them has English.
SHELL_CONTEXTS = {
    "AdministratorPage",
    "CrashDialog",
    "CrashHandler",
    "DatabasePage",
    "FirstRunWizard",
    "LoginDialog",
    "MainWindow",
    "NavigationList",
    "PlaceholderPage",
    "RecoveryPage",
    "ShellStatusBar",
    "Sidor",
    "WelcomePage",
}


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    remove_translators(qapp)
    QLocale.setDefault(QLocale.c())


def test_english_translates_a_known_string(app: QApplication) -> None:
    installed = install_translators(app, "en")
    assert len(installed) == 1  # no Qt Swedish for English
    assert QCoreApplication.translate("Sidor", "Personer") == "Persons"
    assert page_title("persons") == "Persons"


def test_swedish_loads_qt_translations_and_keeps_source_text(app: QApplication) -> None:
    install_translators(app, "en")
    install_translators(app, "sv")  # replaces the English translators
    assert page_title("persons") == "Personer"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"


@pytest.mark.parametrize(
    ("lang", "name", "december", "monday"),
    [("sv", "sv_SE", "december", "mån"), ("en", "en_SE", "December", "Mon")],
)
def test_formats_are_swedish_and_names_follow_the_language(
    app: QApplication, lang: str, name: str, december: str, monday: str
) -> None:
    """ISO dates, a 24-hour clock and Monday first whatever the language; month and
    weekday names in the interface's language (issue 18: they stayed Swedish)."""
    install_translators(app, lang)  # type: ignore[arg-type]
    locale = QLocale()
    assert locale.name() == name
    assert locale.firstDayOfWeek().name == "Monday"
    assert locale.dateFormat(QLocale.FormatType.ShortFormat) == "yyyy-MM-dd"
    assert locale.timeFormat(QLocale.FormatType.ShortFormat) == "HH:mm"
    assert locale.standaloneMonthName(12) == december
    assert locale.dayName(1, QLocale.FormatType.ShortFormat).rstrip(".") == monday


def test_unknown_language_is_refused(app: QApplication) -> None:
    with pytest.raises(ValueError):
        install_translators(app, "de")  # type: ignore[arg-type]


def test_format_helpers() -> None:
    assert format_date(dt.date(2026, 3, 9)) == "2026-03-09"
    assert format_datetime(dt.datetime(2026, 3, 9, 17, 5, 59)) == "2026-03-09 17:05"
    assert iso_week(dt.date(2026, 1, 1)) == 1
    assert iso_week(dt.date(2027, 1, 1)) == 53
    assert iso_week(dt.date(2024, 12, 30)) == 1


def test_shell_strings_all_have_english() -> None:
    root = ET.parse(TRANSLATIONS_DIR / "rondplan_en.ts").getroot()
    missing = []
    for context in root.iter("context"):
        if context.findtext("name") not in SHELL_CONTEXTS:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                missing.append(message.findtext("source"))
    assert missing == []
