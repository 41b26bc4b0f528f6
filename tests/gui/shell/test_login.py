"""Login dialog and first-run wizard."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot

from desktop.store.errors import AlreadyExists, WrongPassword
from desktop.views.login import FirstRunWizard, LoginDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[3]
GOOD_PASSWORD = "en lång och säker fras"


class Authenticator:
    def __init__(self, fail: BaseException | None = None) -> None:
        self.fail = fail
        self.calls: list[tuple[str, str]] = []

    def __call__(self, user: str, password: str) -> object:
        self.calls.append((user, password))
        if self.fail is not None:
            raise self.fail
        return {"user": user}


def _dialog(qtbot: QtBot, auth: Authenticator) -> LoginDialog:
    dialog = LoginDialog(auth)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_success_accepts_and_keeps_the_result(qtbot: QtBot) -> None:
    auth = Authenticator()
    dialog = _dialog(qtbot, auth)
    qtbot.keyClicks(dialog.user_edit, "anna")
    # QTest types ASCII only (qasciikey.cpp asserts on anything else).
    qtbot.keyClicks(dialog.password_edit, "hemligt losenord")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert auth.calls == [("anna", "hemligt losenord")]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value == {"user": "anna"}
    assert dialog.password_edit.text() == ""


def test_failure_shows_the_sentence_and_clears_the_password(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, Authenticator(WrongPassword()))
    dialog.user_edit.setText("anna")
    dialog.password_edit.setText("fel")
    dialog.login_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=5000)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Fel användarnamn eller lösenord. Försök igen."
    assert dialog.password_edit.text() == ""
    assert dialog.result_value is None


def test_empty_fields_do_not_call_authenticate(qtbot: QtBot) -> None:
    auth = Authenticator()
    dialog = _dialog(qtbot, auth)
    dialog.submit()
    assert auth.calls == []
    assert dialog.error_label.text() == "Ange både användarnamn och lösenord."


def test_a_bug_in_authenticate_is_not_swallowed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, Authenticator(RuntimeError("bug")))
    dialog.user_edit.setText("anna")
    dialog.password_edit.setText("x")
    # The check runs off the GUI thread; the bug is raised on the GUI thread, where the
    # crash hook (here pytest-qt) gets it.
    with qtbot.capture_exceptions() as exceptions:
        dialog.submit()
        qtbot.waitUntil(lambda: bool(exceptions), timeout=5000)
    assert isinstance(exceptions[0][1], RuntimeError)
    assert dialog.password_edit.text() == ""
    assert dialog.login_button.isEnabled() and dialog.password_edit.isEnabled()


class SlowAuthenticator(Authenticator):
    """Takes as long as a real Argon2id check on a slow laptop."""

    def __call__(self, user: str, password: str) -> object:
        time.sleep(0.6)
        return super().__call__(user, password)


def test_gui_keeps_running_while_the_password_is_checked(qtbot: QtBot) -> None:
    auth = SlowAuthenticator()
    dialog = _dialog(qtbot, auth)
    dialog.user_edit.setText("anna")
    dialog.password_edit.setText("hemligt losenord")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    dialog.submit()
    # Busy: inputs off, the password already out of the field, Escape does nothing.
    assert not dialog.login_button.isEnabled() and not dialog.password_edit.isEnabled()
    assert not dialog.user_edit.isEnabled() and dialog.busy_indicator.isVisible()
    assert dialog.password_edit.text() == ""
    dialog.reject()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        pass
    timer.stop()
    assert len(ticks) >= 10
    assert auth.calls == [("anna", "hemligt losenord")]
    assert dialog.result_value == {"user": "anna"}
    assert not dialog.busy_indicator.isVisible()


def test_escape_cancels(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, Authenticator())
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Escape)


def test_login_module_imports_no_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "import desktop.views.login\n"
        "heavy = [m for m in ('sqlalchemy', 'reportlab', 'qt_material', 'desktop.store',"
        " 'desktop.services') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- first-run wizard ---------------------------------------------------------


class Creator:
    def __init__(self, fail: BaseException | None = None) -> None:
        self.fail = fail
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, path: str, name: str, password: str) -> str:
        self.calls.append((path, name, password))
        if self.fail is not None:
            raise self.fail
        return "ABCD-EFGH-JKLM-NPQR"


# A path whose folder does not exist yet but can be made (the page checks that).
SUGGESTED = str(Path(tempfile.gettempdir()) / "rondplan-wizard-test" / "rondplan.db")


def _wizard(qtbot: QtBot, creator: Creator) -> FirstRunWizard:
    wizard = FirstRunWizard(creator, SUGGESTED)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()  # welcome -> database
    assert wizard.currentPage() is wizard.database_page
    wizard.next()  # database -> administrator
    assert wizard.currentPage() is wizard.admin_page
    return wizard


def _fill(wizard: FirstRunWizard, password: str, repeat: str) -> None:
    page = wizard.admin_page
    page.name_edit.setText("admin")
    page.password_edit.setText(password)
    page.repeat_edit.setText(repeat)


def test_wizard_refuses_a_short_password(qtbot: QtBot) -> None:
    creator = Creator()
    wizard = _wizard(qtbot, creator)
    _fill(wizard, "kort", "kort")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert "minst 12 tecken" in wizard.admin_page.error_label.text()
    assert creator.calls == []


def test_wizard_refuses_a_mismatched_repeat(qtbot: QtBot) -> None:
    creator = Creator()
    wizard = _wizard(qtbot, creator)
    _fill(wizard, GOOD_PASSWORD, GOOD_PASSWORD + "x")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert "inte lika" in wizard.admin_page.error_label.text()
    assert creator.calls == []


def test_wizard_shows_a_known_error_inline(qtbot: QtBot) -> None:
    wizard = _wizard(qtbot, Creator(AlreadyExists()))
    _fill(wizard, GOOD_PASSWORD, GOOD_PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.error_label.text() == (
        "Det finns redan en databas på den platsen. Välj en annan sökväg."
    )


def test_wizard_creates_and_requires_the_recovery_checkbox(qtbot: QtBot) -> None:
    creator = Creator()
    wizard = _wizard(qtbot, creator)
    _fill(wizard, GOOD_PASSWORD, GOOD_PASSWORD)
    wizard.next()
    assert creator.calls == [(SUGGESTED, "admin", GOOD_PASSWORD)]
    assert wizard.currentPage() is wizard.recovery_page
    assert wizard.recovery_page.code_label.text() == "ABCD-EFGH-JKLM-NPQR"
    assert wizard.admin_page.password_edit.text() == ""
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.recovery_page.saved_check.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.accepted):
        finish.click()
    assert (wizard.database_path, wizard.admin_name) == (SUGGESTED, "admin")
    assert wizard.recovery_page.code_label.text() == ""


def test_wizard_needs_a_database_path(qtbot: QtBot) -> None:
    wizard = FirstRunWizard(Creator(), "")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_wizard_accepts_its_own_suggestion_with_the_keyboard(qtbot: QtBot) -> None:
    """Enter on the welcome page means Next (not the server), and the suggested path
    is accepted as it is: before, Next stayed disabled until the path was edited."""
    wizard = FirstRunWizard(Creator(), SUGGESTED)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
    assert not wizard.wants_server
    assert wizard.currentPage() is wizard.database_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.admin_page


def test_wizard_says_why_a_path_cannot_be_used(qtbot: QtBot, tmp_path: Path) -> None:
    existing = tmp_path / "rondplan.db"
    existing.write_bytes(b"")
    wizard = FirstRunWizard(Creator(), str(existing))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.database_page
    assert wizard.database_page.error_label.isVisibleTo(wizard)
    assert "finns redan" in wizard.database_page.error_label.text()
