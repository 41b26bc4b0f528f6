"""Answering the password-again dialog from a test (it is modal and checks off-thread)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.views.admin.reauth_dialog import ReauthDialog


def answer_password(password: str, tries: int = 250) -> list[str]:
    """Types ``password`` into the next modal ReauthDialog and submits it.

    Returns the class names of the modal windows that asked, filled in as they come;
    any other modal window is rejected. Gives up after ``tries`` × 20 ms.
    """
    asked: list[str] = []

    def answer(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left > 0:
                QTimer.singleShot(20, lambda: answer(left - 1))
            return
        asked.append(type(dialog).__name__)
        if isinstance(dialog, ReauthDialog):
            dialog.password.setText(password)
            dialog.submit()
        else:
            dialog.reject()

    QTimer.singleShot(20, lambda: answer(tries))
    return asked
