"""After an administrator's reset the user chooses their own password (local file)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.security import SecurityServices
from desktop.store.database import open_database
from desktop.store.errors import WrongPassword
from desktop.views.login.own_password_dialog import OwnPasswordDialog
from tests.factories import fresh_with_users, login

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TEMPORARY = "tillfalligt-losen-4711"
OWN = "mitt-alldeles-egna-losen-9"


def test_a_reset_password_must_be_replaced_and_the_dialog_does_it(tmp_path, qtbot: QtBot):
    fresh = fresh_with_users(tmp_path)
    admin = SecurityServices.build(fresh.admin)
    admin.reauth.mark_given()
    officer = next(u for u in admin.users.list_users() if u.username == "officer_police")
    admin.users.reset_password(officer.id, TEMPORARY, fresh.recovery_code)

    officer_store = open_database(fresh.path).unlock("officer_police", TEMPORARY)
    users = SecurityServices.build(officer_store).users
    assert users.password_change_required()

    dialog = OwnPasswordDialog(users.change_own_password)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, TEMPORARY)
    qtbot.keyClicks(dialog.new, OWN)
    qtbot.keyClicks(dialog.repeat, OWN + "x")
    dialog.submit()
    assert dialog.error_label.isVisible()
    assert "inte lika" in dialog.error_label.text()
    assert dialog.current.text() == TEMPORARY and dialog.new.text() == ""

    qtbot.keyClicks(dialog.new, OWN)
    qtbot.keyClicks(dialog.repeat, OWN)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.submit()
    assert not users.password_change_required()
    officer_store.lock()
    with pytest.raises(WrongPassword):
        login(fresh.path, "officer_police")  # the factory's old password is gone
    assert not SecurityServices.build(
        open_database(fresh.path).unlock("officer_police", OWN)
    ).users.password_change_required()


def test_the_dialog_can_rotate_the_keys_with_the_new_password(tmp_path, qtbot: QtBot):
    """Ticking "Byt också krypteringsnycklarna" rotates the data key too (issue 15)."""
    from tests.attacks.own_keys import own_keys

    fresh = fresh_with_users(tmp_path)
    admin = SecurityServices.build(fresh.admin)
    admin.reauth.mark_given()
    officer = next(u for u in admin.users.list_users() if u.username == "officer_social")
    admin.users.reset_password(officer.id, TEMPORARY, fresh.recovery_code)
    fresh.admin.lock()
    before = own_keys(fresh.path, "officer_social", TEMPORARY).data_key

    officer_store = open_database(fresh.path).unlock("officer_social", TEMPORARY)
    users = SecurityServices.build(officer_store).users
    dialog = OwnPasswordDialog(users.change_own_password)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.rotate_keys.isChecked()
    qtbot.keyClicks(dialog.current, TEMPORARY)
    qtbot.keyClicks(dialog.new, OWN)
    qtbot.keyClicks(dialog.repeat, OWN)
    qtbot.mouseClick(dialog.rotate_keys, Qt.MouseButton.LeftButton)
    assert dialog.rotate_keys.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.submit()
    officer_store.lock()
    # The key the old password gave no longer opens the file; the new password works.
    assert open_database(fresh.path).unlock_with_recovery(fresh.recovery_code).data_key != before
    open_database(fresh.path).unlock("officer_social", OWN).lock()
