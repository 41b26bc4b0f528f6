"""The export dialog: exports through the service, personal numbers only when chosen."""

from __future__ import annotations

from desktop.services.bundle import build_services
from desktop.services.importing import read_path
from desktop.services.transfer.export_service import ExportService
from desktop.views.exporting.export_dialog import ExportDialog
from tests.factories import PASSWORD, fresh_with_users, login


def test_exports_persons_without_personal_numbers_by_default(qtbot, tmp_path, monkeypatch):
    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "coordinator_social")
    services = build_services(store)
    services.security.reauth.confirm(PASSWORD)
    monkeypatch.setattr(
        "desktop.views.exporting.export_dialog.QMessageBox.information", lambda *a: None
    )
    dialog = ExportDialog(services.transfer.exports, services.security.reauth)
    qtbot.addWidget(dialog)
    assert not dialog.with_numbers.isChecked()
    target = tmp_path / "ut.csv"
    dialog.export(target)
    assert dialog.result_value is not None
    assert dialog.result_value.personal_numbers is False
    table = read_path(target)
    assert "Personnummer" not in table.headers
    store.lock()


def test_groups_choice_disables_personal_numbers(qtbot, tmp_path):
    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "coordinator_social")
    services = build_services(store)
    dialog = ExportDialog(services.transfer.exports, services.security.reauth)
    qtbot.addWidget(dialog)
    dialog.groups.setChecked(True)
    assert not dialog.with_numbers.isEnabled()
    assert isinstance(services.transfer.exports, ExportService)
    store.lock()
