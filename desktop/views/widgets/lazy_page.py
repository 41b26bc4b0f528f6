"""A tab or stack page whose content is built the first time it is shown.

Start-up pays only for what the user sees first (the budget in DESIGN.md); a tab
behind it builds, and queries, when it is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    """Holds ``factory()``'s widget once shown; until then it is empty.

    Args:
        factory: Builds the content; called once, on the first show (or ``content``).
        parent: Optional parent widget.
    """

    def __init__(self, factory: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> W | None:
        """The content if it was built, else None (nothing is built by asking)."""
        return self._content

    def content(self) -> W:
        """The content, built now if it was not yet."""
        if self._content is None:
            self._content = self._factory()
            self._layout.addWidget(self._content)
            self._content.show()  # now, not with the layout's queued show
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)
