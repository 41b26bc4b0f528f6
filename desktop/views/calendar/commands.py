"""Undoable calendar edits: moving and cancelling a visit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

ApplyMove = Callable[[int, datetime, int], object]
VisitAction = Callable[[int], object]


class MoveVisitCommand(QUndoCommand):
    """Move a visit; undo moves it back to where it was.

    The first redo is skipped: the view applies the move before pushing, so a
    refusal from the service surfaces as an exception to the view instead of
    disappearing inside ``QUndoStack.push``.
    """

    def __init__(
        self,
        apply_move: ApplyMove,
        visit_id: int,
        old: tuple[datetime, int],
        new: tuple[datetime, int],
        on_changed: Callable[[int, datetime, int], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarView", "Flytta besök"))
        self._apply = apply_move
        self._visit_id = visit_id
        self._old, self._new = old, new
        self._on_changed = on_changed
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._apply(self._visit_id, *self._new)
        self._on_changed(self._visit_id, *self._new)

    def undo(self) -> None:
        self._apply(self._visit_id, *self._old)
        self._on_changed(self._visit_id, *self._old)


class CancelVisitCommand(QUndoCommand):
    """Cancel a visit; undo restores it. Applied before pushing, like a move."""

    def __init__(
        self,
        cancel_visit: VisitAction,
        restore_visit: VisitAction,
        visit_id: int,
        on_changed: Callable[[int, bool], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarView", "Ställ in besök"))
        self._cancel, self._restore = cancel_visit, restore_visit
        self._visit_id = visit_id
        self._on_changed = on_changed
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._cancel(self._visit_id)
        self._on_changed(self._visit_id, True)

    def undo(self) -> None:
        self._restore(self._visit_id)
        self._on_changed(self._visit_id, False)
