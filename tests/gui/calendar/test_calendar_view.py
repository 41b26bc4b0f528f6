from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services.errors import ConflictError
from desktop.services.planning.conflicts import Conflict, ConflictCode
from desktop.services.planning.rows import VisitStatus
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.month_view import MAX_PER_CELL, MonthView
from desktop.views.calendar.time_grid import TimeGridView
from tests.gui.calendar.conftest import DAY, make_visit, many_visits

# The offscreen platform warns when a top-level window is shown; harmless here.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_month_of_2000_visits_renders(calendar):
    calendar.set_visits(many_visits(2000))
    calendar.set_mode(CalendarMode.MONTH)
    image = calendar.canvas().grab().toImage()
    assert not image.isNull() and image.width() > 500
    assert calendar.title.text().endswith("v. 23–27")


def test_more_line_over_eight(calendar):
    calendar.set_visits([make_visit(n, DAY, 8 + n % 10) for n in range(1, 13)])
    calendar.set_mode(CalendarMode.MONTH)
    month = calendar.canvas()
    assert isinstance(month, MonthView)
    month.resize(1100, 1400)  # room for all eight lines and the "+N till" line
    assert month.more_count(DAY) == 12 - MAX_PER_CELL
    assert month.tr("+%n till", "", 4) == "+4 till"
    _, more_rect, _ = month._lines(DAY)
    QTest.mouseClick(month, Qt.MouseButton.LeftButton, pos=more_rect.center())
    assert calendar.mode() is CalendarMode.DAY and calendar.visible_range() == (DAY, DAY)


def _drag(view: TimeGridView, visit_id: int, target):
    start = view.rect_of(visit_id).center()
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view, (start + target) / 2)
    QTest.mouseMove(view, target)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)


def test_drag_to_other_team_and_undo(calendar, service):
    calendar.set_visits([make_visit(1, DAY, 9)])
    calendar.set_mode(CalendarMode.DAY)
    day = calendar.canvas()
    assert isinstance(day, TimeGridView) and day.team_columns()
    grab_offset = day.rect_of(1).center().y() - day.rect_of(1).top()
    target = day.point_for(DAY, time(13), team_id=2)
    target.setY(target.y() + grab_offset)
    _drag(day, 1, target)
    assert service.moves == [(1, datetime(2026, 6, 17, 13), 2)]
    assert calendar.visit(1).team_id == 2 and calendar.visit(1).start.hour == 13
    calendar.undo_stack_for_tests.undo()
    assert service.moves[-1] == (1, datetime(2026, 6, 17, 9), 1)
    assert calendar.visit(1).team_id == 1 and calendar.visit(1).start.hour == 9
    calendar.undo_stack_for_tests.redo()
    assert service.moves[-1] == (1, datetime(2026, 6, 17, 13), 2)


def test_declined_conflict_is_not_applied(calendar, service):
    service.conflicts = [Conflict(ConflictCode.RIVAL_IN_TEAM_SLOT, 1, other_visit_id=2)]
    service.answer = False
    calendar.set_visits([make_visit(1, DAY, 9)])
    calendar.set_mode(CalendarMode.WEEK)
    calendar.canvas().drop_visit(1, datetime(2026, 6, 18, 9), 1)
    assert service.asked and "rivaliserande" in service.asked[0][0]
    assert not service.moves
    assert calendar.undo_stack_for_tests.count() == 0
    assert not calendar.banner.isHidden() and "flyttades inte" in calendar.banner.text()
    assert calendar.visit(1).start.day == 17


def test_accepted_conflict_marks_visit(calendar, service):
    service.conflicts = [Conflict(ConflictCode.HOLIDAY, 1)]
    calendar.set_visits([make_visit(1, DAY, 9)])
    assert calendar.request_move(1, datetime(2026, 6, 19, 9), 1)
    assert calendar.visit(1).has_conflict
    assert service.moves == [(1, datetime(2026, 6, 19, 9), 1)]


def test_month_drag_keeps_time_of_day(calendar, service):
    calendar.set_visits([make_visit(1, DAY, 16)])
    calendar.set_mode(CalendarMode.MONTH)
    month = calendar.canvas()
    line = month._lines(DAY)[0][0][0].center()
    target = month.cell_rect(date(2026, 6, 24)).center()
    QTest.mousePress(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, line)
    QTest.mouseMove(month, target)
    QTest.mouseRelease(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert service.moves == [(1, datetime(2026, 6, 24, 16), 1)]


def test_keyboard_navigation_enter_and_delete(calendar, service, qtbot):
    calendar.set_visits(
        [make_visit(1, DAY, 9), make_visit(2, DAY, 13), make_visit(3, date(2026, 6, 18), 10)]
    )
    calendar.set_mode(CalendarMode.WEEK)
    week = calendar.canvas()
    week.setFocus()
    QTest.keyClick(week, Qt.Key.Key_Down)
    assert week.selected_visit() == 1
    QTest.keyClick(week, Qt.Key.Key_Down)
    assert week.selected_visit() == 2
    QTest.keyClick(week, Qt.Key.Key_Right)
    assert week.cursor_day() == date(2026, 6, 18) and week.selected_visit() == 3
    with qtbot.waitSignal(calendar.visit_activated) as blocker:
        QTest.keyClick(week, Qt.Key.Key_Return)
    assert blocker.args == [3]
    QTest.keyClick(week, Qt.Key.Key_Delete)
    assert service.cancelled == [3]
    assert calendar.visit(3).status is VisitStatus.CANCELLED
    calendar.undo_stack_for_tests.undo()
    assert service.restored == [3]
    assert calendar.visit(3).status is VisitStatus.PLANNED


def test_work_week_skips_weekend(calendar):
    calendar.set_date(date(2026, 6, 19))
    calendar.set_mode(CalendarMode.WORK_WEEK)
    view = calendar.canvas()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.cursor_day() == date(2026, 6, 22)


def test_navigation_and_filters(calendar):
    calendar.set_visits([make_visit(1, DAY, 9, team=1), make_visit(2, DAY, 10, team=2)])
    calendar.set_mode(CalendarMode.MONTH)
    calendar.go_next()
    assert calendar.visible_range()[0] == date(2026, 6, 29)
    calendar.go_previous()
    calendar.set_mode(CalendarMode.AGENDA)
    assert calendar.agenda_model.rowCount() == 2
    calendar.team_filter.setCurrentIndex(calendar.team_filter.findData(2))
    assert calendar.filters() == (None, 2)
    assert calendar.agenda_model.rowCount() == 1
    for button in (calendar.today_button, calendar.prev_button, calendar.next_button):
        assert button.accessibleName()


def test_agenda_model(qtmodeltester, calendar):
    calendar.set_visits(many_visits(50))
    calendar.set_mode(CalendarMode.AGENDA)
    qtmodeltester.check(calendar.agenda_model, force_py=True)
    assert calendar.agenda_model.headerData(0, Qt.Orientation.Horizontal) == "Datum"


def test_refused_move_shows_the_reason(calendar, service):
    def refuse(*_args):
        raise ConflictError()

    calendar._apply_move = refuse
    calendar.set_visits([make_visit(1, DAY, 9)])
    assert not calendar.request_move(1, datetime(2026, 6, 18, 9), 1)
    assert "ändrat" in calendar.banner.text()
    assert calendar.undo_stack_for_tests.count() == 0


def test_past_eight_teams_the_day_has_the_columns_of_its_operations(calendar):
    """Twelve operations of two teams each: the day shows the two of the operation with
    a visit that day (the free one too, to move a visit to), not twenty-four columns."""
    from dataclasses import replace

    from desktop.services.planning.rows import CalendarTeam

    many = [
        CalendarTeam(n, f"Team {n}", n % 8, 100 + (n + 1) // 2, f"Insats {(n + 1) // 2}")
        for n in range(1, 25)
    ]
    calendar.set_teams(many)
    calendar.set_visits([replace(make_visit(1, DAY, 9), team_id=5, operation_id=103)])
    calendar.set_mode(CalendarMode.DAY)
    day = calendar.canvas()
    assert isinstance(day, TimeGridView) and day.team_columns()
    assert day._columns() == [(DAY, 5), (DAY, 6)]
    assert day.rect_of(1).isValid()
    # The day after has no visit: no team columns, one column for the day.
    calendar.go_next()
    assert not calendar.canvas().team_columns()
