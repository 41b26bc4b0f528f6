"""An honest page for what is not built yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Says plainly that a page does not exist yet, and where it is planned.

    Args:
        title: The page's (translated) title.
        issue_text: Where the work is tracked, e.g. "Planeras i ärende 5."
        parent: Optional parent widget.
    """

    def __init__(self, title: str, issue_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("placeholderTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)

        body = QLabel(self.tr("Den här sidan är inte byggd ännu."))
        issue = QLabel(issue_text)
        issue.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (heading, body, issue):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(2)
