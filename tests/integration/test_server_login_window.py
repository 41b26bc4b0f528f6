"""The application's login window logs in to a server and remembers the choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop import opening
from desktop.store.server.connect import ServerAddress
from desktop.views.login.login_dialog import LoginDialog
from desktop.views.settings import Settings
from tests.factories import PASSWORD
from tests.integration import pg

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_server_chosen_in_the_login_window_is_used_and_remembered(
    tmp_path, qtbot, pg_server, monkeypatch
):
    fresh = pg.pg_fresh_database(tmp_path)
    url = pg.REGISTRY.urls[fresh.path]
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: tmp_path / "state")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, fill_in)
            return
        assert dialog.location_combo is not None and dialog.server_edit is not None
        dialog.location_combo.setCurrentIndex(1)
        dialog.server_edit.setText(url)
        dialog.user_edit.setText("admin")
        dialog.password_edit.setText(PASSWORD)
        dialog.submit()

    QTimer.singleShot(0, fill_in)
    try:
        result = opening.login(tmp_path / "ingen.db", settings, False)
        assert result is not None
        store, label, on_server = result
        pg.REGISTRY.stores.append(store)  # type: ignore[arg-type]
        assert on_server and store.identity.username == "admin"
        # Remembered without the user name the typed address held.
        assert label == ServerAddress.parse(url).url() and "postgres@" not in label
        prefs = settings.preferences()
        assert prefs.use_server and prefs.server_url == label
    finally:
        pg.REGISTRY.close()
