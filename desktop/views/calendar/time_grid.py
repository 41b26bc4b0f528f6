"""Day, work-week and week: hours down, days (or teams) across."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygon
from PySide6.QtWidgets import QWidget

from desktop.services.planning.calendar_sv import week_start
from desktop.services.planning.rows import CalendarVisit, VisitStatus
from desktop.views.calendar.canvas import CalendarCanvas
from desktop.views.calendar.style import (
    CONFLICT,
    CONFLICT_SYMBOL,
    CURSOR_EDGE,
    GRID_LINE,
    HOLIDAY_FILL,
    MUTED_TEXT,
    STATUS_SYMBOLS,
    TEXT,
    TODAY_EDGE,
    URGENT,
    URGENT_SYMBOL,
    WEEKEND_FILL,
    team_colour,
    team_fill,
)

_HEADER = 40
_GUTTER = 48
_SNAP_MINUTES = 15


class TimeGridView(CalendarCanvas):
    """``days`` columns of one day each, or one column per team in the day view.

    Args:
        days: 1 (day), 5 (work week) or 7 (week).
        parent: Parent widget.
    """

    def __init__(self, days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days = days
        self.first_hour = 7
        self.last_hour = 21
        self.setMinimumSize(480, 420)

    # Range --------------------------------------------------------------------

    def visible_range(self) -> tuple[date, date]:
        if self._days == 1:
            return self._anchor, self._anchor
        first = week_start(self._anchor)
        return first, first + timedelta(days=self._days - 1)

    def step(self) -> timedelta:
        return timedelta(days=1 if self._days == 1 else 7)

    def _set_cursor(self, day: date) -> None:
        # The work week has no weekend columns: step over Saturday and Sunday.
        if self._days == 5 and day.weekday() >= 5:
            forward = day > self._cursor
            day += timedelta(days=(7 - day.weekday()) if forward else (4 - day.weekday()))
        super()._set_cursor(day)

    def team_columns(self) -> bool:
        """The day view splits by team when teams are known."""
        return self._days == 1 and bool(self._teams)

    def _columns(self) -> list[tuple[date, int | None]]:
        first, last = self.visible_range()
        if self.team_columns():
            return [(first, team.team_id) for team in self._teams]
        return [(first + timedelta(days=n), None) for n in range((last - first).days + 1)]

    # Geometry -------------------------------------------------------------------

    def _hour_height(self) -> float:
        return (self.height() - _HEADER) / max(1, self.last_hour - self.first_hour)

    def _column_rect(self, index: int) -> QRect:
        count = len(self._columns())
        width = self.width() - _GUTTER
        x0 = _GUTTER + width * index // count
        x1 = _GUTTER + width * (index + 1) // count
        return QRect(x0, _HEADER, x1 - x0, self.height() - _HEADER)

    def _y(self, moment: datetime) -> int:
        hours = moment.hour + moment.minute / 60 - self.first_hour
        return _HEADER + round(hours * self._hour_height())

    def _column_of(self, pos: QPoint) -> int | None:
        count = len(self._columns())
        if pos.x() < _GUTTER or count == 0:
            return None
        return min(count - 1, (pos.x() - _GUTTER) * count // max(1, self.width() - _GUTTER))

    def day_at(self, pos: QPoint) -> date | None:
        index = self._column_of(pos)
        return None if index is None else self._columns()[index][0]

    def _time_at(self, y: int) -> time:
        minutes = (y - _HEADER) / self._hour_height() * 60 + self.first_hour * 60
        minutes = round(minutes / _SNAP_MINUTES) * _SNAP_MINUTES
        minutes = max(self.first_hour * 60, min(minutes, self.last_hour * 60 - _SNAP_MINUTES))
        return time(int(minutes // 60), int(minutes % 60))

    def _layout(self) -> list[tuple[QRect, CalendarVisit]]:
        """Visit rectangles; overlapping visits share the column side by side."""
        placed: list[tuple[QRect, CalendarVisit]] = []
        for index, (day, team_id) in enumerate(self._columns()):
            column = self._column_rect(index)
            visits = [v for v in self.visits_on(day) if team_id is None or v.team_id == team_id]
            cluster: list[CalendarVisit] = []
            cluster_end = datetime.min
            for visit in [*visits, None]:
                if visit is None or visit.start >= cluster_end:
                    placed += self._place_cluster(cluster, column)
                    cluster, cluster_end = [], datetime.min
                if visit is not None:
                    cluster.append(visit)
                    cluster_end = max(cluster_end, visit.end)
        return placed

    def _place_cluster(
        self, cluster: list[CalendarVisit], column: QRect
    ) -> list[tuple[QRect, CalendarVisit]]:
        lanes: list[datetime] = []
        lane_of: list[int] = []
        for visit in cluster:
            for lane, free_at in enumerate(lanes):
                if free_at <= visit.start:
                    lanes[lane] = visit.end
                    lane_of.append(lane)
                    break
            else:
                lanes.append(visit.end)
                lane_of.append(len(lanes) - 1)
        width = (column.width() - 4) / max(1, len(lanes))
        return [
            (
                QRect(
                    column.left() + 2 + round(lane * width),
                    self._y(visit.start),
                    max(4, round(width) - 2),
                    max(8, self._y(visit.end) - self._y(visit.start) - 1),
                ),
                visit,
            )
            for visit, lane in zip(cluster, lane_of, strict=True)
        ]

    def visit_at(self, pos: QPoint) -> CalendarVisit | None:
        for rect, visit in reversed(self._layout()):
            if rect.contains(pos):
                return visit
        return None

    def drop_target(self, pos: QPoint, visit: CalendarVisit) -> tuple[datetime, int] | None:
        index = self._column_of(pos)
        if index is None or pos.y() < _HEADER:
            return None
        day, team_id = self._columns()[index]
        # Keep where in the block the visit was grabbed, so it does not jump.
        grab = 0 if self._press is None else self._press.y() - self._y(visit.start)
        start = datetime.combine(day, self._time_at(pos.y() - max(0, grab)))
        return start, visit.team_id if team_id is None else team_id

    def point_for(self, day: date, moment: time, team_id: int | None = None) -> QPoint:
        """The pixel a drop at ``moment`` on ``day`` (and team column) lands on; for tests."""
        for index, (column_day, column_team) in enumerate(self._columns()):
            if column_day == day and (column_team is None or column_team == team_id):
                rect = self._column_rect(index)
                return QPoint(rect.center().x(), self._y(datetime.combine(day, moment)) + 1)
        raise ValueError(day)

    def rect_of(self, visit_id: int) -> QRect:
        for rect, visit in self._layout():
            if visit.visit_id == visit_id:
                return rect
        raise KeyError(visit_id)

    # Painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self._paint_columns(painter, small)
        self._paint_hours(painter, small)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        for rect, visit in self._layout():
            self._paint_visit(painter, rect, visit, metrics, small)
        self._paint_drag(painter)
        painter.end()

    def _paint_columns(self, painter: QPainter, small: QFont) -> None:
        locale = self.locale()
        today = date.today()
        first, _ = self.visible_range()
        painter.setFont(small)
        painter.setPen(MUTED_TEXT)
        week = self.tr("v. %1").replace("%1", str(first.isocalendar().week))
        painter.drawText(QRect(0, 0, _GUTTER, _HEADER), Qt.AlignmentFlag.AlignCenter, week)
        teams = {t.team_id: t for t in self._teams}
        for index, (day, team_id) in enumerate(self._columns()):
            column = self._column_rect(index)
            holiday = self.holiday_name(day)
            if holiday:
                painter.fillRect(column, HOLIDAY_FILL)
            elif day.weekday() >= 5:
                painter.fillRect(column, WEEKEND_FILL)
            head = QRect(column.left(), 0, column.width(), _HEADER)
            if team_id is not None:
                team = teams[team_id]
                painter.fillRect(head.adjusted(2, 2, -2, -_HEADER + 6), team_colour(team.colour))
                title = team.name
            else:
                day_name = locale.dayName(day.isoweekday(), locale.FormatType.ShortFormat)
                title = f"{day_name} {day.day}/{day.month}"
            painter.setPen(TODAY_EDGE if day == today else TEXT)
            painter.drawText(
                head.adjusted(2, 6, -2, -_HEADER // 2 + 2),
                Qt.AlignmentFlag.AlignCenter,
                QFontMetrics(small).elidedText(
                    title, Qt.TextElideMode.ElideRight, head.width() - 4
                ),
            )
            subtitle = holiday if team_id is None or index == 0 else None
            if subtitle:
                painter.setPen(CONFLICT if holiday else MUTED_TEXT)
                painter.drawText(
                    head.adjusted(2, _HEADER // 2, -2, 0),
                    Qt.AlignmentFlag.AlignCenter,
                    QFontMetrics(small).elidedText(
                        subtitle, Qt.TextElideMode.ElideRight, head.width() - 4
                    ),
                )
            painter.setPen(GRID_LINE)
            painter.drawLine(column.topLeft(), column.bottomLeft())
            if day == self._cursor and self.hasFocus():
                painter.setPen(QPen(CURSOR_EDGE, 2, Qt.PenStyle.DashLine))
                painter.drawRect(head.adjusted(1, 1, -2, -2))

    def _paint_hours(self, painter: QPainter, small: QFont) -> None:
        painter.setFont(small)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self._y(datetime.combine(self._anchor, time(hour % 24)))
            painter.setPen(GRID_LINE)
            painter.drawLine(_GUTTER - 4, y, self.width(), y)
            if hour < self.last_hour:
                painter.setPen(MUTED_TEXT)
                painter.drawText(
                    QRect(0, y, _GUTTER - 6, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{hour:02d}:00",
                )

    def _paint_visit(
        self,
        painter: QPainter,
        rect: QRect,
        visit: CalendarVisit,
        metrics: QFontMetrics,
        font: QFont,
    ) -> None:
        cancelled = visit.status is VisitStatus.CANCELLED
        painter.fillRect(rect, team_fill(visit.team_colour))
        if cancelled:
            painter.fillRect(rect, QBrush(MUTED_TEXT, Qt.BrushStyle.BDiagPattern))
        painter.fillRect(
            QRect(rect.left(), rect.top(), 4, rect.height()), team_colour(visit.team_colour)
        )
        edge = CONFLICT if visit.has_conflict else team_colour(visit.team_colour)
        width = 2 if visit.has_conflict or visit.visit_id == self._selected else 1
        if visit.visit_id == self._selected:
            edge = CURSOR_EDGE
        painter.setPen(QPen(edge, width))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if visit.urgent:  # issue 20: a purple corner as well as the symbol
            corner = QPolygon(
                [
                    QPoint(rect.right() - 13, rect.top()),
                    QPoint(rect.right(), rect.top()),
                    QPoint(rect.right(), rect.top() + 13),
                ]
            )
            painter.setBrush(URGENT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(corner)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        prefix = (CONFLICT_SYMBOL if visit.has_conflict else "") + (
            URGENT_SYMBOL if visit.urgent else ""
        )
        lines = [
            f"{prefix}{STATUS_SYMBOLS[visit.status]} {visit.start:%H:%M}–{visit.end:%H:%M}",
            visit.person_label,
            f"{visit.area} · {visit.team_name}" if not self.team_columns() else visit.area,
        ]
        struck = QFont(font)
        struck.setStrikeOut(cancelled)
        painter.setFont(struck)
        painter.setPen(CONFLICT if visit.has_conflict else TEXT)
        line_h = metrics.height()
        for n, text in enumerate(lines):
            top = rect.top() + 2 + n * line_h
            if top + line_h > rect.bottom() + 2:
                break
            painter.drawText(
                QRect(rect.left() + 7, top, rect.width() - 9, line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 9),
            )
        painter.setFont(font)

    def _paint_drag(self, painter: QPainter) -> None:
        if self._drag_id is None or self._drag_pos is None:
            return
        visit = self._by_id.get(self._drag_id)
        target = self.drop_target(self._drag_pos, visit) if visit else None
        if visit is None or target is None:
            return
        start, team_id = target
        index = next(
            i
            for i, (day, team) in enumerate(self._columns())
            if day == start.date() and (team is None or team == team_id)
        )
        column = self._column_rect(index)
        end = start + (visit.end - visit.start)
        ghost = QRect(
            column.left() + 2, self._y(start), column.width() - 4, self._y(end) - self._y(start)
        )
        painter.setPen(QPen(CURSOR_EDGE, 2, Qt.PenStyle.DashLine))
        painter.drawRect(ghost)
        painter.setPen(CURSOR_EDGE)
        painter.drawText(ghost.adjusted(6, 2, 0, 0), Qt.AlignmentFlag.AlignLeft, f"{start:%H:%M}")
