"""What the composition root hands the main window: pages and the status line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    """One page of the main window.

    Attributes:
        key: Stable identifier, e.g. ``"persons"``; used in settings and tests.
        title: Already translated title shown in the navigation.
        icon: Icon name under ``resources/icons/`` (without suffix), or None.
        factory: Builds the page widget; called once, the first time it is shown.
        shortcut: Key sequence that opens the page, e.g. ``"Ctrl+1"``; empty for none.
    """

    key: str
    title: str
    icon: str | None
    factory: Callable[[], QWidget]
    shortcut: str = ""


@dataclass(frozen=True)
class StatusInfo:
    """Who is logged in and where, for the status bar (labels already translated)."""

    user_name: str
    role_label: str
    agency_label: str
    database_label: str
