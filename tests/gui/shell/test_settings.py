"""Typed settings round-trip through an INI file; bad values fall back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.views.settings import Preferences, Settings


def _settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def test_defaults_when_nothing_is_stored(tmp_path: Path) -> None:
    assert _settings(tmp_path / "s.ini").preferences() == Preferences()


def test_preferences_round_trip(tmp_path: Path) -> None:
    chosen = Preferences(
        language="en", theme="dark", last_database_path="C:/Rondplan/a.db", auto_lock_minutes=5
    )
    _settings(tmp_path / "s.ini").save_preferences(chosen)
    assert _settings(tmp_path / "s.ini").preferences() == chosen


def test_invalid_values_fall_back_to_defaults(tmp_path: Path) -> None:
    raw = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    raw.setValue("preferences/language", "klingon")
    raw.setValue("preferences/theme", "neon")
    raw.setValue("preferences/auto_lock_minutes", "never")
    raw.sync()
    prefs = _settings(tmp_path / "s.ini").preferences()
    assert (prefs.language, prefs.theme, prefs.auto_lock_minutes) == ("sv", "light", 10)


def test_auto_lock_cannot_be_switched_off(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "s.ini")
    settings.save_preferences(Preferences(auto_lock_minutes=0))
    assert settings.preferences().auto_lock_minutes == 10


def test_window_state_round_trip(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "s.ini")
    assert settings.window_geometry() is None
    assert settings.splitter_state("persons") is None
    assert settings.table_columns("persons") is None
    settings.save_window_geometry(QByteArray(b"\x01\x02geometry"))
    settings.save_splitter_state("persons", QByteArray(b"\x00split"))
    settings.save_table_columns("persons", ["name", "born", "group"])
    settings.save_table_columns("visits", ["date"])
    settings.sync()

    again = _settings(tmp_path / "s.ini")
    assert again.window_geometry() == QByteArray(b"\x01\x02geometry")
    assert again.splitter_state("persons") == QByteArray(b"\x00split")
    assert again.table_columns("persons") == ["name", "born", "group"]
    assert again.table_columns("visits") == ["date"]


def test_nothing_secret_is_stored(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "s.ini")
    settings.save_preferences(Preferences(language="en"))
    keys = " ".join(settings.backend.allKeys()).lower()
    assert "password" not in keys and "lösenord" not in keys and "key" not in keys
