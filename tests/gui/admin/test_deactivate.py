"""Switching an account off from the Administration page (issue 15): it is confirmed
first, and the recovery code is asked for when the account held another agency's key,
so that key is rotated too (before, the button rotated only what the administrator
held, without asking and without saying so)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.security import SecurityServices
from desktop.views.admin.users_tab import UsersTab
from tests.factories import fresh_with_users, recovery_keys


def _tab(qtbot, fresh) -> UsersTab:
    security = SecurityServices.build(fresh.admin)
    security.reauth.mark_given()  # the administrator has just logged in
    tab = UsersTab(security)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload()
    return tab


def _select(tab: UsersTab, username: str) -> None:
    for row in range(tab.model.rowCount()):
        if tab.model.row_at(row).username == username:
            tab.table.setCurrentIndex(tab.model.index(row, 0))
            return
    raise AssertionError(username)


def _actions(fresh) -> list[str]:
    with fresh.admin.read_session() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_another_agencys_account_asks_for_the_recovery_code(qtbot, tmp_path, monkeypatch):
    fresh = fresh_with_users(tmp_path)
    police_before = recovery_keys(fresh).compartments["police"]
    asked: list[str] = []

    def give_code(parent, title, label, echo):
        asked.append(label)
        return fresh.recovery_code, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(give_code))
    tab = _tab(qtbot, fresh)
    _select(tab, "officer_police")
    tab.deactivate()
    assert asked and "Polisen" in asked[0]
    assert "user.deactivate" in _actions(fresh)
    assert "compartment.rotate_skipped" not in _actions(fresh)
    assert recovery_keys(fresh).compartments["police"] != police_before


def test_cancelling_the_question_switches_nothing_off(qtbot, tmp_path, monkeypatch):
    fresh = fresh_with_users(tmp_path)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    tab = _tab(qtbot, fresh)
    _select(tab, "officer_social")  # the administrator's own agency: only a question
    tab.deactivate()
    assert "user.deactivate" not in _actions(fresh)
