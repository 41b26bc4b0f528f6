"""Apply the prebuilt theme: read two text files, set one stylesheet.

Nothing here imports qt-material or writes a file, so the theme costs a few
milliseconds at start instead of ~250 ms and leaves the home folder alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.resources import resources_dir

ThemeMode = Literal["light", "dark"]

THEME_DIR = resources_dir() / "theme"

# Colours the overrides need per mode; they match qt-material's light_blue /
# dark_blue so the focus ring reads as part of the theme.
_TOKENS: dict[str, dict[str, str]] = {
    "light": {
        "mode": "light",
        "focus": "#1a5fd6",
        "on_focus": "#ffffff",
        "selected": "rgba(41, 121, 255, 0.16)",
        "text": "#3c3c3c",
        "grid": "#d5d5d5",
        "header": "#ececec",
        "error": "#b3261e",
    },
    "dark": {
        "mode": "dark",
        "focus": "#83b9ff",
        "on_focus": "#000000",
        "selected": "rgba(68, 138, 255, 0.25)",
        "text": "#ffffff",
        "grid": "#4f5b62",
        "header": "#31363b",
        "error": "#ff8a80",
    },
}
_PLACEHOLDER = {"light": QColor(0x55, 0x55, 0x55, 150), "dark": QColor(0xFF, 0xFF, 0xFF, 130)}


def stylesheet_for(mode: ThemeMode, theme_dir: Path = THEME_DIR) -> str:
    """Returns the generated stylesheet for ``mode`` followed by Rondplan's overrides."""
    if mode not in _TOKENS:
        raise ValueError(f"unknown theme mode {mode!r}")
    base = (theme_dir / f"{mode}.qss").read_text(encoding="utf-8")
    overrides = (theme_dir / "overrides.qss").read_text(encoding="utf-8")
    for name, value in _TOKENS[mode].items():
        overrides = overrides.replace("{{" + name + "}}", value)
    return base + "\n" + overrides


def apply_theme(app: QApplication, mode: ThemeMode, theme_dir: Path = THEME_DIR) -> None:
    """Sets the Fusion style and the prebuilt ``mode`` stylesheet on ``app``.

    Args:
        app: The running application.
        mode: ``"light"`` or ``"dark"``.
        theme_dir: Folder with ``light.qss``, ``dark.qss``, ``overrides.qss``
            and ``icons/``; the stylesheet's ``theme:`` URLs resolve there.
    """
    stylesheet = stylesheet_for(mode, theme_dir)
    QDir.setSearchPaths("theme", [str(theme_dir)])
    # The Material sheet is designed over Fusion; native styles leak through.
    # With a sheet set, style() is a QStyleSheetStyle over the Fusion we set.
    if not app.styleSheet() and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, _PLACEHOLDER[mode])
    app.setPalette(palette)
    app.setStyleSheet(stylesheet)
