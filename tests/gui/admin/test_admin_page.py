"""The Administration page by role, its models, and the auditor's queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.models import Operation, Person, RetentionCategory, Role, utcnow
from desktop.services.security import SecurityServices
from desktop.services.security.audit_log import AuditRow
from desktop.services.security.backups import BackupRow
from desktop.services.security.retention import ReviewRow, RuleRow
from desktop.services.security.users import UserRow
from desktop.services.uow import UnitOfWork
from desktop.views.admin.audit_view import AuditView
from desktop.views.admin.models import (
    AuditTableModel,
    BackupsTableModel,
    ReviewTableModel,
    RulesTableModel,
    UsersTableModel,
)
from desktop.views.admin.page import AdminPage
from tests.factories import fresh_with_users, login

NOW = dt.datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize(
    ("model_cls", "row"),
    [
        (
            UsersTableModel,
            UserRow(1, "ada", "Ada A", Role.ADMINISTRATOR, "social", "Soc", True, NOW, NOW),
        ),
        (RulesTableModel, RuleRow(1, RetentionCategory.NOTE, "police", 30, "PDL", True)),
        (ReviewTableModel, ReviewRow(1, "Test Testsson", NOW)),
        (BackupsTableModel, BackupRow(Path("rondplan-20260302-090000.rpbak"), NOW, 2_000_000)),
        (
            AuditTableModel,
            AuditRow(
                1,
                NOW,
                1,
                "ada",
                "auditor",
                "social",
                "pc1",
                "person.read",
                "person",
                (3, 4),
                "mapping",
                "",
            ),
        ),
    ],
)
def test_models(qtmodeltester, model_cls, row):
    model = model_cls()
    model.set_rows([row, row])
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    horizontal = Qt.Orientation.Horizontal
    assert all(model.headerData(c, horizontal) for c in range(model.columnCount()))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    fresh = fresh_with_users(tmp_path_factory.mktemp("admin"))
    with UnitOfWork(fresh.admin, "Data") as uow:
        person = Person(first_name="Test", last_name="Testsson")
        uow.session.add(person)
        uow.session.add(Operation(name="Vår", start_date=NOW.date(), end_date=NOW.date()))
        uow.session.flush()
        uow.audit("person.read", "person", [person.id], purpose="mapping")
        person_id = person.id
    yield fresh, person_id
    fresh.admin.lock()


def test_admin_sees_admin_tabs_not_the_log(qtbot, world):
    fresh, _ = world
    page = AdminPage(SecurityServices.build(fresh.admin), fresh.admin)
    qtbot.addWidget(page)
    page.show()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Användare och roller", "Gallring", "Mallar", "Säkerhetskopior"]
    assert page.users is not None and page.users.model.rowCount() == 11
    assert page.audit is None


def test_auditor_sees_only_the_log(qtbot, world):
    fresh, person_id = world
    store = login(fresh.path, "auditor_social")
    security = SecurityServices.build(store)
    page = AdminPage(security, store)
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Behandlingslogg"]
    view = page.audit
    assert isinstance(view, AuditView)
    view.reload()
    assert view.model.rowCount() >= 1
    view.object_id.setText(str(person_id))
    view.who_read()
    assert [view.model.row_at(i).action for i in range(view.model.rowCount())] == ["person.read"]
    view.outside_operations()
    assert view.model.rowCount() == 1  # the admin is in no operation
    view.random_sample()
    assert view.model.rowCount() >= 1
    view.verify()
    assert view.status.text().startswith("Loggen är hel")
    store.lock()


def test_retention_tab_lists_rules_and_runs(qtbot, world):
    fresh, _ = world
    security = SecurityServices.build(fresh.admin)
    security.retention.save_rule(RetentionCategory.VISIT, None, 400, "Beslut 2026")
    page = AdminPage(security, fresh.admin)
    qtbot.addWidget(page)
    assert page.retention is not None
    page.retention.reload()
    assert page.retention.rules_model.rowCount() >= 1
    page.retention.run_now()
    assert "raderade 0 poster" in page.retention.status.text()
    assert utcnow()


def test_a_retention_rule_saved_on_the_page_is_published_once(qtbot, world, monkeypatch):
    """The page hands its hub to the tabs: the runner publishes the save once, no relay
    publishes it again, and the rules list shows the new rule (issue 18)."""
    from PySide6.QtWidgets import QDialog

    from desktop.views.admin.retention_tab import RuleDialog
    from desktop.views.changes_hub import ChangesHub

    fresh, _ = world
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = AdminPage(SecurityServices.build(fresh.admin), fresh.admin, hub=hub)
    hub.changes_applied.connect(page.apply_changes)  # as the composition root wires it
    qtbot.addWidget(page)
    assert page.retention is not None
    page.retention.reload()
    before = page.retention.rules_model.rowCount()

    def fill(dialog: RuleDialog) -> int:
        dialog.category.setCurrentIndex(dialog.category.findData(RetentionCategory.NOTE))
        dialog.days.setValue(730)
        dialog.legal.setText("Beslut 2027-01")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RuleDialog, "exec", fill)
    page.retention.edit_rule(None)
    assert len(heard) == 1 and heard[0].touches("retention_rule")
    assert page.retention.rules_model.rowCount() == before + 1
