"""Undoable calendar edits: moving and cancelling a visit, recording or correcting an
outcome.

Each edit runs through the runner (``desktop.views.runner.run_change``), which passes
it off the GUI thread, says why it was refused (someone else saved first, an outcome
was recorded) and publishes what it changed; a refused edit leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

#: An edit run through the runner: True once saved, False when refused (already said).
MoveEdit = Callable[[int, datetime, int], bool]
VisitEdit = Callable[[int], bool]
#: What a correction replaced (``OutcomeBefore``), kept by the command for its undo.
B = TypeVar("B")


class _Refusable(QUndoCommand):
    """Runs an edit; a refused one (the runner said why) makes the command obsolete."""

    def _run(self, edit: Callable[[], bool]) -> bool:
        if edit():
            return True
        # Undoing over another workstation's change would overwrite it: drop it.
        self.setObsolete(True)
        return False


class MoveVisitCommand(_Refusable):
    """Move a visit; undo moves it back to where it was.

    The first redo is skipped: the view applies the move before pushing, so a
    refusal is said by the view instead of disappearing inside ``QUndoStack.push``.
    """

    def __init__(
        self,
        apply_move: MoveEdit,
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
        if self._run(lambda: self._apply(self._visit_id, *self._new)):
            self._on_changed(self._visit_id, *self._new)

    def undo(self) -> None:
        if self._run(lambda: self._apply(self._visit_id, *self._old)):
            self._on_changed(self._visit_id, *self._old)


class CancelVisitCommand(_Refusable):
    """Cancel a visit; undo restores it. Applied before pushing, like a move."""

    def __init__(
        self,
        cancel_visit: VisitEdit,
        restore_visit: VisitEdit,
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
        if self._run(lambda: self._cancel(self._visit_id)):
            self._on_changed(self._visit_id, True)

    def undo(self) -> None:
        if self._run(lambda: self._restore(self._visit_id)):
            self._on_changed(self._visit_id, False)


class RecordOutcomeCommand(_Refusable):
    """An outcome recorded for a visit that had none; undo takes it back (issue 17).

    The dialog saves before the push (the first redo is skipped, as for a move). Undo
    calls the outcome service's ``undo``: the visit is planned again and what the
    outcome created (delivery, referral, follow-up task) is retracted with it. Redo
    records the same outcome again.
    """

    def __init__(
        self,
        record: VisitEdit,
        undo_outcome: VisitEdit,
        visit_id: int,
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarView", "Registrera utfall"))
        self._record, self._undo_outcome = record, undo_outcome
        self._visit_id = visit_id
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(lambda: self._record(self._visit_id))

    def undo(self) -> None:
        self._run(lambda: self._undo_outcome(self._visit_id))


class CorrectOutcomeCommand(_Refusable, Generic[B]):
    """A recorded outcome corrected; undo puts back the outcome it replaced (issue 17).

    The dialog saves before the push (the first redo is skipped). Undo calls
    ``OutcomeCorrections.undo`` with what the correction replaced: that outcome, its
    referral and tasks and delivery come back, what the correction created goes. Redo
    corrects again and keeps what that correction replaced for the next undo.
    """

    def __init__(
        self,
        correct: Callable[[int], B | None],
        undo_correction: Callable[[int, B], bool],
        visit_id: int,
        before: B,
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarView", "Rätta utfall"))
        self._correct, self._undo_correction = correct, undo_correction
        self._visit_id = visit_id
        self._before = before
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        before = self._correct(self._visit_id)
        if before is None:
            self.setObsolete(True)  # refused (said in the banner): drop it
            return
        self._before = before

    def undo(self) -> None:
        self._run(lambda: self._undo_correction(self._visit_id, self._before))
