"""Prebuilt Material theme: light and dark stylesheets applied without qt-material."""

from desktop.views.theme.apply import THEME_DIR, apply_theme, stylesheet_for

__all__ = ["THEME_DIR", "apply_theme", "stylesheet_for"]
