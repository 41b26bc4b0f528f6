"""Undo of field edits in a dialog before it is saved (one QUndoStack per dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget


class _FieldChange(QUndoCommand):
    def __init__(self, tracker: FieldUndo, widget: QWidget, old: Any, new: Any) -> None:
        super().__init__(widget.accessibleName() or widget.objectName())
        self._tracker, self._widget, self._old, self._new = tracker, widget, old, new

    def undo(self) -> None:
        self._tracker.apply(self._widget, self._old)

    def redo(self) -> None:
        self._tracker.apply(self._widget, self._new)


class FieldUndo:
    """Records each finished field edit as an undoable step.

    Line edits count when editing finishes (not per key); check boxes and combo
    boxes at once.
    """

    def __init__(self, stack: QUndoStack) -> None:
        self.stack = stack
        self._last: dict[QWidget, Any] = {}
        self._getters: dict[QWidget, Callable[[], Any]] = {}
        self._setters: dict[QWidget, Callable[[Any], None]] = {}
        self._applying = False

    def track(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            self._register(widget, widget.text, widget.setText)
            widget.editingFinished.connect(lambda w=widget: self._changed(w))
        elif isinstance(widget, QPlainTextEdit):
            self._register(widget, widget.toPlainText, widget.setPlainText)
            widget.textChanged.connect(lambda w=widget: self._changed(w))
        elif isinstance(widget, QCheckBox):
            self._register(widget, widget.isChecked, widget.setChecked)
            widget.toggled.connect(lambda _on, w=widget: self._changed(w))
        elif isinstance(widget, QComboBox):
            self._register(widget, widget.currentIndex, widget.setCurrentIndex)
            widget.currentIndexChanged.connect(lambda _i, w=widget: self._changed(w))

    def _register(
        self, widget: QWidget, getter: Callable[[], Any], setter: Callable[[Any], None]
    ) -> None:
        self._getters[widget], self._setters[widget] = getter, setter
        self._last[widget] = getter()

    def _changed(self, widget: QWidget) -> None:
        if self._applying:
            return
        new = self._getters[widget]()
        old = self._last[widget]
        if new != old:
            self._last[widget] = new
            self.stack.push(_FieldChange(self, widget, old, new))

    def apply(self, widget: QWidget, value: Any) -> None:
        self._applying = True
        try:
            self._setters[widget](value)
            self._last[widget] = value
        finally:
            self._applying = False
