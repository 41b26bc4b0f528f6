"""Translations and Swedish formats: Swedish first, English second.

Source strings in the code are Swedish (``self.tr("Personer")``);
``rondplan_sv.qm`` is mostly identity and ``rondplan_en.qm`` holds the English.
Dates and times keep Swedish formats (ISO dates, 24-hour clock, Monday first)
whatever the interface language, because the programme's paperwork is Swedish; the
names of months and weekdays follow the interface language (English (Sweden) under
English: "December", "Mon", still Monday first and a 24-hour clock).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resources_dir

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")

TRANSLATIONS_DIR = resources_dir() / "translations"

# Timestamps are stored as naive UTC; people read and filter in Swedish wall time.
LOCAL_ZONE = ZoneInfo("Europe/Stockholm")

# Marks the translators this module installed, so a language switch can
# remove exactly those and nothing another component added.
TRANSLATOR_MARK = _MARK = "rondplan-translator"


def swedish_locale() -> QLocale:
    """Returns the locale Rondplan formats with under Swedish: sv_SE."""
    return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def interface_locale(lang: Language) -> QLocale:
    """The locale of ``lang``'s interface: sv_SE, or English (Sweden), en_SE.

    Issue 18: under English, month and weekday names stayed Swedish ("december",
    "mån"). en_SE names them in English and keeps Sweden's week and clock.
    """
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.Sweden)
    return swedish_locale()


def install_translators(
    app: QCoreApplication,
    lang: Language,
    translations_dir: Path = TRANSLATIONS_DIR,
) -> list[QTranslator]:
    """Installs Qt's and Rondplan's translators for ``lang``; replaces earlier ones.

    Args:
        app: The application; the translators become its children.
        lang: ``"sv"`` or ``"en"``.
        translations_dir: Folder holding ``rondplan_<lang>.qm``.

    Returns:
        The translators installed (kept alive by ``app``).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    remove_translators(app)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own dialogs (buttons, file dialogs, context menus) in Swedish;
    # English needs nothing, the Qt sources are English.
    candidates = [(f"qtbase_{lang}", qt_dir)] if lang != "en" else []
    candidates.append((f"rondplan_{lang}", str(translations_dir)))
    for name, folder in candidates:
        translator = QTranslator(app)
        translator.setObjectName(_MARK)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            installed.append(translator)
        else:
            translator.setParent(None)
    QLocale.setDefault(interface_locale(lang))
    return installed


def remove_translators(app: QCoreApplication) -> None:
    """Removes the translators :func:`install_translators` put on ``app``."""
    for old in app.findChildren(QTranslator, _MARK):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()


def format_date(d: dt.date) -> str:
    """Returns ``d`` as an ISO date, ``2026-03-09``."""
    return d.strftime("%Y-%m-%d")


def format_datetime(value: dt.datetime) -> str:
    """Returns ``value`` as ``2026-03-09 17:05`` (24-hour clock, no seconds)."""
    return value.strftime("%Y-%m-%d %H:%M")


def iso_week(d: dt.date) -> int:
    """Returns the ISO 8601 week number, the one Swedish calendars print."""
    return d.isocalendar().week


def utc_to_local(value: dt.datetime) -> dt.datetime:
    """Returns a stored naive-UTC timestamp as naive Stockholm wall time."""
    return value.replace(tzinfo=dt.UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def local_day_to_utc_range(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Returns the Stockholm calendar day ``day`` as naive-UTC ``[start, end)``.

    The range is 23 or 25 hours long on the days summer time starts or ends.
    """

    def midnight(d: dt.date) -> dt.datetime:
        local = dt.datetime.combine(d, dt.time(), tzinfo=LOCAL_ZONE)
        return local.astimezone(dt.UTC).replace(tzinfo=None)

    return midnight(day), midnight(day + dt.timedelta(days=1))
