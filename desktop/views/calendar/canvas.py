"""The painted base of the day, week and month views: data, cursor, drag, keys."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from desktop.services.planning.calendar_sv import days_off
from desktop.services.planning.rows import CalendarTeam, CalendarVisit, VisitStatus
from desktop.views.calendar.style import STATUS_SYMBOLS, URGENT_SYMBOL, status_text, urgent_text


class CalendarCanvas(QWidget):
    """Shared behaviour of the painted views; subclasses lay out and paint.

    Visits are kept bucketed by day and sorted, so painting only walks the
    days on screen. Drag and drop is done with plain mouse events (no QDrag):
    the view only needs a target time and team, and it stays testable.
    """

    visit_activated = Signal(int)
    move_requested = Signal(int, object, object)  # visit id, new start, new team id
    cancel_requested = Signal(int)
    day_requested = Signal(object)  # a date: "+N till" clicked
    cursor_moved = Signal(object)  # the cursor's date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self._by_day: dict[date, list[CalendarVisit]] = {}
        self._by_id: dict[int, CalendarVisit] = {}
        self._teams: tuple[CalendarTeam, ...] = ()
        self._holidays: dict[date, str] = {}
        self.base_name = ""  # what the view is, e.g. "Månadsvy" (set by the CalendarView)
        self._anchor = date.today()
        self._cursor_day = self._anchor
        self._selected_id: int | None = None
        self._press: QPoint | None = None
        self._drag_id: int | None = None
        self._drag_pos: QPoint | None = None

    # The cursor's day and the chosen visit are told in the accessible name, so a screen
    # reader (and the e2e tests' probe) knows what the keyboard is on.
    @property
    def _cursor(self) -> date:
        return self._cursor_day

    @_cursor.setter
    def _cursor(self, day: date) -> None:
        self._cursor_day = day
        self._announce()

    @property
    def _selected(self) -> int | None:
        return self._selected_id

    @_selected.setter
    def _selected(self, visit_id: int | None) -> None:
        self._selected_id = visit_id
        self._announce()

    def _announce(self) -> None:
        if not self.base_name:
            return
        visit = self._by_id.get(self._selected_id) if self._selected_id is not None else None
        chosen = f"{visit.start:%H:%M} {visit.person_label}" if visit else self._nothing_chosen()
        if visit is not None and visit.urgent:
            chosen += f" – {URGENT_SYMBOL} {urgent_text()}"
        self.setAccessibleName(f"{self.base_name} – {self._cursor_day.isoformat()} – {chosen}")

    def _nothing_chosen(self) -> str:
        """What the accessible name says of the cursor's day when no visit is chosen."""
        return self.tr("inget besök valt")

    # Data ---------------------------------------------------------------

    def set_visits(self, visits: list[CalendarVisit] | tuple[CalendarVisit, ...]) -> None:
        by_day: dict[date, list[CalendarVisit]] = defaultdict(list)
        for visit in visits:
            by_day[visit.start.date()].append(visit)
        for bucket in by_day.values():
            bucket.sort(key=lambda v: (v.start, v.team_name, v.visit_id))
        self._by_day = dict(by_day)
        self._by_id = {v.visit_id: v for v in visits}
        if self._selected not in self._by_id:
            self._selected = None
        self._announce()
        self.update()

    def set_teams(self, teams: list[CalendarTeam] | tuple[CalendarTeam, ...]) -> None:
        self._teams = tuple(teams)
        self.update()

    def set_anchor(self, day: date) -> None:
        """Show the period containing ``day`` and put the cursor there."""
        self._anchor = day
        self._cursor = day
        first, last = self.visible_range()
        # Holiday names in the interface's language (issue 18: "Julafton" under English).
        english = self.locale().language() == QLocale.Language.English
        self._holidays = days_off(first, last, "en_US" if english else "sv")
        self.update()

    def anchor(self) -> date:
        return self._anchor

    def cursor_day(self) -> date:
        return self._cursor

    def selected_visit(self) -> int | None:
        return self._selected

    def visits_on(self, day: date) -> list[CalendarVisit]:
        return self._by_day.get(day, [])

    def holiday_name(self, day: date) -> str | None:
        return self._holidays.get(day)

    # Subclass hooks -------------------------------------------------------

    def visible_range(self) -> tuple[date, date]:
        raise NotImplementedError

    def step(self) -> timedelta:
        """How far previous/next moves the anchor."""
        raise NotImplementedError

    def visit_at(self, pos: QPoint) -> CalendarVisit | None:
        raise NotImplementedError

    def drop_target(self, pos: QPoint, visit: CalendarVisit) -> tuple[datetime, int] | None:
        """The new start and team if ``visit`` is dropped at ``pos``."""
        raise NotImplementedError

    def vertical_days(self) -> int:
        """Days the cursor jumps for Up/Down when it runs out of visits."""
        return 0

    # Drop -------------------------------------------------------------------

    def drop_visit(self, visit_id: int, new_start: datetime, new_team_id: int) -> None:
        """Ask for a move unless it is a no-op; the CalendarView decides."""
        visit = self._by_id.get(visit_id)
        if visit is None or (visit.start == new_start and visit.team_id == new_team_id):
            return
        self.move_requested.emit(visit_id, new_start, new_team_id)

    # Mouse --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        visit = self.visit_at(pos)
        self._press = pos
        self._selected = visit.visit_id if visit else None
        if visit is not None:
            self._cursor = visit.start.date()
        else:
            day = self.day_at(pos)
            if day is not None:
                self._cursor = day
        self.cursor_moved.emit(self._cursor)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press is None or self._selected is None:
            return
        far = (pos - self._press).manhattanLength() >= QApplication.startDragDistance()
        if self._drag_id is None and far:
            visit = self._by_id[self._selected]
            if visit.status is not VisitStatus.CANCELLED:
                self._drag_id = self._selected
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._drag_id is not None:
            self._drag_pos = pos
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag_id, pos = self._drag_id, event.position().toPoint()
        visit = self._by_id.get(drag_id) if drag_id is not None else None
        # The target needs the press point (where in the block it was grabbed).
        target = self.drop_target(pos, visit) if visit else None
        self._press = self._drag_id = self._drag_pos = None
        self.unsetCursor()
        self.update()
        if drag_id is None:
            self._click(pos)
            return
        if target is not None:
            self.drop_visit(drag_id, target[0], target[1])

    def _click(self, pos: QPoint) -> None:
        """A plain click; the month view uses it for "+N till"."""

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        visit = self.visit_at(event.position().toPoint())
        if visit is not None:
            self.visit_activated.emit(visit.visit_id)

    def day_at(self, pos: QPoint) -> date | None:
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            visit = self.visit_at(event.pos())
            if visit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(visit), self)
            return True
        return super().event(event)

    # Keyboard -----------------------------------------------------------------

    # Ctrl+arrow moves the selected visit, as a drag would (issue 18: a visit could not
    # be moved without a mouse): a day left or right, half an hour up or down.
    KEY_MOVES: dict[int, timedelta] = {
        Qt.Key.Key_Left: timedelta(days=-1),
        Qt.Key.Key_Right: timedelta(days=1),
        Qt.Key.Key_Up: timedelta(minutes=-30),
        Qt.Key.Key_Down: timedelta(minutes=30),
    }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and key in self.KEY_MOVES:
            self._move_selected(self.KEY_MOVES[key])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._move_cursor_days(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_cursor_visits(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._selected is not None:
                self.visit_activated.emit(self._selected)
        elif key == Qt.Key.Key_Delete:
            if self._selected is not None:
                self.cancel_requested.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _move_selected(self, delta: timedelta) -> None:
        visit = self._by_id.get(self._selected) if self._selected is not None else None
        if visit is None:
            return
        new_start = visit.start + delta
        self.drop_visit(visit.visit_id, new_start, visit.team_id)
        if new_start.date() != self._cursor:
            self._set_cursor(new_start.date())  # the cursor follows, the visit stays chosen
        self.update()

    def keyboard_visits(self, day: date) -> list[CalendarVisit]:
        """The visits of ``day`` the arrow keys walk through."""
        return self.visits_on(day)

    def _move_cursor_days(self, delta: int) -> None:
        self._set_cursor(self._cursor + timedelta(days=delta))
        visits = self.keyboard_visits(self._cursor)
        self._selected = visits[0].visit_id if visits else None
        self.update()

    def _move_cursor_visits(self, delta: int) -> None:
        visits = self.keyboard_visits(self._cursor)
        ids = [v.visit_id for v in visits]
        if self._selected in ids:
            index = ids.index(self._selected) + delta
        else:
            index = 0 if delta > 0 else len(ids) - 1
        if 0 <= index < len(ids):
            self._selected = ids[index]
        elif self.vertical_days():
            self._set_cursor(self._cursor + timedelta(days=delta * self.vertical_days()))
            day_visits = self.keyboard_visits(self._cursor)
            self._selected = day_visits[0].visit_id if day_visits else None
        self.update()

    def _set_cursor(self, day: date) -> None:
        first, last = self.visible_range()
        self._cursor = day
        if not first <= day <= last:
            self.set_anchor(day)
        self.cursor_moved.emit(day)

    # Text ---------------------------------------------------------------------

    def tooltip_text(self, visit: CalendarVisit) -> str:
        lines = [
            f"{STATUS_SYMBOLS[visit.status]} {status_text(visit.status)}",
            *([f"{URGENT_SYMBOL} {urgent_text()}"] if visit.urgent else []),
            f"{visit.start:%H:%M}–{visit.end:%H:%M}  {visit.person_label}",
            self.tr("Team: %1").replace("%1", visit.team_name),
            self.tr("Område: %1").replace("%1", visit.area),
        ]
        if visit.address_changed:
            lines.append(self.tr("Adressen har ändrats sedan planeringen"))
        if visit.has_conflict:
            lines.append(self.tr("⚠ Krockar med en regel"))
        return "\n".join(lines)
