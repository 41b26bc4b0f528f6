"""A stretched pseudo-locale: every translated text 40 % longer must still fit.

Swedish and English are close in length, but German-length or enlarged-font
texts are not; this catches fixed widths that clip (Vorta's practice).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.views.login import FirstRunWizard, LoginDialog
from desktop.views.shell import MainWindow, PageSpec, StatusInfo
from desktop.views.shell.crash import CrashDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def stretch(text: str) -> str:
    """Returns ``text`` 40 % longer, keeping placeholders and mnemonics usable."""
    return f"[{text}{'~' * max(1, len(text) * 2 // 5)}]"


class StretchTranslator(QTranslator):
    """Translates every message to its stretched form."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return stretch(source_text)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    translator = StretchTranslator()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def clipped(root: QWidget) -> list[str]:
    """Returns the visible labels and buttons narrower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            needed = widget.minimumSizeHint().width()  # "&" mnemonics take no room
        elif isinstance(widget, QAbstractButton) and widget.text():
            needed = widget.minimumSizeHint().width()
        else:
            continue
        if widget.width() < needed:
            found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < {needed}")
    return found


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_translation_is_active(pseudo: None) -> None:
    assert QCoreApplication.translate("Sidor", "Personer").startswith("[Personer~")


def test_login_dialog_does_not_clip(qtbot: QtBot, pseudo: None) -> None:
    assert clipped(_shown(qtbot, LoginDialog(lambda u, p: None))) == []


def test_wizard_pages_do_not_clip(qtbot: QtBot, pseudo: None) -> None:
    wizard = _shown(qtbot, FirstRunWizard(lambda p, n, w: "ABCD-EFGH", "/data/rondplan.db"))
    assert isinstance(wizard, FirstRunWizard)
    problems = clipped(wizard)
    wizard.next()
    problems += clipped(wizard)
    wizard.next()
    problems += clipped(wizard)
    assert problems == []


def test_crash_dialog_does_not_clip(qtbot: QtBot, pseudo: None) -> None:
    assert clipped(_shown(qtbot, CrashDialog("report"))) == []


def test_main_window_does_not_clip(qtbot: QtBot, pseudo: None) -> None:
    titles = [stretch(t) for t in ("Personer", "Uppföljning", "Administration")]
    pages = [PageSpec(t, t, None, QWidget, f"Ctrl+{i + 1}") for i, t in enumerate(titles)]
    status = StatusInfo(stretch("Anna Berg"), stretch("Samordnare"), stretch("Polisen"), "C:/db")
    window = _shown(qtbot, MainWindow(pages, status))
    assert clipped(window) == []
    navigation = window.findChild(QWidget, "navigation")
    widest = max(navigation.sizeHintForColumn(0), 0)
    assert navigation.viewport().width() >= widest
