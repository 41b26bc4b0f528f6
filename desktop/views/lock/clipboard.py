"""Copying personal data: the clipboard is cleared after 30 s unless it changed since."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000


def clear_own_clipboard() -> None:
    """Empty the clipboard (and X11's selection) if Rondplan is still what they hold.

    Whatever a user copied from a page (Ctrl+C in a table, selected text in a label)
    goes to the system clipboard; at lock it is cleared, unless another program has
    put something there since (then this application no longer owns it).
    """
    board = QGuiApplication.clipboard()
    if board.ownsClipboard():
        board.clear(QClipboard.Mode.Clipboard)
    if board.supportsSelection() and board.ownsSelection():
        board.clear(QClipboard.Mode.Selection)


class SensitiveClipboard(QObject):
    """One per application; pages call ``copy(text)`` for personal data."""

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None):
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_now)

    def _clipboard(self) -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        self._clipboard().setText(text)
        self._copied = text
        self._timer.start()

    def clear_now(self) -> None:
        """Clear if the clipboard still holds what we copied (never the user's later copy)."""
        self._timer.stop()
        board = self._clipboard()
        if self._copied is not None and board.text() == self._copied:
            board.clear()
        self._copied = None

    def pending(self) -> bool:
        return self._timer.isActive()
