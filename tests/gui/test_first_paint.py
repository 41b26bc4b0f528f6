"""Logging, the crash hook and the heavy imports start once the first window has
painted, not at the first turn of the event loop (which came before the login window's
first paint and made it wait for them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

import desktop.app
from desktop.app import when_first_painted

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class _Paints(QObject):
    def __init__(self, called: list[str]) -> None:
        super().__init__()
        self.called = called

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.called.append("painted")
        return False


def test_nothing_runs_before_the_first_window_has_painted(qtbot, qapp):
    for leftover in qapp.topLevelWidgets():  # another test's window must not paint now
        leftover.hide()
    called: list[str] = []
    when_first_painted(qapp, lambda: called.append("started"))
    qtbot.wait(50)  # event loop turns, no window yet
    assert called == []
    window = QLabel("Rondplan")
    paints = _Paints(called)
    window.installEventFilter(paints)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "started" in called)
    assert called.index("painted") < called.index("started")
    window.update()
    qtbot.wait(50)
    assert called.count("started") == 1


def test_without_a_window_it_runs_after_a_while(qtbot, qapp, monkeypatch):
    monkeypatch.setattr(desktop.app, "FIRST_PAINT_WAIT_MS", 100)
    called: list[str] = []
    when_first_painted(qapp, lambda: called.append("started"))
    qtbot.waitUntil(lambda: called == ["started"], timeout=2000)
    qtbot.wait(150)
    assert called == ["started"]
