"""Form dialogs and the keyboard (issue 18): the focus starts in the first field, a typed
space or Enter never saves (no button is the default), Ctrl+S saves, Escape cancels.

Before, a form opened with the focus on "Spara", so a space typed as the first
character saved the form early and lost the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from desktop.services.changes import Changes
from desktop.views.operations.operation_dialog import OperationDialog
from desktop.views.widgets.form_dialog import FormDialog


class NameDialog(FormDialog):
    def __init__(self) -> None:
        super().__init__("Namn")
        self.saved: list[str] = []
        self.name = self.add_row("&Namn", "name", QLineEdit(), "Namn")

    def submit(self) -> Callable[[], Changes]:
        name = self.name.text()  # read here, on the GUI thread; the call runs off it

        def save() -> Changes:
            self.saved.append(name)
            return Changes("Spara namn")

        return save


def _shown(qtbot: QtBot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(10)  # the focus is set again once shown
    return dialog


def _no_default_button(dialog) -> None:
    for button in dialog.findChildren(QPushButton):
        assert not button.isDefault(), button.text()
        assert not button.autoDefault(), button.text()


@pytest.mark.parametrize("make", [NameDialog, lambda: OperationDialog(lambda value: None)])
def test_focus_starts_in_the_first_field_and_no_button_is_default(qtbot: QtBot, make):
    dialog = _shown(qtbot, make())
    focused = dialog.focusWidget()
    assert isinstance(focused, QLineEdit)
    assert not isinstance(focused, QAbstractButton)
    _no_default_button(dialog)


def test_space_and_enter_type_into_the_form_and_do_not_save(qtbot: QtBot):
    dialog = _shown(qtbot, NameDialog())
    qtbot.keyClicks(dialog.focusWidget(), " Ali")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.saved == []
    assert dialog.name.text() == " Ali"


def test_ctrl_s_saves_and_escape_cancels(qtbot: QtBot):
    saved: list[object] = []
    dialog = _shown(qtbot, OperationDialog(saved.append))
    qtbot.keyClicks(dialog.focusWidget(), "Insats vinter")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [value.name for value in saved] == ["Insats vinter"]
    assert not dialog.isVisible()

    other = _shown(qtbot, NameDialog())
    qtbot.keyClick(other.focusWidget(), Qt.Key.Key_Escape)
    assert not other.isVisible()
    assert other.saved == []
