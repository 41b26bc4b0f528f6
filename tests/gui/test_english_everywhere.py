"""Every word the interface asks Qt to translate has English (issue 18).

lupdate finds only literal strings; a word handed to ``QCoreApplication.translate`` from a
table or a variable reaches the screen in Swedish under English unless it was marked. A
spy translator, installed after the English one, is asked first for every translation
the running interface requests; each text it hears while every page and tab of every
role's window is shown on demo data must have a finished English translation, in one of
the contexts it was asked in, in ``rondplan_en.ts``, read here straight from the file.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QTabWidget

from desktop.app import Session
from desktop.services.demo import DEMO_PASSWORD, generate_demo
from desktop.store.database import LockedDatabase
from desktop.views.i18n import TRANSLATIONS_DIR, install_translators, remove_translators
from desktop.views.settings import Settings

TODAY = dt.date(2026, 11, 18)
ROLES = ["samordnare.polis", "teamledare.soc", "handlaggare.kriminalvarden", "granskare", "admin"]
_WORD = re.compile(r"[A-Za-zÅÄÖåäö]{2}")
# Qt's own classes ask in English (QShortcut, QTabBar, ...): not Rondplan's words.
_QT_OWN = re.compile(r"Q[A-Z][A-Za-z]+$")


def _english_catalogue() -> set[tuple[str, str]]:
    """(context, source) of every finished English message in the committed catalogue."""
    done = set()
    root = ET.parse(TRANSLATIONS_DIR / "rondplan_en.ts").getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            if translation.text or translation.findall("numerusform"):
                done.add((name, message.findtext("source") or ""))
    return done


class _Spy(QTranslator):
    """Hears every translation request and answers none (the next translator does)."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        self.heard.add((str(context), str(source)))
        return None  # a null string: Qt asks the next translator

    def isEmpty(self) -> bool:
        return False


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    return generate_demo(tmp_path_factory.mktemp("english") / "demo.db", seed=7, today=TODAY)


@pytest.fixture
def spy(qapp: QApplication) -> Iterator[_Spy]:
    assert install_translators(qapp, "en"), "rondplan_en.qm loads"
    listening = _Spy()
    QCoreApplication.installTranslator(listening)
    yield listening
    QCoreApplication.removeTranslator(listening)
    remove_translators(qapp)
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def logged_in(qtbot, demo, tmp_path) -> Iterator[Callable[[str], Session]]:
    """Logs a demo user in; the session is closed after the test, so its idle timer
    cannot lock a later test's windows."""
    sessions: list[Session] = []

    def log_in(username: str) -> Session:
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        store = LockedDatabase(demo.path).unlock(username, DEMO_PASSWORD)
        session = Session(store, settings, "demo.db")
        qtbot.addWidget(session.window)
        sessions.append(session)
        return session

    yield log_in
    for session in sessions:
        session.close()


@pytest.mark.parametrize("username", ROLES)
def test_every_word_shown_has_english(qtbot, logged_in, spy, username) -> None:
    session = logged_in(username)
    session.window.resize(1400, 900)
    session.window.show()
    for key in session.window.page_keys():
        session.window.show_page(key)
        qtbot.wait(20)
        page = session.window.page_widget(key)
        for tabs in [t for t in page.findChildren(QTabWidget) if t.isVisible()]:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                qtbot.wait(20)
    qtbot.wait(300)  # background reads (statistics, calendars) fill their tables
    catalogue = _english_catalogue()
    # PySide's ``self.tr`` asks in the context of each class of the object's hierarchy in
    # turn, until one answers: a word is missing when no context it was asked in has it.
    asked: dict[str, set[str]] = defaultdict(set)
    for context, source in spy.heard:
        if _WORD.search(source) and not _QT_OWN.match(context):
            asked[source].add(context)
    missing = sorted(
        f"{' / '.join(sorted(contexts))}: {source}"
        for source, contexts in asked.items()
        if not any((context, source) in catalogue for context in contexts)
    )
    assert spy.heard, "the spy heard the interface"
    assert not missing, "shown in Swedish under English:\n" + "\n".join(missing)


def test_conflict_dialog_names_the_fields_in_english(qtbot, spy) -> None:
    import dataclasses

    from PySide6.QtWidgets import QLabel

    from desktop.services.conflicts import ConflictRecord
    from desktop.views.server.conflict_dialog import PERSON_LABELS, ConflictDialog

    fields = ("first_name", "interpreter_need", "at_risk_victim", "review_date")
    Mine = dataclasses.make_dataclass("Mine", fields)
    mine = Mine("Ali", True, True, "2027-01-01")
    theirs = ConflictRecord(
        "person", 1, 2, dict(zip(fields, ("Aly", False, False, ""), strict=True))
    )
    dialog = ConflictDialog(mine, theirs, PERSON_LABELS)
    qtbot.addWidget(dialog)
    shown = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"First name", "Needs an interpreter", "At risk of being shot", "Review by"} <= shown
    assert not shown & {"Förnamn", "Behöver tolk", "Risk att utsättas", "Omprövas"}


def test_the_plan_dates_carry_the_english_week(qtbot, logged_in, spy) -> None:
    from desktop.views.calendar.agenda import AgendaColumn, AgendaTableModel

    session = logged_in("samordnare.polis")
    session.window.show()
    session.window.show_page("operations")
    page = session.window.page_widget("operations")
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: any(m.rowCount() for m in page.findChildren(AgendaTableModel)))
    models = [m for m in page.findChildren(AgendaTableModel) if m.rowCount()]
    date = models[0].data(models[0].index(0, AgendaColumn.DATE))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \(wk \d+\)", date), date


def test_a_call_in_is_held_at_an_english_time(qtbot, logged_in, spy) -> None:
    from desktop.views.callins.detail import CallInDetailWidget

    session = logged_in("samordnare.polis")
    session.window.show()
    session.window.show_page("call_ins")
    page = session.window.page_widget("call_ins")
    (detail,) = page.findChildren(CallInDetailWidget)
    qtbot.waitUntil(lambda: bool(detail.heading.text()))
    assert re.match(r"\d{4}-\d\d-\d\d at \d\d:\d\d · ", detail.heading.text()), (
        detail.heading.text()
    )
