"""The keyboard rules of a form dialog, in one place (issue 18).

A form opened with the focus on "Spara", so a space typed as the first character saved
the form early and lost the text; Enter in any field saved it too. So in a form:

- no button is the default: Enter and Space typed into a field never save or destroy;
- the focus starts in the first field;
- Ctrl+S saves (the accepting button's tooltip says so), Escape cancels as always.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QPushButton, QWidget


class _FormKeys(QObject):
    """Swallows Enter in the fields, and takes the default mark the button box gives its
    accepting button each time it is shown (QDialogButtonBox does, whatever autoDefault)."""

    def __init__(self, dialog: QDialog, buttons: QDialogButtonBox) -> None:
        super().__init__(dialog)
        self._dialog, self._buttons = dialog, buttons

    def _undefault(self) -> None:
        for button in self._buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self, self._undefault)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            on_button = isinstance(self._dialog.focusWidget(), QAbstractButton)
            if enter and not on_button and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                return True  # Enter in a field saves nothing; a focused button still works
        return False


def guard_form(dialog: QDialog, buttons: QDialogButtonBox, first: QWidget | None) -> None:
    """Apply the form's keyboard rules to ``dialog`` with its ``buttons``."""
    keys = _FormKeys(dialog, buttons)
    keys._undefault()
    dialog.installEventFilter(keys)
    buttons.installEventFilter(keys)
    accepting = next(
        (
            button
            for button in buttons.buttons()
            if buttons.buttonRole(button)
            in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)
        ),
        None,
    )
    if accepting is not None:
        shortcut = QShortcut(QKeySequence.StandardKey.Save, dialog)
        shortcut.activated.connect(accepting.click)
        hint = QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        accepting.setToolTip(f"{accepting.text().replace('&', '')} ({hint})")
    if first is not None:
        first.setFocus()
        # Once shown, too: showing a dialog may move the focus to a button.
        QTimer.singleShot(0, dialog, first.setFocus)
