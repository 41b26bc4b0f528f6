"""The English interface is complete: every message translated, key strings right.

Mirrors ``tools/update_translations.py --check``: lupdate is run over the
current sources into a copy of ``rondplan_en.ts``, so a Swedish string added
without English fails here, not only in a stale catalogue.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.models.enums import VisitStatus
from desktop.views.i18n import TRANSLATIONS_DIR, install_translators, remove_translators

ROOT = Path(__file__).resolve().parents[2]
EN_TS = TRANSLATIONS_DIR / "rondplan_en.ts"
SV_TS = TRANSLATIONS_DIR / "rondplan_sv.ts"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _load_tool()


def _problems(ts_file: Path, plural_only: bool = False) -> list[str]:
    """Returns "context: source" for each message without a usable translation."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            numerus = message.get("numerus") == "yes"
            if plural_only and not numerus:
                continue
            translation = message.find("translation")
            if numerus:
                forms = [] if translation is None else list(translation.iter("numerusform"))
                texts = [f.text for f in forms]
                # English (and Swedish) have a singular and a plural.
                good = len(texts) == 2 and all(t and t.strip() for t in texts)
            else:
                text = None if translation is None else translation.text
                good = bool(text and text.strip())
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                good = False
            if not good:
                found.append(f"{name}: {message.findtext('source')}")
    return found


def test_every_english_message_in_the_catalogue_is_finished() -> None:
    assert _problems(EN_TS) == []


def test_every_swedish_plural_message_has_singular_and_plural() -> None:
    assert _problems(SV_TS, plural_only=True) == []


def test_current_sources_have_no_string_without_english(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate is part of PySide6"
    ts = tmp_path / "rondplan_en.ts"
    shutil.copy(EN_TS, ts)
    files = [str(p) for p in TOOL.sources()] + [str(TOOL.HELPER_STRINGS)]
    subprocess.run(
        [tool, "-silent", "-no-obsolete", "-source-language", "sv_SE",
         "-target-language", "en_GB", *files, "-ts", str(ts)],
        check=True,
    )  # fmt: skip
    assert _problems(ts) == [], "run python tools/update_translations.py and translate"


def test_helper_strings_are_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = tmp_path / "helper_strings.py"
    monkeypatch.setattr(TOOL, "HELPER_STRINGS", fresh)
    TOOL.write_helper_strings()
    committed = (TRANSLATIONS_DIR / "helper_strings.py").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == committed


@pytest.fixture
def english_ui(qapp: QApplication) -> Iterator[QApplication]:
    installed = install_translators(qapp, "en")
    assert installed, "rondplan_en.qm loads"
    yield qapp
    remove_translators(qapp)
    QLocale.setDefault(QLocale.c())


def _tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


@pytest.mark.parametrize(
    ("context", "swedish", "english"),
    [
        ("Sidor", "Personer", "Persons"),
        ("Sidor", "Grupperingar", "Groups"),
        ("Sidor", "Insatser", "Operations"),
        ("Sidor", "Kalender", "Calendar"),
        ("Sidor", "Stormöten", "Call-ins"),
        ("Sidor", "Stöd", "Support"),
        ("Sidor", "Uppföljning", "Follow-up"),
        ("Sidor", "Statistik", "Statistics"),
        ("Sidor", "Administration", "Administration"),
        ("LoginDialog", "Logga in", "Log in"),
        ("Session", "Skriv ut &genomgångsunderlag…", "Print &briefing packet…"),
        ("BriefingDialog", "Skriv ut genomgångsunderlag", "Print briefing packet"),
        ("AdminPage", "Behandlingslogg", "Audit log"),
        ("Etiketter", "Kriminalvården", "Prison and Probation Service"),
        ("Etiketter", "Samordnare", "Coordinator"),
    ],
)
def test_key_strings_translate(
    english_ui: QApplication, context: str, swedish: str, english: str
) -> None:
    assert _tr(context, swedish) == english


def test_plurals_follow_the_count(english_ui: QApplication) -> None:
    assert _tr("PersonsPage", "%n personer", 1) == "1 person"
    assert _tr("PersonsPage", "%n personer", 7) == "7 persons"


def test_strings_behind_helpers_translate(english_ui: QApplication) -> None:
    from desktop.views.calendar.style import status_text

    assert status_text(VisitStatus.CANCELLED) == "Cancelled"


def test_swedish_catalogue_gives_swedish_plurals(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(SV_TS.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert _tr("PersonsPage", "%n personer", 1) == "1 person"
        assert _tr("PersonsPage", "%n personer", 3) == "3 personer"
        # Everything else stays the Swedish source text.
        assert _tr("Sidor", "Personer") == "Personer"
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("context", "source", "one", "many"),
    [
        ("SupportPage", "%n remisser", "1 remiss", "3 remisser"),
        ("RetentionTab", "Gallringen raderade %n poster.", "Gallringen raderade 1 post.", None),
        ("CallInDetailWidget", "%n inbjudna", "1 inbjuden", "3 inbjudna"),
        ("GroupsPage", "%n grupperingar", "1 gruppering", "3 grupperingar"),
        ("PreviewPage", "%n möjliga dubbletter", "1 möjlig dubblett", "3 möjliga dubbletter"),
    ],
)
def test_counts_read_right_in_swedish(
    qapp: QApplication, context: str, source: str, one: str, many: str | None
) -> None:
    translator = QTranslator()
    assert translator.load(str(SV_TS.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert _tr(context, source, 1) == one
        assert _tr(context, source, 3) == (many or source.replace("%n", "3"))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_counts_read_right_in_english(english_ui: QApplication) -> None:
    assert _tr("SupportPage", "%n remisser", 1) == "1 referral"
    assert _tr("RetentionTab", "%n personer väntar på granskning.", 1) == "1 person awaits review."
    assert _tr("RetentionTab", "%n personer väntar på granskning.", 2) == "2 persons await review."
