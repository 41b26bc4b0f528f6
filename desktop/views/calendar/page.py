"""Kalender: the calendar views wired to the schedule services, with print and export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import VisitStatus
from desktop.services.changes import Changes
from desktop.services.operations.outcome_correction import OutcomeBefore
from desktop.services.operations.rows import OutcomeInput
from desktop.services.planning.conflicts import Conflict
from desktop.services.planning.rows import VisitStatus as RowStatus
from desktop.views.calendar.calendar_view import CalendarMode, CalendarView, Confirm
from desktop.views.calendar.commands import CorrectOutcomeCommand, RecordOutcomeCommand
from desktop.views.calendar.month_view import MAX_PER_CELL
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.errors_text import interface_language
from desktop.views.operations.actions import open_outcome
from desktop.views.runner import run_change, run_query

if TYPE_CHECKING:
    from desktop.services.bundle import Services
    from desktop.views.wiring import PageContext

RELEVANT = ("visit", "team", "operation")


class CalendarPage(QWidget):
    """The Kalender page.

    Args:
        services: All services (schedule, outcomes, outputs, and reauthentication).
        hub: Where changes are published; None in isolation.
        confirm: Asked whether to move despite conflicts (a message box by default).
    """

    def __init__(
        self,
        services: Services,
        hub: ChangesHub | None = None,
        confirm: Confirm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub_or_own(hub, self.apply_changes)
        self._ops = services.operations
        # The version each visit was last read or saved at; edits pass it back so a
        # change from another workstation is refused instead of overwritten.
        self._versions: dict[int, int] = {}
        self._teams_of: int | None = None  # the operation whose teams are listed
        # The filter (operation, team) the month view's visits were last read for.
        self._month_of: tuple[int | None, int | None] | None = None
        self.undo_stack = QUndoStack(self)
        self.calendar = CalendarView(
            self.check_move,
            self.apply_move,
            self.cancel_visit,
            self.restore_visit,
            self.undo_stack,
            confirm=confirm,
            hub=self._hub,
        )
        self.calendar.visit_saved.connect(self._saved)
        self.undo_button = QPushButton(self.tr("&Ångra"))
        self.undo_button.setToolTip(self.tr("Ångra (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Gör &om"))
        self.print_button = QPushButton(self.tr("Skriv &ut teamets schema…"))
        self.export_button = QPushButton(self.tr("&Exportera iCalendar…"))
        self.export_button.setToolTip(self.tr("Välj ett team i filtret först"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        self.print_button.clicked.connect(self.print_schedule)
        self.export_button.clicked.connect(self.export_icalendar)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar, 1)
        layout.addLayout(bar)

        self.calendar.range_changed.connect(lambda first, last: self.reload())
        self.calendar.filter_changed.connect(self._filters_changed)
        self.calendar.visit_activated.connect(self.open_visit)
        self.reload_choices()
        self._filters_changed()
        # The view announced its first range while it was being built, before the
        # connection above existed: load that range now (issue 18: the month was empty
        # on first open until another view was shown).
        self.reload()

    # Data ---------------------------------------------------------------------

    def reload_choices(self) -> None:
        operations = run_query(self, self.tr("Kalender"), self._ops.visits.operation_choices) or []
        self.calendar.set_operations([(o.id, o.label) for o in operations])
        self._reload_teams()

    def _reload_teams(self) -> None:
        operation, _ = self.calendar.filters()
        teams = run_query(
            self, self.tr("Kalender"), lambda: self._ops.visits.calendar_teams(operation)
        )
        self.calendar.set_teams(teams or [])

    def _filters_changed(self) -> None:
        operation, team = self.calendar.filters()
        if operation != self._teams_of:
            # The team filter, the legend and the day's columns follow the operation.
            self._teams_of = operation
            self._reload_teams()
            operation, team = self.calendar.filters()
        # The team filter is the choice: one team, or "Alla team" for every team of
        # the day (or week) in one print (issue 18).
        if team is None:
            self.print_button.setText(self.tr("Skriv &ut alla teams schema…"))
            self.print_button.setToolTip(
                self.tr("Alla team som visas, med sina medlemmar, i en utskrift")
            )
        else:
            self.print_button.setText(self.tr("Skriv &ut teamets schema…"))
            self.print_button.setToolTip(self.tr("Teamet i filtret, med sina medlemmar"))
        self.export_button.setEnabled(team is not None)
        month_of = self._month_of
        if self.calendar.mode() is CalendarMode.MONTH and month_of not in (None, (operation, team)):
            self.reload()  # which visits a day shows first depends on the filter

    def reload(self) -> None:
        first, last = self.calendar.visible_range()
        visits = self._ops.visits
        if self.calendar.mode() is CalendarMode.MONTH:
            # A cell shows its day's first visits and "+N more": only those are read,
            # for the filter chosen (a national month is 6,000 visits, issue 19).
            operation, team = self._month_of = self.calendar.filters()
            # The chosen visit is read wherever it falls: a visit moved by the keyboard
            # onto a full day stays chosen, and the next Ctrl+arrow moves it on.
            keep = self.calendar.canvas().selected_visit()
            month = run_query(
                self,
                self.tr("Kalender"),
                lambda: visits.calendar_month(first, last, MAX_PER_CELL, operation, team, keep),
            )
            if month is None:  # said in a message; no other filter's visits and counts
                self.calendar.set_visits([])
                return
            self._versions.update((r.visit_id, r.version) for r in month.visits)
            self.calendar.set_visits(month.visits, month.day_totals)
            return
        rows = run_query(self, self.tr("Kalender"), lambda: visits.calendar(first, last))
        if rows is not None:
            self._versions.update((r.visit_id, r.version) for r in rows)
            self.calendar.set_visits(rows)

    def show_date(self, day: dt.date, mode: CalendarMode | None = None) -> None:
        if mode is not None:
            self.calendar.set_mode(mode)
        self.calendar.set_date(day)

    # The callables the calendar view is given -----------------------------------

    def check_move(self, visit_id: int, start: dt.datetime, team_id: int) -> list[Conflict]:
        return self._ops.visits.check_move(visit_id, start, team_id)

    # The edits run on the runner's thread (the view runs them): service calls only.

    def apply_move(self, visit_id: int, start: dt.datetime, team_id: int) -> Changes:
        version = self._versions.get(visit_id)
        return self._ops.visits.move_visit(visit_id, start, team_id, version=version)

    def cancel_visit(self, visit_id: int) -> Changes:
        version = self._versions.get(visit_id)
        return self._ops.visits.cancel_visit(visit_id, version=version)

    def restore_visit(self, visit_id: int, before: RowStatus) -> Changes:
        status = VisitStatus(before.value) if before is not RowStatus.CANCELLED else None
        version = self._versions.get(visit_id)
        return self._ops.visits.restore_visit(
            visit_id, status or VisitStatus.PLANNED, version=version
        )

    def _saved(self, visit_id: int) -> None:
        """Refresh the visit's version after an edit: the next undo or redo carries it."""
        version = run_query(
            self, self.tr("Kalender"), lambda: self._ops.visits.visit_version(visit_id)
        )
        if version is not None:
            self._versions[visit_id] = version
            self.calendar.set_version(visit_id, version)

    # Actions --------------------------------------------------------------------

    def open_visit(self, visit_id: int) -> None:
        """Enter on a visit: the outcome dialog (a proposed visit has no outcome yet)."""
        if self.calendar.visit(visit_id).status is RowStatus.PROPOSED:
            QMessageBox.information(
                self,
                self.tr("Besök"),
                self.tr("Besöket är ett förslag. Godkänn planen under Insatser först."),
            )
            return
        open_outcome(
            self,
            self._ops,
            visit_id,
            self._hub,
            self._outcome_recorded,
            self._outcome_corrected,
        )

    def _outcome_recorded(self, visit_id: int, data: OutcomeInput) -> None:
        """A first outcome was saved: Ctrl+Z takes it back (issue 17)."""
        self._versions[visit_id] = self._ops.visits.visit_version(visit_id)
        self.undo_stack.push(
            RecordOutcomeCommand(
                lambda vid: self.record_outcome(vid, data),
                self.undo_outcome,
                visit_id,
            )
        )

    def _outcome_corrected(self, visit_id: int, data: OutcomeInput, before: OutcomeBefore) -> None:
        """A recorded outcome was corrected: Ctrl+Z puts the one before back (issue 17)."""
        self._versions[visit_id] = self._ops.visits.visit_version(visit_id)
        self.undo_stack.push(
            CorrectOutcomeCommand(
                lambda vid: self.correct_outcome(vid, data),
                self.undo_correction,
                visit_id,
                before,
            )
        )

    def correct_outcome(self, visit_id: int, data: OutcomeInput) -> OutcomeBefore | None:
        """Correct again (redo after undo); what it replaced, or None when refused."""
        corrections, visits = self._ops.corrections, self._ops.visits
        done = run_change(
            self,
            self.tr("Rätta utfall"),
            lambda: corrections.correct(visit_id, visits.visit_version(visit_id), data),
            hub=self._hub,
            refused=lambda text, _error: self.calendar.show_refusal(text),
        )
        if done is None:
            return None
        self._saved(visit_id)
        return done.before

    def undo_correction(self, visit_id: int, before: OutcomeBefore) -> bool:
        """Put back the outcome a correction replaced, with what it had derived."""
        corrections, visits = self._ops.corrections, self._ops.visits
        known = self._versions.get(visit_id)
        return self._outcome_edit(
            self.tr("Ångra rättat utfall"),
            visit_id,
            lambda: corrections.undo(
                visit_id, known if known is not None else visits.visit_version(visit_id), before
            ),
        )

    def record_outcome(self, visit_id: int, data: OutcomeInput) -> bool:
        """Record an outcome again (redo after undo), at the visit's current version."""
        outcomes, visits = self._ops.outcomes, self._ops.visits
        return self._outcome_edit(
            self.tr("Registrera utfall"),
            visit_id,
            lambda: outcomes.record(visit_id, visits.visit_version(visit_id), data),
        )

    def undo_outcome(self, visit_id: int) -> bool:
        """Take the recorded outcome back: the visit is planned again."""
        outcomes, visits = self._ops.outcomes, self._ops.visits
        known = self._versions.get(visit_id)
        return self._outcome_edit(
            self.tr("Ångra utfall"),
            visit_id,
            lambda: outcomes.undo(
                visit_id, known if known is not None else visits.visit_version(visit_id)
            ),
        )

    def _outcome_edit(self, title: str, visit_id: int, work: Callable[[], Changes]) -> bool:
        def refused(text: str, _error: BaseException) -> None:
            self.calendar.show_refusal(text)

        if run_change(self, title, work, hub=self._hub, refused=refused) is None:
            return False
        self._saved(visit_id)
        return True

    def _team(self) -> int | None:
        return self.calendar.filters()[1]

    def print_schedule(self) -> None:
        """Print the shown range for the chosen team, or for every team, as a landscape PDF.

        Without a team in the filter every team is printed: those of the chosen
        operation, or every team with a visit in the range.
        """
        operation, team = self.calendar.filters()
        first, last = self.calendar.visible_range()
        lang = interface_language()  # the schedule's words are the user's (issue 18)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara schema"), f"schema-{first}.pdf", self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        printed = run_change(
            self,
            self.tr("Skriv ut"),
            lambda: self._ops.outputs.print_team_schedule(
                team, first, last, Path(path), operation_id=operation, lang=lang
            ),
            hub=self._hub,
        )
        if printed is not None:
            QMessageBox.information(
                self,
                self.tr("Skriv ut"),
                self.tr("Schemat sparades med löpnummer %1.").replace("%1", printed.serial),
            )

    def export_icalendar(self) -> None:
        """Export the chosen team's visits in the shown range as an .ics file."""
        team = self._team()
        if team is None:
            return
        first, last = self.calendar.visible_range()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportera kalender"), "team.ics", self.tr("iCalendar (*.ics)")
        )
        if not path:
            return
        outputs = self._ops.outputs
        export = run_change(
            self,
            self.tr("Exportera"),
            lambda: outputs.team_icalendar(team, first, last),
            hub=self._hub,
            reauth=self._services.security.reauth,
        )
        if export is not None:
            Path(path).write_text(export.text, encoding="utf-8", newline="")

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("team", "operation"):
            self.reload_choices()
        if changes.touches(*RELEVANT):
            self.reload()


def create_page(context: PageContext) -> CalendarPage:
    page = CalendarPage(context.services, context.hub)
    context.hub.changes_applied.connect(page.apply_changes)
    return page
