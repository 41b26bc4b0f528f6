"""A new workstation of a shared server: the first-run wizard leads to the server login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop import opening
from desktop.views.login import FirstRunWizard

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_choosing_a_server_creates_no_database(qtbot: QtBot, tmp_path: Path) -> None:
    created: list[str] = []
    wizard = FirstRunWizard(lambda p, n, w: created.append(p) or "ABCD", str(tmp_path / "x.db"))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    button = wizard.welcome_page.server_button
    assert button.isVisible() and "server" in button.text()
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.wants_server and wizard.result() == QDialog.DialogCode.Accepted
    assert created == [] and not (tmp_path / "x.db").exists()


def test_first_run_says_server_so_the_login_window_offers_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose_server(self: FirstRunWizard) -> int:
        self.welcome_page.server_button.click()
        return int(self.result())

    monkeypatch.setattr(FirstRunWizard, "exec", choose_server)
    assert opening.first_run(tmp_path / "rondplan.db") is True


def test_cancelled_first_run_is_none(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    assert opening.first_run(tmp_path / "rondplan.db") is None
