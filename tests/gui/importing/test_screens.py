"""The ``import`` screenshot: fictitious rows only, no file left behind."""

from __future__ import annotations

import datetime as dt
import tempfile

import pytest

from desktop.models import Person
from desktop.services.bundle import build_services
from desktop.services.uow import UnitOfWork
from desktop.views.importing import screens
from tests.factories import fresh_with_users, login


@pytest.fixture
def services(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Riktig person") as uow:
        uow.session.add(
            Person(first_name="Verklig", last_name="Människa", birth_date=dt.date(2003, 5, 17))
        )
    fresh.admin.lock()
    store = login(fresh.path, "coordinator_social")
    yield build_services(store)
    store.lock()


def test_screen_holds_fictitious_rows_only_and_removes_its_file(qtbot, services):
    wizard = screens.import_wizard(services)
    qtbot.addWidget(wizard)
    assert wizard.preview is not None and wizard.table is not None
    cells = " ".join(" ".join(row) for row in wizard.table.rows)
    assert "Verklig" not in cells and "Människa" not in cells and "2003-05-17" not in cells
    # The duplicate warning is still shown, between two fictitious rows of the file.
    assert any(p.code == "import.duplicate_name" for p in wizard.preview.problems)
    assert wizard.path is not None and not wizard.path.exists()
    assert not wizard.path.parent.exists()


def test_no_temporary_folder_at_import():
    assert not any(isinstance(v, tempfile.TemporaryDirectory) for v in vars(screens).values())
