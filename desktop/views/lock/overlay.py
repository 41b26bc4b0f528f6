"""The lock screen: an opaque window over a whole screen, with the password box.

It is a top-level window of its own (one per screen), not a child of the windows it
hides: a child cover can be made see-through by a style sheet, misses the menu bar and
other windows, and leaves shortcuts working behind it (issue 15). It paints its own
background in ``paintEvent``, so no theme or style sheet can make it transparent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: The lock screen's background; e2e tests check that the screen shows only this
#: colour outside the password panel.
BACKGROUND = QColor(0x1F, 0x2A, 0x36)


class LockScreen(QWidget):
    """Covers ``screen`` entirely and stays above the application's windows.

    Args:
        screen: The screen to cover.
        user_label: Who is logged in, shown above the password box.
        with_password: Only one lock screen (the primary screen's) asks for the password.
    """

    unlock_requested = Signal(str)

    def __init__(self, screen: QScreen, user_label: str, with_password: bool) -> None:
        super().__init__(
            None,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Rondplan är låst"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # The newest application-modal window takes the input: a dialog that was open
        # when the screen locked (or opened since) is blocked behind this one.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.password: QLineEdit | None = None
        self.button: QPushButton | None = None
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moves while the password is checked
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Kontrollerar lösenordet"))
        self.busy.setVisible(False)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        box = QFrame()
        box.setObjectName("lockPanel")
        box.setAutoFillBackground(True)
        box.setFixedWidth(380)
        layout = QVBoxLayout(box)
        title = QLabel(self.tr("Rondplan är låst"))
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if with_password:
            layout.addWidget(QLabel(self.tr("Inloggad: %1").replace("%1", user_label)))
            self.password = QLineEdit()
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText(self.tr("Lösenord"))
            self.password.setAccessibleName(self.tr("Lösenord för att låsa upp"))
            self.password.returnPressed.connect(self._submit)
            layout.addWidget(self.password)
            self.button = QPushButton(self.tr("Lås upp"))
            self.button.clicked.connect(self._submit)
            layout.addWidget(self.button)
            layout.addWidget(self.busy)
            layout.addWidget(self.error)
        else:
            layout.addWidget(QLabel(self.tr("Lås upp på huvudskärmen.")))
        self.panel = box
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def cover(self) -> None:
        """Show over the whole screen, on top, with the focus in the password box.

        Showing again puts this window back on top of the modal stack (a message box
        opened while locked would otherwise take the input).
        """
        self.hide()
        self.setGeometry(self.screen().geometry())
        self.show()  # mapped anew, so on top of the stack as well (no raise_ needed)
        self.activateWindow()
        if self.password is not None and self.password.isEnabled():
            self.password.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        painter.end()

    def set_busy(self, busy: bool) -> None:
        """While the password is checked: inputs off, a moving bar instead."""
        if self.password is None or self.button is None:
            return
        self.password.setEnabled(not busy)
        self.button.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.clear()
        else:
            self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        if self.password is not None:
            self.password.clear()
            self.password.setFocus()

    def _submit(self) -> None:
        if self.password is not None and self.password.isEnabled() and self.password.text():
            text = self.password.text()
            self.password.clear()
            self.unlock_requested.emit(text)


def screens() -> list[QScreen]:
    """Every screen, the primary first (it gets the password box)."""
    primary = QGuiApplication.primaryScreen()
    return [primary, *(s for s in QGuiApplication.screens() if s is not primary)]
