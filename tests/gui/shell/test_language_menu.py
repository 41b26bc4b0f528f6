"""View → Language ticks the language in use, also when ``--lang`` chose it (issue 18:
started with ``--lang en`` the menu still ticked Svenska, the saved preference)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.app import Session
from desktop.views.i18n import install_translators
from desktop.views.settings import Settings
from tests.factories import fresh_with_users, login


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    fresh = fresh_with_users(tmp_path_factory.mktemp("lang"))
    fresh.admin.lock()
    return fresh


@pytest.fixture
def english():
    app = QApplication.instance()
    install_translators(app, "en")  # what create_application does for --lang en
    yield
    install_translators(app, "sv")


def test_menu_ticks_english_when_started_with_lang_en(qtbot, database, tmp_path, english):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.preferences().language == "sv"  # the saved choice is Swedish
    session = Session(login(database.path, "coordinator_social"), settings, "test.db")
    qtbot.addWidget(session.window)
    actions = session.window.language_actions
    assert actions["en"].isChecked()
    assert not actions["sv"].isChecked()
    assert settings.preferences().language == "sv"  # --lang is for this run only
    session.close()
