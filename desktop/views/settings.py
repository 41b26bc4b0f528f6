"""Typed settings, declared once: preferences apart from window state.

Backed by QSettings under the organisation "Rondplan". Only harmless choices
live here: never a password, a key, a user name or anything about a person
(DESIGN.md, "Secrets in one place").
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Rondplan"
APPLICATION = "Rondplan"

_THEMES = ("light", "dark")
_LANGUAGES = ("sv", "en")
# Auto-lock must stay on: at most two hours, at least one minute.
_AUTO_LOCK_RANGE = (1, 120)


@dataclass(frozen=True)
class Preferences:
    """What the user chose; read at start, written when changed."""

    language: str = "sv"
    theme: str = "light"
    last_database_path: str = ""
    auto_lock_minutes: int = 10
    # Where to log in: the local database file, or a shared server at ``server_url``
    # (its address without user name or password; chosen in the login window).
    use_server: bool = False
    server_url: str = ""

    def validated(self) -> Preferences:
        """Returns a copy with out-of-range values replaced by the defaults."""
        default = Preferences()
        low, high = _AUTO_LOCK_RANGE
        return dataclasses.replace(
            self,
            language=self.language if self.language in _LANGUAGES else default.language,
            theme=self.theme if self.theme in _THEMES else default.theme,
            auto_lock_minutes=(
                self.auto_lock_minutes
                if low <= self.auto_lock_minutes <= high
                else default.auto_lock_minutes
            ),
        )


class Settings:
    """Reads and writes :class:`Preferences` and window state.

    Args:
        backend: The QSettings to use; by default the per-user native store of
            organisation and application "Rondplan". Tests pass an INI file.
    """

    _PREFS = "preferences"
    _WINDOW = "window"

    def __init__(self, backend: QSettings | None = None) -> None:
        self._qs = backend if backend is not None else QSettings(ORGANISATION, APPLICATION)

    @property
    def backend(self) -> QSettings:
        """The underlying QSettings (for sync and file name in diagnostics)."""
        return self._qs

    # --- preferences -------------------------------------------------------

    def preferences(self) -> Preferences:
        """Returns the stored preferences, falling back to defaults field by field."""
        hints = typing.get_type_hints(Preferences)
        default = Preferences()
        values: dict[str, object] = {}
        for field in dataclasses.fields(Preferences):
            key = f"{self._PREFS}/{field.name}"
            fallback = getattr(default, field.name)
            kind = hints[field.name]
            try:
                values[field.name] = kind(self._qs.value(key, fallback, type=kind))
            except (TypeError, ValueError):
                values[field.name] = fallback
        return Preferences(**values).validated()  # type: ignore[arg-type]

    def save_preferences(self, preferences: Preferences) -> None:
        """Writes every preference field."""
        for field in dataclasses.fields(Preferences):
            self._qs.setValue(f"{self._PREFS}/{field.name}", getattr(preferences, field.name))
        self._qs.sync()

    # --- window state ------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"{self._WINDOW}/{key}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None

    def window_geometry(self) -> QByteArray | None:
        """Returns the main window's saved geometry, or None."""
        return self._bytes("geometry")

    def save_window_geometry(self, geometry: QByteArray) -> None:
        """Stores the main window's geometry (``saveGeometry()``)."""
        self._qs.setValue(f"{self._WINDOW}/geometry", geometry)

    def splitter_state(self, key: str) -> QByteArray | None:
        """Returns the saved state of the splitter named ``key``, or None."""
        return self._bytes(f"splitters/{key}")

    def save_splitter_state(self, key: str, state: QByteArray) -> None:
        """Stores a splitter's ``saveState()`` under ``key``."""
        self._qs.setValue(f"{self._WINDOW}/splitters/{key}", state)

    def table_columns(self, table_key: str) -> list[str] | None:
        """Returns the chosen column names of table ``table_key``, or None if never chosen."""
        value = self._qs.value(f"{self._WINDOW}/columns/{table_key}")
        if value is None or value == "":
            return None
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value]

    def save_table_columns(self, table_key: str, columns: typing.Sequence[str]) -> None:
        """Stores the visible columns of table ``table_key`` in their order."""
        self._qs.setValue(f"{self._WINDOW}/columns/{table_key}", list(columns))

    def sync(self) -> None:
        """Flushes to disk."""
        self._qs.sync()
