"""The calendar widget: modes, navigation, filters, and undoable moves."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.planning.conflicts import Conflict
from desktop.services.planning.rows import CalendarTeam, CalendarVisit, VisitStatus
from desktop.views.calendar.agenda import AgendaTableModel, AgendaView
from desktop.views.calendar.canvas import CalendarCanvas
from desktop.views.calendar.commands import CancelVisitCommand, MoveVisitCommand
from desktop.views.calendar.month_view import MonthView
from desktop.views.calendar.style import (
    CONFLICT_SYMBOL,
    STATUS_SYMBOLS,
    URGENT,
    URGENT_SYMBOL,
    conflict_text,
    status_text,
    team_colour,
)
from desktop.views.calendar.time_grid import TimeGridView
from desktop.views.calendar.toolbar import CalendarMode, CalendarToolbar
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change

#: Up to this many teams the legend lists them all, with or without visits in view.
LEGEND_TEAMS = 8

CheckMove = Callable[[int, datetime, int], Sequence[Conflict]]
#: The service calls behind an edit; they run off the GUI thread and touch no widget.
ApplyMove = Callable[[int, datetime, int], Changes | None]
VisitAction = Callable[[int], Changes | None]
RestoreVisit = Callable[[int, VisitStatus], Changes | None]
Confirm = Callable[[list[str]], bool]

__all__ = ["CalendarMode", "CalendarView", "CheckMove", "Confirm"]


class CalendarView(QWidget):
    """Day, work-week, week, month and agenda over the same visits.

    Args:
        check_move: ``(visit_id, new_start, new_team_id) -> conflicts``.
        apply_move: ``(visit_id, new_start, new_team_id)``; redo and undo of a move.
        cancel_visit: ``(visit_id)``; cancels a visit.
        restore_visit: ``(visit_id, status before)``; undoes a cancellation.
        hub: Gets what each edit changed (the runner publishes it once).
        The three edits run through the runner, off the GUI thread; a saved one is
        announced by ``visit_saved(visit_id)``.
        undo_stack: The window's undo stack.
        confirm: Asked with the conflict texts whether to move anyway; a
            message box by default.
        parent: Parent widget.
    """

    visit_activated = Signal(int)
    visit_saved = Signal(int)  # an edit (or its undo or redo) was saved
    range_changed = Signal(object, object)  # first and last date shown
    filter_changed = Signal(object, object)  # operation id, team id (None = all)

    def __init__(
        self,
        check_move: CheckMove,
        apply_move: ApplyMove,
        cancel_visit: VisitAction,
        restore_visit: RestoreVisit,
        undo_stack: QUndoStack,
        confirm: Confirm | None = None,
        parent: QWidget | None = None,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._check_move, self._apply_move = check_move, apply_move
        self._cancel_visit, self._restore_visit = cancel_visit, restore_visit
        self._undo = undo_stack
        self._hub = hub
        # The banner speaks of the last move only (issue 18: it stayed for ever, even
        # after lock and unlock): undo, redo, another view or leaving the page clear it.
        self._pushing = False
        undo_stack.indexChanged.connect(self._undo_moved)
        self.range_changed.connect(self._range_shown)
        self._confirm = confirm or self._ask
        self._visits: dict[int, CalendarVisit] = {}
        self._teams: dict[int, CalendarTeam] = {}
        self._status_before: dict[int, VisitStatus] = {}
        self._anchor = date.today()

        self.month_view = MonthView()
        self.canvases: dict[CalendarMode, CalendarCanvas] = {
            CalendarMode.DAY: TimeGridView(1),
            CalendarMode.WORK_WEEK: TimeGridView(5),
            CalendarMode.WEEK: TimeGridView(7),
            CalendarMode.MONTH: self.month_view,
        }
        self.agenda_model = AgendaTableModel(self)
        self.agenda = AgendaView(self.agenda_model)
        names = {
            CalendarMode.DAY: self.tr("Dagvy"),
            CalendarMode.WORK_WEEK: self.tr("Arbetsveckovy"),
            CalendarMode.WEEK: self.tr("Veckovy"),
            CalendarMode.MONTH: self.tr("Månadsvy"),
        }
        keys = self.tr(
            "Pilarna väljer dag och besök, Enter öppnar besöket, Ctrl+pil flyttar det "
            "en dag eller en halvtimme, Delete ställer in det."
        )
        for mode, canvas in self.canvases.items():
            canvas.base_name = names[mode]
            canvas.setAccessibleName(names[mode])
            canvas.setAccessibleDescription(keys)
            canvas.setToolTip(keys)
        self.agenda.setAccessibleName(self.tr("Besökslista"))
        self.stack = QStackedWidget()
        for mode, canvas in self.canvases.items():
            self.stack.insertWidget(mode, canvas)
            canvas.visit_activated.connect(self.visit_activated)
            canvas.move_requested.connect(self.request_move)
            canvas.cancel_requested.connect(self.request_cancel)
            canvas.day_requested.connect(self._open_day)
        self.stack.insertWidget(CalendarMode.AGENDA, self.agenda)
        self.agenda.visit_activated.connect(self.visit_activated)
        self.agenda.cancel_requested.connect(self.request_cancel)

        self.toolbar = CalendarToolbar()
        self.toolbar.connect_navigation(self.go_today, self.go_previous, self.go_next)
        self.toolbar.mode_group.idClicked.connect(lambda mode: self.set_mode(CalendarMode(mode)))
        self.toolbar.operation_filter.currentIndexChanged.connect(self._filters_changed)
        self.toolbar.team_filter.currentIndexChanged.connect(self._filters_changed)
        # The toolbar's controls, by the names the page and the tests use.
        self.title, self.mode_group = self.toolbar.title, self.toolbar.mode_group
        self.team_filter = self.toolbar.team_filter
        self.operation_filter = self.toolbar.operation_filter
        self.today_button = self.toolbar.today_button
        self.prev_button, self.next_button = self.toolbar.prev_button, self.toolbar.next_button

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#FDECEA;color:#611A15;padding:6px;")
        self.banner.setAccessibleName(self.tr("Krockar"))
        self.banner.hide()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setContentsMargins(6, 2, 6, 4)
        self.legend.setAccessibleName(self.tr("Teckenförklaring"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self.set_mode(CalendarMode.MONTH)

    # Data -------------------------------------------------------------------

    def set_visits(
        self, visits: Sequence[CalendarVisit], day_totals: Mapping[date, int] | None = None
    ) -> None:
        """The visits to show; ``day_totals``: each day's count where ``visits`` holds
        only each day's first (the month view's "+N more" counts the rest)."""
        self._visits = {v.visit_id: v for v in visits}
        self.month_view.set_day_totals(day_totals)
        self._refresh()

    def set_teams(self, teams: Sequence[CalendarTeam]) -> None:
        # "Team 1" of two operations must not read alike in the legend, the day's
        # columns and the filter (issue 18): name the operation when several show.
        if len({t.operation_id for t in teams}) > 1:
            teams = [
                replace(t, name=f"{t.name} · {t.operation_name}") if t.operation_name else t
                for t in teams
            ]
        self._teams = {t.team_id: t for t in teams}
        self.toolbar.set_teams([(t.team_id, t.name) for t in teams])
        self._refresh()

    def set_operations(self, operations: Sequence[tuple[int, str]]) -> None:
        self.toolbar.set_operations(list(operations))

    def filters(self) -> tuple[int | None, int | None]:
        return self.toolbar.filters()

    def _range_shown(self, _first: date, _last: date) -> None:
        self.banner.hide()

    def _undo_moved(self) -> None:
        if not self._pushing:
            self.banner.hide()

    def _push(self, command: QUndoCommand) -> None:
        self._pushing = True
        try:
            self._undo.push(command)
        finally:
            self._pushing = False

    def hideEvent(self, event: QHideEvent) -> None:
        self.banner.hide()
        super().hideEvent(event)

    def _filters_changed(self) -> None:
        self._refresh()
        self.filter_changed.emit(*self.filters())

    def _refresh(self) -> None:
        operation, team = self.filters()
        shown = [
            v
            for v in self._visits.values()
            if (operation is None or v.operation_id == operation)
            and (team is None or v.team_id == team)
        ]
        teams = [t for t in self._teams.values() if team is None or t.team_id == team]
        first, last = self.visible_range()
        in_view = [v for v in shown if first <= v.start.date() <= last]
        # Past a palette of teams (issue 20: every response round adds teams) the day's
        # columns are the teams of the operations with visits in view, so a visit can
        # still go to a free team of its own operation; every team of every operation
        # made sixty columns too narrow for a name (seen in a real window, issue 19).
        columns = teams
        if len(teams) > LEGEND_TEAMS:
            operations = {v.operation_id for v in in_view}
            busy = {v.team_id for v in in_view}
            columns = [t for t in teams if t.operation_id in operations or t.team_id in busy]
        for canvas in self.canvases.values():
            canvas.set_teams(columns)
            canvas.set_visits(shown)
        self.agenda_model.set_visits(in_view)
        # Past a palette of teams the legend names those with visits in view (issue 20:
        # listing them all pushed the calendar off screen).
        if len(teams) > LEGEND_TEAMS:
            teams = [t for t in teams if t.team_id in busy]
        self.legend.setText(self._legend(teams))

    def _legend(self, teams: list[CalendarTeam]) -> str:
        """Teams by colour and statuses by symbol, so no mark relies on colour alone."""
        team_marks = [
            f'<span style="color:{team_colour(t.colour).name()}">■</span> {escape(t.name)}'
            for t in teams
        ]
        status_marks = [f"{STATUS_SYMBOLS[s]} {escape(status_text(s))}" for s in VisitStatus]
        status_marks.append(f"{CONFLICT_SYMBOL} {escape(self.tr('Krock'))}")
        status_marks.append(
            f'<span style="color:{URGENT.name()}">{URGENT_SYMBOL}</span> '
            f"{escape(self.tr('Brådskande (respons på händelse)'))}"
        )
        return "&nbsp;&nbsp; ".join(team_marks + status_marks)

    # Modes and navigation ---------------------------------------------------

    def mode(self) -> CalendarMode:
        return CalendarMode(self.stack.currentIndex())

    def set_mode(self, mode: CalendarMode) -> None:
        self.stack.setCurrentIndex(mode)
        self.mode_group.button(mode).setChecked(True)
        self.set_date(self._anchor)
        if self.isVisible():
            # The keyboard goes on in the chosen view: arrows choose days and visits.
            shown = self.stack.currentWidget()
            if shown is not None:
                shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def canvas(self) -> CalendarCanvas:
        """The painted view of the mode (the month one for the agenda)."""
        return self.canvases.get(self.mode(), self.canvases[CalendarMode.MONTH])

    def visible_range(self) -> tuple[date, date]:
        return self.canvas().visible_range()

    def set_date(self, day: date) -> None:
        self._anchor = day
        for canvas in self.canvases.values():
            canvas.set_anchor(day)
        self._refresh()
        self.title.setText(self._title())
        self.range_changed.emit(*self.visible_range())

    def go_today(self) -> None:
        self.set_date(date.today())

    def go_previous(self) -> None:
        self._go(-1)

    def go_next(self) -> None:
        self._go(1)

    def _go(self, sign: int) -> None:
        if self.mode() in (CalendarMode.MONTH, CalendarMode.AGENDA):
            month = self._anchor.month - 1 + sign
            self.set_date(date(self._anchor.year + month // 12, month % 12 + 1, 1))
        else:
            self.set_date(self._anchor + sign * self.canvas().step())

    def _open_day(self, day: date) -> None:
        self._anchor = day
        self.set_mode(CalendarMode.DAY)

    def _title(self) -> str:
        locale = self.locale()
        first, last = self.visible_range()
        weeks = sorted({first.isocalendar().week, last.isocalendar().week})
        week = self.tr("v. %1").replace("%1", "–".join(str(w) for w in weeks))
        if self.mode() in (CalendarMode.MONTH, CalendarMode.AGENDA):
            month = locale.standaloneMonthName(self._anchor.month)
            return f"{month} {self._anchor.year} · {week}"
        if first == last:
            return f"{locale.dayName(first.isoweekday())} {first.day} " + (
                f"{locale.monthName(first.month)} {first.year} · {week}"
            )
        return f"{first.day}/{first.month}–{last.day}/{last.month} {last.year} · {week}"

    # Moves and cancellations -------------------------------------------------

    def request_move(self, visit_id: int, new_start: datetime, new_team_id: int) -> bool:
        """Check, confirm if needed, apply and push an undoable move.

        Returns:
            Whether the visit was moved.
        """
        visit = self._visits[visit_id]
        conflicts = list(self._check_move(visit_id, new_start, new_team_id))
        if conflicts:
            texts = [conflict_text(c.code) for c in conflicts]
            self.banner.setText(
                self.tr("Flytten bryter mot regler:") + "\n• " + "\n• ".join(dict.fromkeys(texts))
            )
            self.banner.show()
            if not self._confirm(texts):
                self.banner.setText(self.banner.text() + "\n" + self.tr("Besöket flyttades inte."))
                return False
        else:
            self.banner.hide()
        if not self._move(visit_id, new_start, new_team_id):
            return False  # refused (permission, someone else saved first): the banner says why
        self._moved(visit_id, new_start, new_team_id, bool(conflicts))
        self._push(
            MoveVisitCommand(
                self._move,
                visit_id,
                (visit.start, visit.team_id),
                (new_start, new_team_id),
                lambda vid, start, team: self._moved(vid, start, team, None),
            )
        )
        return True

    def _edit(self, title: str, visit_id: int, call: Callable[[], Changes | None]) -> bool:
        """Runs one edit through the runner; True once saved, else the banner says why."""

        def work() -> Changes:
            return call() or Changes()

        if run_change(self, title, work, hub=self._hub, refused=self._refused) is None:
            return False
        self.visit_saved.emit(visit_id)
        return True

    def _move(self, visit_id: int, start: datetime, team_id: int) -> bool:
        return self._edit(
            self.tr("Flytta besök"), visit_id, lambda: self._apply_move(visit_id, start, team_id)
        )

    def _cancel(self, visit_id: int) -> bool:
        return self._edit(self.tr("Ställ in besök"), visit_id, lambda: self._cancel_visit(visit_id))

    def _restore(self, visit_id: int) -> bool:
        status = self._status_before.get(visit_id, VisitStatus.PLANNED)
        return self._edit(
            self.tr("Ställ in besök"), visit_id, lambda: self._restore_visit(visit_id, status)
        )

    def _refused(self, text: str, _error: BaseException) -> None:
        self.show_refusal(text)

    def show_refusal(self, text: str) -> None:
        """Say in the banner why an edit (or its undo) was refused."""
        self.banner.setText(text)
        self.banner.show()

    def set_version(self, visit_id: int, version: int) -> None:
        """Refresh a shown row's version after an edit was saved."""
        if visit_id in self._visits:
            self._visits[visit_id] = replace(self._visits[visit_id], version=version)

    def _moved(self, visit_id: int, start: datetime, team_id: int, conflict: bool | None) -> None:
        visit = self._visits.get(visit_id)
        if visit is None:  # moved out of the shown range
            return
        team = self._teams.get(team_id)
        self._visits[visit_id] = replace(
            visit,
            start=start,
            end=start + (visit.end - visit.start),
            team_id=team_id,
            team_name=team.name if team else visit.team_name,
            team_colour=team.colour if team else visit.team_colour,
            has_conflict=visit.has_conflict if conflict is None else conflict,
        )
        self._refresh()

    def request_cancel(self, visit_id: int) -> None:
        """Cancel a visit through the undo stack."""
        if self._visits[visit_id].status is VisitStatus.CANCELLED:
            return
        self._status_before[visit_id] = self._visits[visit_id].status
        if not self._cancel(visit_id):
            return  # an outcome was recorded or someone else saved first: the banner says
        self.banner.hide()
        self._cancelled(visit_id, True)
        self._push(CancelVisitCommand(self._cancel, self._restore, visit_id, self._cancelled))

    def _cancelled(self, visit_id: int, cancelled: bool) -> None:
        visit = self._visits.get(visit_id)
        if visit is None:  # not in the shown range
            return
        if cancelled:
            # The page may already have reloaded the row as cancelled: keep what it was.
            if visit.status is not VisitStatus.CANCELLED:
                self._status_before[visit_id] = visit.status
            status = VisitStatus.CANCELLED
        else:
            # Kept (not popped): a redo cancels again and a second undo needs it too.
            status = self._status_before.get(visit_id, VisitStatus.PLANNED)
        self._visits[visit_id] = replace(visit, status=status)
        self._refresh()

    def visit(self, visit_id: int) -> CalendarVisit:
        return self._visits[visit_id]

    def _ask(self, texts: list[str]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Flytta besök"))
        box.setText(self.tr("Flytten bryter mot regler. Flytta ändå?"))
        box.setInformativeText("\n".join(dict.fromkeys(texts)))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
