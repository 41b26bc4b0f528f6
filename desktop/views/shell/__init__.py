"""The application shell: main window, navigation, status line, crash handling.

Names load on first use, so importing one module of the shell (the crash hook, say)
does not pay for the main window before the login window has painted.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.views.shell.main_window import MainWindow
    from desktop.views.shell.page_titles import PAGE_TITLES, page_title
    from desktop.views.shell.pages import PageSpec, StatusInfo
    from desktop.views.shell.placeholder import PlaceholderPage

_WHERE = {
    "MainWindow": "main_window",
    "PAGE_TITLES": "page_titles",
    "page_title": "page_titles",
    "PageSpec": "pages",
    "StatusInfo": "pages",
    "PlaceholderPage": "placeholder",
}

__all__ = ["PAGE_TITLES", "MainWindow", "PageSpec", "PlaceholderPage", "StatusInfo", "page_title"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"desktop.views.shell.{_WHERE[name]}"), name)
