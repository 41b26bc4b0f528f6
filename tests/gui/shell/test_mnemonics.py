"""Alt shortcuts do not clash (issue 18: Alt+G and Alt+S each meant two things).

On every page of every role's main window, each Alt+letter shown at the same time (the
menu bar's, the page's buttons, labels with buddies, tabs and check boxes) belongs to
one control only, so the keyboard reaches what the underline promises. In Swedish and in
English: the English words put the underlines elsewhere (Alt+E was 'Ar&eas' and the
'T&eam' tab, Alt+G the Go to menu and 'Chan&ge visit…', Alt+V the View menu and 'To re&view').
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget, QWidget

from desktop.app import Session
from desktop.views.i18n import install_translators, remove_translators
from desktop.views.settings import Settings
from tests.factories import fresh_with_users, login

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    fresh = fresh_with_users(tmp_path_factory.mktemp("mnemonics"))
    fresh.admin.lock()
    return fresh


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _shown_mnemonics(window: QWidget) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        letter = _letter(action.text())
        if letter and action.isVisible():
            owners[letter].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        texts: list[str] = []
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        for text in texts:
            letter = _letter(text)
            if letter:
                owners[letter].append(f"{type(widget).__name__} {text!r}")
    return owners


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "username",
    ["coordinator_social", "team_lead_police", "officer_police", "auditor_social", "admin"],
)
def test_no_two_controls_shown_together_share_an_alt_letter(
    qtbot, qapp, database, tmp_path, username, lang
):
    """In English too: its words put the underlines on other letters."""
    assert install_translators(qapp, lang)
    try:
        clashes = _clashes_of(qtbot, database, tmp_path, username)
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
    assert clashes == []


def _clashes_of(qtbot, database, tmp_path, username) -> list[str]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    session = Session(login(database.path, username), settings, "test.db")
    qtbot.addWidget(session.window)
    session.window.resize(1400, 900)
    session.window.show()
    clashes = []
    for key in session.window.page_keys():
        session.window.show_page(key)
        views = [key]
        tab_widgets = [
            t for t in session.window.page_widget(key).findChildren(QTabWidget) if t.isVisible()
        ]
        for tabs in tab_widgets:  # every tab of the page, as the user would open it
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                views.append(f"{key}/{tabs.tabText(index)}")
                for letter, owners in _shown_mnemonics(session.window).items():
                    if len(owners) > 1:
                        clashes.append(f"{views[-1]}: Alt+{letter.upper()} → {', '.join(owners)}")
        for letter, owners in _shown_mnemonics(session.window).items():
            if len(owners) > 1:
                clashes.append(f"{key}: Alt+{letter.upper()} → {', '.join(owners)}")
    session.close()
    return clashes
