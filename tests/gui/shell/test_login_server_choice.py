"""The login window's choice of "Lokal databasfil" or "Server", remembered in settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.store.server.store import LockedServer
from desktop.views.login.login_dialog import LoginDialog, ServerChoice
from desktop.views.settings import Preferences, Settings

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _dialog(qtbot: QtBot, choice: ServerChoice, local=lambda u, p: {"local": u}) -> LoginDialog:
    dialog = LoginDialog(local, server=choice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fill(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.keyClicks(dialog.user_edit, "anna")
    qtbot.keyClicks(dialog.password_edit, "hemligt losenord")


def test_the_address_shows_only_for_a_server_and_is_required(qtbot: QtBot) -> None:
    calls: list[tuple[str, str, str]] = []
    choice = ServerChoice(False, "", lambda url, u, p: calls.append((url, u, p)) or "server")
    dialog = _dialog(qtbot, choice)
    assert dialog.server_edit is not None and not dialog.server_edit.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        _fill(qtbot, dialog)
        dialog.submit()
    assert dialog.result_value == {"local": "anna"} and calls == []

    dialog = _dialog(qtbot, choice)
    assert dialog.location_combo is not None
    dialog.location_combo.setCurrentIndex(1)
    assert dialog.server_edit.isVisible() and dialog.use_server
    _fill(qtbot, dialog)
    dialog.submit()
    assert dialog.error_label.text() == "Ange serverns adress (postgresql://…)."
    qtbot.keyClicks(dialog.server_edit, "postgresql://db1/rondplan")
    qtbot.keyClicks(dialog.password_edit, "hemligt losenord")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert calls == [("postgresql://db1/rondplan", "anna", "hemligt losenord")]
    assert dialog.result_value == "server"


def test_an_unreachable_server_gets_a_clear_swedish_sentence(qtbot: QtBot, tmp_path) -> None:
    def login(url: str, user: str, password: str) -> object:
        return LockedServer(url, tmp_path).unlock(user, password)

    # Port 1 on this machine: nothing listens, the connection is refused at once.
    dialog = _dialog(qtbot, ServerChoice(True, "postgresql://127.0.0.1:1/rondplan", login))
    assert dialog.server_edit is not None and dialog.server_edit.isVisible()
    _fill(qtbot, dialog)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=30000)
    assert dialog.error_label.text() == (
        "Servern kan inte nås. Kontrollera nätverket och försök igen."
    )
    assert dialog.result_value is None

    dialog.server_edit.setText("http://fel/adress")
    qtbot.keyClicks(dialog.password_edit, "hemligt losenord")
    dialog.submit()
    qtbot.waitUntil(
        lambda: dialog.error_label.text() == "Serveradressen ska börja med postgresql://",
        timeout=30000,
    )


def test_the_choice_is_remembered_in_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    chosen = Preferences(use_server=True, server_url="postgresql://db1:5432/rondplan")
    Settings(QSettings(str(path), QSettings.Format.IniFormat)).save_preferences(chosen)
    again = Settings(QSettings(str(path), QSettings.Format.IniFormat)).preferences()
    assert again.use_server is True and again.server_url == "postgresql://db1:5432/rondplan"
