"""Argon2id checks (lock screen, re-authentication) run off the GUI thread."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow

from desktop.services.errors import ReauthenticationRequired
from desktop.services.security import SecurityServices
from desktop.store.errors import WrongPassword
from desktop.views.admin.reauth_dialog import ReauthDialog
from desktop.views.lock import LockController
from desktop.views.runner import run_change
from tests.factories import PASSWORD, fresh_database

SLOW = 0.6


def _ticking() -> tuple[QTimer, list[int]]:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    return timer, ticks


class SlowStore:
    def __init__(self) -> None:
        self.events: list[str] = []

    def lock(self) -> None:
        self.events.append("lock")

    def unlock(self, password: str) -> None:
        time.sleep(SLOW)
        if password != PASSWORD:
            raise WrongPassword
        self.events.append("unlock")


def test_lock_screen_keeps_painting_while_the_password_is_checked(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QLabel("Xylofonia Qwertzbäck"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    store = SlowStore()
    controller = LockController(QApplication.instance(), "Ada", store.lock, store.unlock)
    controller.lock()
    (asker,) = controller.overlays()
    timer, ticks = _ticking()
    asker.password.setText("fel lösenord")
    asker.password.returnPressed.emit()
    assert not asker.password.isEnabled() and asker.busy.isVisible()
    asker.password.returnPressed.emit()  # a second Enter while checking does nothing
    qtbot.waitUntil(lambda: bool(asker.error.text()), timeout=5000)
    assert asker.error.text() == "Fel lösenord. Försök igen."  # only a password is asked
    assert asker.password.isEnabled() and not asker.busy.isVisible()
    assert len(ticks) >= 10
    asker.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.unlocked, timeout=5000):
        asker.password.returnPressed.emit()
    timer.stop()
    assert store.events == ["lock", "unlock"]
    assert not controller.is_locked()
    controller.dispose()


@pytest.fixture
def security(tmp_path):
    fresh = fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin)
    security.reauth.forget()
    yield security
    fresh.admin.lock()


def test_reauth_dialog_checks_in_background(qtbot, security, monkeypatch):
    confirm = security.reauth.confirm

    def slow_confirm(password: str) -> None:
        time.sleep(SLOW)
        confirm(password)

    monkeypatch.setattr(security.reauth, "confirm", slow_confirm)
    dialog = ReauthDialog(security.reauth)
    qtbot.addWidget(dialog)
    dialog.show()
    timer, ticks = _ticking()
    dialog.password.setText("fel lösenord")
    dialog.submit()
    assert not dialog.password.isEnabled() and dialog.busy.isVisible()
    assert dialog.password.text() == ""
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert dialog.error.text() == "Fel användarnamn eller lösenord. Försök igen."
    assert dialog.password.isEnabled() and dialog.isVisible()
    assert not security.reauth.is_fresh()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    timer.stop()
    assert len(ticks) >= 10
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert security.reauth.is_fresh()


def test_runner_asks_for_the_password_then_retries(qtbot, security):
    calls: list[int] = []

    def action() -> str:
        calls.append(1)
        if not security.reauth.is_fresh():
            raise ReauthenticationRequired
        return "klart"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReauthDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.password.setText(PASSWORD)
        dialog.submit()

    QTimer.singleShot(20, answer)
    parent = QLabel()
    qtbot.addWidget(parent)
    assert run_change(parent, "Exportera", action, reauth=security.reauth) == "klart"
    assert len(calls) == 2
