"""Key figure tiles: the value large, the label, the definition as tooltip and info button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class KeyFigureTile(QFrame):
    """One key figure. Clicking the value asks for the persons behind it.

    Signals:
        activated(str): the figure code, when the user asks for the persons behind it.
    """

    activated = Signal(str)

    def __init__(self, code: str, label: str, definition: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.code = code
        self._definition = definition
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("keyFigureTile")
        self.setToolTip(definition)
        self.value = QLabel("–")
        self.value.setObjectName("keyFigureValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.info = QToolButton()
        self.info.setText("i")
        self.info.setAutoRaise(True)
        self.info.setToolTip(self.tr("Vad betyder talet?"))
        self.info.setAccessibleName(self.tr("Definition: %1").replace("%1", label))
        self.info.clicked.connect(self.show_definition)
        top = QHBoxLayout()
        top.addWidget(self.value, 1)
        top.addWidget(self.info, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 10)
        layout.addLayout(top)
        layout.addWidget(self.label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(label)

    def set_value(self, text: str) -> None:
        self.value.setText(text)

    def show_definition(self) -> None:
        QMessageBox.information(self, self.label.text(), self._definition)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.code)
        super().mouseReleaseEvent(event)
