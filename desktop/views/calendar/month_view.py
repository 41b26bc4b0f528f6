"""The month: ISO weeks as rows, Monday first, at most eight visits a day."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from desktop.services.planning.calendar_sv import week_start
from desktop.services.planning.rows import MONTH_CELL_VISITS, CalendarVisit, VisitStatus
from desktop.views.calendar.canvas import CalendarCanvas
from desktop.views.calendar.style import (
    CONFLICT,
    CONFLICT_SYMBOL,
    CURSOR_EDGE,
    GRID_LINE,
    HOLIDAY_FILL,
    MUTED_TEXT,
    OUTSIDE_FILL,
    STATUS_SYMBOLS,
    TEXT,
    TODAY_EDGE,
    URGENT,
    URGENT_SYMBOL,
    WEEKEND_FILL,
    team_colour,
    team_fill,
)

MAX_PER_CELL = MONTH_CELL_VISITS
_HEADER = 22
_WEEK_COLUMN = 40


class MonthView(CalendarCanvas):
    """A month grid; visits show as one line each: status, time, label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(560, 420)
        self._more_rects: list[tuple[QRect, date]] = []
        self._on_more = False  # the keyboard is on the cursor day's "+N till"
        # Each day's visits in all, when only its first few were read (the page reads
        # a month that way: CalendarPage.reload); None when every visit is here.
        self._day_totals: Mapping[date, int] | None = None

    def set_day_totals(self, totals: Mapping[date, int] | None) -> None:
        self._day_totals = totals
        self.update()

    def visible_range(self) -> tuple[date, date]:
        first = self._anchor.replace(day=1)
        last = first.replace(day=monthrange(first.year, first.month)[1])
        return week_start(first), week_start(last) + timedelta(days=6)

    def step(self) -> timedelta:
        return timedelta(days=monthrange(self._anchor.year, self._anchor.month)[1])

    def vertical_days(self) -> int:
        return 7

    # Geometry -------------------------------------------------------------

    def _weeks(self) -> int:
        first, last = self.visible_range()
        return ((last - first).days + 1) // 7

    def cell_rect(self, day: date) -> QRect:
        first, _ = self.visible_range()
        index = (day - first).days
        cols_w = self.width() - _WEEK_COLUMN
        rows_h = self.height() - _HEADER
        weeks = self._weeks()
        col, row = index % 7, index // 7
        x0 = _WEEK_COLUMN + cols_w * col // 7
        x1 = _WEEK_COLUMN + cols_w * (col + 1) // 7
        y0 = _HEADER + rows_h * row // weeks
        y1 = _HEADER + rows_h * (row + 1) // weeks
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> date | None:
        first, last = self.visible_range()
        if pos.x() < _WEEK_COLUMN or pos.y() < _HEADER:
            return None
        col = min(6, (pos.x() - _WEEK_COLUMN) * 7 // max(1, self.width() - _WEEK_COLUMN))
        row = (pos.y() - _HEADER) * self._weeks() // max(1, self.height() - _HEADER)
        day = first + timedelta(days=row * 7 + col)
        return day if day <= last else None

    def _line_height(self) -> int:
        return QFontMetrics(self._small_font()).height() + 2

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def _lines(self, day: date) -> tuple[list[tuple[QRect, CalendarVisit]], QRect | None, int]:
        """The visit line rects of a cell, the "+N till" rect and N."""
        rect = self.cell_rect(day)
        line_h = self._line_height()
        top = rect.top() + line_h + 2
        fit = max(0, (rect.bottom() - top) // line_h)
        visits = self.visits_on(day)
        total = len(visits)
        if self._day_totals is not None:  # only the day's first visits were read
            total = max(total, self._day_totals.get(day, 0))
        shown = min(len(visits), MAX_PER_CELL, fit)
        if shown < total and shown == fit:
            shown = max(0, fit - 1)  # keep a line for "+N till"
        lines = [
            (QRect(rect.left() + 3, top + i * line_h, rect.width() - 6, line_h), visits[i])
            for i in range(shown)
        ]
        more = total - shown
        more_rect = (
            QRect(rect.left() + 3, top + shown * line_h, rect.width() - 6, line_h) if more else None
        )
        return lines, more_rect, more

    def visit_at(self, pos: QPoint) -> CalendarVisit | None:
        day = self.day_at(pos)
        if day is None:
            return None
        for rect, visit in self._lines(day)[0]:
            if rect.contains(pos):
                return visit
        return None

    def drop_target(self, pos: QPoint, visit: CalendarVisit) -> tuple[datetime, int] | None:
        day = self.day_at(pos)
        if day is None:
            return None
        return datetime.combine(day, visit.start.time()), visit.team_id

    def _click(self, pos: QPoint) -> None:
        day = self.day_at(pos)
        if day is None:
            return
        _, more_rect, more = self._lines(day)
        if more and more_rect is not None and more_rect.contains(pos):
            self.day_requested.emit(day)

    def more_count(self, day: date) -> int:
        """How many visits of ``day`` are behind "+N till"."""
        return self._lines(day)[2]

    # The keyboard: the arrows walk the lines drawn, and past a day's last one its
    # "+N till", where Enter opens the day as a click does.

    def keyboard_visits(self, day: date) -> list[CalendarVisit]:
        return [visit for _, visit in self._lines(day)[0]]

    def _move_cursor_visits(self, delta: int) -> None:
        lines, _, more = self._lines(self._cursor)
        ids = [visit.visit_id for _, visit in lines]
        if self._on_more:
            self._on_more = False
            if delta < 0 and ids:
                self._selected = ids[-1]
                self.update()
                return
            self._selected = ids[-1] if ids else None  # on below, as past the last line
        elif more and delta > 0 and (not ids or self._selected == ids[-1]):
            self._on_more = True
            self._selected = None
            self.update()
            return
        super()._move_cursor_visits(delta)

    def _move_cursor_days(self, delta: int) -> None:
        self._on_more = False
        super()._move_cursor_days(delta)

    def _nothing_chosen(self) -> str:
        more = self._lines(self._cursor_day)[2] if self._on_more else 0
        return self.tr("+%n till", "", more) if more else super()._nothing_chosen()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._on_more = False
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._on_more and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_more = False
            self.day_requested.emit(self._cursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def painted_targets(self) -> list[tuple[str, QRect]]:
        """Each "+N till" painted now, with its place: what the end-to-end tests' probe
        reports beside the buttons (desktop.views.shell.probe)."""
        first, last = self.visible_range()
        found = []
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            _, more_rect, more = self._lines(day)
            if more and more_rect is not None:
                found.append((self.tr("+%n till", "", more), more_rect))
        return found

    # Painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        first, last = self.visible_range()
        locale = self.locale()
        small = self._small_font()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        for col in range(7):
            left = self.cell_rect(first + timedelta(days=col))
            name = locale.dayName(col + 1, locale.FormatType.ShortFormat)
            painter.drawText(
                QRect(left.left(), 0, left.width(), _HEADER), Qt.AlignmentFlag.AlignCenter, name
            )
        painter.setFont(small)
        painter.drawText(
            QRect(0, 0, _WEEK_COLUMN, _HEADER), Qt.AlignmentFlag.AlignCenter, self.tr("v.")
        )
        today = date.today()
        day = first
        while day <= last:
            self._paint_cell(painter, day, today, small, bold)
            day += timedelta(days=1)
        self._paint_drag(painter, small)
        painter.end()

    def _paint_cell(
        self, painter: QPainter, day: date, today: date, small: QFont, bold: QFont
    ) -> None:
        rect = self.cell_rect(day)
        holiday = self.holiday_name(day)
        in_month = day.month == self._anchor.month
        if holiday:
            painter.fillRect(rect, HOLIDAY_FILL)
        elif day.weekday() >= 5:
            painter.fillRect(rect, WEEKEND_FILL)
        elif not in_month:
            painter.fillRect(rect, OUTSIDE_FILL)
        painter.setPen(GRID_LINE)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if day.weekday() == 0:
            week_rect = QRect(0, rect.top(), _WEEK_COLUMN, rect.height())
            painter.setPen(MUTED_TEXT)
            painter.setFont(small)
            painter.drawText(
                week_rect.adjusted(0, 4, 0, 0),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(day.isocalendar().week),
            )
        line_h = self._line_height()
        head = QRect(rect.left() + 4, rect.top() + 1, rect.width() - 8, line_h)
        painter.setFont(bold if day == today else small)
        painter.setPen(TEXT if in_month else MUTED_TEXT)
        number = str(day.day)
        if day.day == 1:
            locale = self.locale()
            number += " " + locale.monthName(day.month, locale.FormatType.ShortFormat)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
        if holiday:
            painter.setFont(small)
            painter.setPen(CONFLICT)
            metrics = QFontMetrics(small)
            offset = QFontMetrics(painter.font()).horizontalAdvance(number) + 24
            room = head.adjusted(offset, 0, 0, 0)
            painter.drawText(
                room,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, room.width()),
            )
        painter.setFont(small)
        metrics = QFontMetrics(small)
        lines, more_rect, more = self._lines(day)
        for line, visit in lines:
            self._paint_line(painter, line, visit, metrics, small)
        if more and more_rect is not None:
            painter.setPen(TEXT)
            painter.drawText(
                more_rect.adjusted(4, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("+%n till", "", more),
            )
            if self._on_more and day == self._cursor:
                painter.setPen(QPen(CURSOR_EDGE, 1))
                painter.drawRect(more_rect.adjusted(0, 0, -1, -1))
        if day == today:
            painter.setPen(QPen(TODAY_EDGE, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if day == self._cursor and self.hasFocus():
            painter.setPen(QPen(CURSOR_EDGE, 2, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))

    def _paint_line(
        self,
        painter: QPainter,
        line: QRect,
        visit: CalendarVisit,
        metrics: QFontMetrics,
        font: QFont,
    ) -> None:
        painter.fillRect(line.adjusted(0, 1, 0, -1), team_fill(visit.team_colour))
        painter.fillRect(
            QRect(line.left(), line.top() + 1, 4, line.height() - 2), team_colour(visit.team_colour)
        )
        if visit.visit_id == self._selected:
            painter.setPen(QPen(CURSOR_EDGE, 1))
            painter.drawRect(line.adjusted(0, 0, -1, -1))
        if visit.urgent:  # issue 20: a purple bar at the end as well as the symbol
            painter.fillRect(QRect(line.right() - 3, line.top() + 1, 4, line.height() - 2), URGENT)
        prefix = (CONFLICT_SYMBOL if visit.has_conflict else "") + (
            URGENT_SYMBOL if visit.urgent else ""
        )
        text = f"{prefix}{STATUS_SYMBOLS[visit.status]} {visit.start:%H:%M} {visit.person_label}"
        cancelled = visit.status is VisitStatus.CANCELLED
        if cancelled:
            struck = QFont(font)
            struck.setStrikeOut(True)
            painter.setFont(struck)
        painter.setPen(CONFLICT if visit.has_conflict else TEXT)
        area = line.adjusted(7, 0, -6 if visit.urgent else -2, 0)
        painter.drawText(
            area,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()),
        )
        if cancelled:
            painter.setFont(font)

    def _paint_drag(self, painter: QPainter, font: QFont) -> None:
        if self._drag_id is None or self._drag_pos is None:
            return
        day = self.day_at(self._drag_pos)
        if day is None:
            return
        painter.setPen(QPen(CURSOR_EDGE, 2, Qt.PenStyle.DashLine))
        painter.drawRect(self.cell_rect(day).adjusted(2, 2, -3, -3))
