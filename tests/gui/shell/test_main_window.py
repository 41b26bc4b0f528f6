"""The main window: pages from the caller, lazy creation, shortcuts, actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.views.i18n import install_translators, remove_translators
from desktop.views.shell import MainWindow, PageSpec, PlaceholderPage, StatusInfo

TITLES = ["Personer", "Grupperingar", "Insatser", "Kalender", "Stormöten"]
# The offscreen platform cannot resize windows to their size hints and says so;
# on a real desktop the message does not occur.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

STATUS = StatusInfo("Anna Berg", "Samordnare", "Polisen", "C:/data/rondplan.db")


class Factory:
    """Counts how often each page is built."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def page(self, key: str) -> PageSpec:
        def build() -> QWidget:
            self.calls.append(key)
            return QLabel(f"page {key}")

        index = len(self.calls) + TITLES.index(key) + 1
        return PageSpec(key, key, None, build, f"Ctrl+{index}")


@pytest.fixture
def built(qtbot: QtBot) -> tuple[MainWindow, Factory]:
    factory = Factory()
    window = MainWindow([factory.page(t) for t in TITLES], STATUS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, factory


def test_shows_all_pages_and_builds_only_the_first(built: tuple[MainWindow, Factory]) -> None:
    window, factory = built
    navigation = window.findChild(QWidget, "navigation")
    assert [navigation.item(i).text() for i in range(navigation.count())] == TITLES
    assert window.current_page_key() == "Personer"
    assert factory.calls == ["Personer"]
    assert window.page_widget("Kalender") is None


def test_first_paint_is_announced_once(qtbot: QtBot) -> None:
    factory = Factory()
    window = MainWindow([factory.page(t) for t in TITLES], STATUS)
    qtbot.addWidget(window)
    painted: list[bool] = []
    window.first_painted.connect(lambda: painted.append(True))
    assert not painted
    with qtbot.waitSignal(window.first_painted, timeout=2000):
        window.show()
    window.repaint()
    qtbot.wait(20)
    assert painted == [True]


def test_navigation_switches_and_builds_each_page_once(
    built: tuple[MainWindow, Factory], qtbot: QtBot
) -> None:
    window, factory = built
    navigation = window.findChild(QWidget, "navigation")
    with qtbot.waitSignal(window.page_changed) as changed:
        navigation.setCurrentRow(3)
    assert changed.args == ["Kalender"]
    assert window.page_widget("Kalender").isVisible()
    navigation.setCurrentRow(0)
    navigation.setCurrentRow(3)
    assert factory.calls == ["Personer", "Kalender"]


def test_keyboard_moves_through_the_navigation(
    built: tuple[MainWindow, Factory], qtbot: QtBot
) -> None:
    window, _ = built
    navigation = window.findChild(QWidget, "navigation")
    navigation.setFocus()
    qtbot.keyClick(navigation, Qt.Key.Key_Down)
    assert window.current_page_key() == "Grupperingar"
    qtbot.keyClick(navigation, Qt.Key.Key_End)
    assert window.current_page_key() == "Stormöten"


def test_page_shortcuts(built: tuple[MainWindow, Factory], qtbot: QtBot) -> None:
    window, _ = built
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.page_actions["Insatser"].shortcut().toString() == "Ctrl+3"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "Insatser"
    navigation = window.findChild(QWidget, "navigation")
    assert navigation.currentItem().text() == "Insatser"


def test_lock_shortcut_emits(built: tuple[MainWindow, Factory], qtbot: QtBot) -> None:
    window, _ = built
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_quit_emits_and_closes(built: tuple[MainWindow, Factory], qtbot: QtBot) -> None:
    window, _ = built
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    with qtbot.waitSignal(window.quit_requested, timeout=1000):
        window.quit_action.trigger()
    assert not window.isVisible()


def test_language_and_theme_choices_emit(built: tuple[MainWindow, Factory], qtbot: QtBot) -> None:
    window, _ = built
    window.set_language("sv")
    window.set_theme("light")
    with qtbot.waitSignal(window.language_changed) as language:
        window.language_actions["en"].trigger()
    assert language.args == ["en"]
    with qtbot.waitSignal(window.theme_changed) as theme:
        window.theme_actions["dark"].trigger()
    assert theme.args == ["dark"]
    assert [a.text() for a in window.language_actions.values()] == ["Svenska", "English"]


def test_status_bar_shows_who_and_where(built: tuple[MainWindow, Factory]) -> None:
    window, _ = built
    text = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    for part in ("Anna Berg", "Samordnare", "Polisen", "C:/data/rondplan.db"):
        assert part in text
    window.set_status(StatusInfo("Bo Ek", "Granskare", "Socialtjänsten", "server"))
    text = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "Bo Ek" in text and "Anna Berg" not in text


def test_page_titles_can_be_renamed(built: tuple[MainWindow, Factory]) -> None:
    window, _ = built
    window.set_page_titles({"Personer": "Persons"})
    navigation = window.findChild(QWidget, "navigation")
    assert navigation.item(0).text() == "Persons"
    assert window.page_actions["Personer"].text() == "Persons"


def test_duplicate_or_missing_pages_are_refused(qtbot: QtBot) -> None:
    page = PageSpec("a", "A", None, QWidget)
    with pytest.raises(ValueError):
        MainWindow([page, page], STATUS)
    with pytest.raises(ValueError):
        MainWindow([], STATUS)


def test_placeholder_page_is_honest(qtbot: QtBot) -> None:
    page = PlaceholderPage("Statistik", "Planeras i ärende 9.")
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert texts == ["Statistik", "Den här sidan är inte byggd ännu.", "Planeras i ärende 9."]


def test_menus_follow_a_language_switch(
    built: tuple[MainWindow, Factory], qtbot: QtBot, qapp: QApplication
) -> None:
    window, _ = built
    assert window.lock_action.text() == "&Lås"
    try:
        install_translators(qapp, "en")
        qtbot.waitUntil(lambda: window.lock_action.text() == "&Lock", timeout=2000)
        assert window.quit_action.text() == "&Quit"
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
    qtbot.waitUntil(lambda: window.lock_action.text() == "&Lås", timeout=2000)
