"""The banner shown while the server cannot be reached.

It only tells; it never takes the page away, so whatever the user was typing stays
in its fields. The change listener retries with backoff and hides the banner when the
server answers again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QToolBar, QWidget


class ConnectionBanner(QWidget):
    """A red strip with one sentence; ``set_connected`` shows or hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#connectionBanner { background: #b3261e; } #connectionBanner QLabel "
            "{ color: white; font-weight: bold; padding: 6px; }"
        )
        self.label = QLabel(
            self.tr(
                "Förbindelsen med servern bröts. Dina osparade ändringar finns kvar; "
                "Rondplan försöker igen …"
            )
        )
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.setVisible(False)

    def set_connected(self, connected: bool) -> None:
        self.setVisible(not connected)


class ConnectionBar(QToolBar):
    """A fixed top bar holding the banner; visible only while the link is down."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("connectionBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setEnabled(False)
        self.banner = ConnectionBanner(self)
        self.banner.setVisible(True)
        self.addWidget(self.banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.setVisible(False)

    def set_connected(self, connected: bool) -> None:
        self.setVisible(not connected)


def attach_banner(window: QMainWindow) -> ConnectionBar:
    """Put the connection banner above the pages of ``window``."""
    return ConnectionBar(window)
