"""Known errors from a service shown as one sentence; anything else is a bug."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.errors import DomainError
from desktop.store.errors import StoreError
from desktop.views.errors_text import error_text

T = TypeVar("T")


def attempt(parent: QWidget, title: str, action: Callable[[], T]) -> T | None:
    """Run ``action``; a DomainError or StoreError is shown and None returned."""
    try:
        return action()
    except (DomainError, StoreError) as error:
        QMessageBox.warning(parent, title, error_text(error))
        return None
