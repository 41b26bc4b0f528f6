"""The lock overlay: an opaque cover over a window's whole content, with a password box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LockOverlay(QWidget):
    """Covers ``window`` entirely (menus included) and follows its size.

    Args:
        window: The top-level window to hide.
        user_label: Who is logged in, shown above the password box.
        with_password: Only one overlay asks for the password; the others just cover.
    """

    unlock_requested = Signal(str)

    def __init__(self, window: QWidget, user_label: str, with_password: bool) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
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
        box.setMaximumWidth(380)
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
            layout.addWidget(QLabel(self.tr("Lås upp i huvudfönstret.")))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        if self.password is not None:
            self.password.setFocus()

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.ChildAdded,
        ):
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False
