"""The month view reads each day's first visits and every day's count (issue 19): a
crowded day shows its first eight and "+4 till", the filter is read again from the
store, and "+N till" opens the day with all twelve."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.bundle import build_services
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.month_view import MAX_PER_CELL
from desktop.views.calendar.page import CalendarPage
from tests.unit.operations.factories import START, crowd_a_day, make_field, planned_operation

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

DAY = START + dt.timedelta(days=1)


@pytest.fixture
def crowded(tmp_path):
    field = make_field(tmp_path)
    op_id = planned_operation(field)
    field.teams = crowd_a_day(field, op_id, DAY)
    field.bundle = build_services(field.store)
    yield field
    field.store.lock()


@pytest.fixture
def page(qtbot, crowded):
    view = CalendarPage(crowded.bundle)
    qtbot.addWidget(view)
    view.resize(1280, 1400)  # room in a cell for eight lines and "+N till"
    view.show()
    qtbot.waitExposed(view)
    view.show_date(DAY, CalendarMode.MONTH)
    return view


def _reads(field) -> list[str]:
    with field.store.read_session() as session:
        return list(
            session.scalars(
                select(AuditEntry.detail)
                .where(AuditEntry.action == "calendar.read")
                .order_by(AuditEntry.seq)
            )
        )


def test_a_crowded_day_shows_its_first_eight_and_the_rest_as_a_count(page, crowded):
    month = page.calendar.month_view
    assert page.calendar.canvas() is month
    # Nine read of the twelve (all three at ten o'clock tie for the eighth place).
    assert len(month.visits_on(DAY)) == 9
    assert month.more_count(DAY) == 12 - MAX_PER_CELL
    lines, _, _ = month._lines(DAY)
    assert [v.start.hour for _, v in lines] == [8, 8, 8, 9, 9, 9, 10, 10]
    # Person 0's visit at eleven is not read, and his visit at eight is marked for it.
    zero = next(v for _, v in lines if v.person_label == "Förnamn0 Efternamn0")
    assert zero.has_conflict
    assert _reads(crowded)[-1] == "visits=10"


def test_the_team_filter_is_read_from_the_store(page, crowded):
    _, second = crowded.teams
    month = page.calendar.month_view
    reads = len(_reads(crowded))
    box = page.calendar.team_filter
    box.setCurrentIndex(box.findData(second))
    assert len(_reads(crowded)) == reads + 1
    on_day = month.visits_on(DAY)
    assert len(on_day) == 6 and {v.team_id for v in on_day} == {second}
    assert month.more_count(DAY) == 0
    box.setCurrentIndex(0)  # "Alla team"
    assert month.more_count(DAY) == 12 - MAX_PER_CELL


def test_more_opens_the_day_with_every_visit(page, crowded):
    month = page.calendar.month_view
    _, more_rect, more = month._lines(DAY)
    assert more == 4 and more_rect is not None
    QTest.mouseClick(month, Qt.MouseButton.LeftButton, pos=more_rect.center())
    assert page.calendar.mode() is CalendarMode.DAY
    assert len(page.calendar.canvas().visits_on(DAY)) == 12


def test_a_cell_with_room_for_eight_keeps_a_line_for_the_count(page, crowded):
    """Eight read and room for eight lines: seven lines and "+5 till", in the cell."""
    month = page.calendar.month_view
    for height in range(500, 2000, 2):
        page.resize(1280, height)
        rect = month.cell_rect(DAY)
        line_h = month._line_height()
        if (rect.bottom() - rect.top() - line_h - 2) // line_h == MAX_PER_CELL:
            break
    else:
        pytest.fail("no height gives a cell room for exactly eight lines")
    # Exactly eight read of the day's twelve (here a ninth ties at ten o'clock).
    eight = month.visits_on(DAY)[:MAX_PER_CELL]
    page.calendar.set_visits(eight, {DAY: 12})
    lines, more_rect, more = month._lines(DAY)
    assert len(lines) == MAX_PER_CELL - 1 and more == 12 - (MAX_PER_CELL - 1)
    assert more_rect is not None and month.cell_rect(DAY).contains(more_rect)


def test_the_keyboard_reaches_more_and_enter_opens_the_day(page, crowded, qtbot):
    month = page.calendar.month_view
    month.setFocus()
    qtbot.waitUntil(month.hasFocus)
    for _ in range(MAX_PER_CELL):
        QTest.keyClick(month, Qt.Key.Key_Down)
    drawn = [v.visit_id for _, v in month._lines(DAY)[0]]
    assert month.selected_visit() == drawn[-1]
    QTest.keyClick(month, Qt.Key.Key_Down)  # past the last line: its "+4 till"
    assert month.selected_visit() is None
    assert month.accessibleName().endswith(f"{DAY.isoformat()} – +4 till")
    QTest.keyClick(month, Qt.Key.Key_Up)  # and back
    assert month.selected_visit() == drawn[-1]
    QTest.keyClick(month, Qt.Key.Key_Down)
    QTest.keyClick(month, Qt.Key.Key_Return)
    assert page.calendar.mode() is CalendarMode.DAY
    assert len(page.calendar.canvas().visits_on(DAY)) == 12


def test_the_chosen_visit_stays_read_when_it_moves_past_the_first(page, crowded, qtbot):
    """Another workstation moves the chosen visit (the next day's, at nine) to eleven
    thirty on the crowded day: read again, it is still there and still chosen."""
    month = page.calendar.month_view
    month.setFocus()
    qtbot.waitUntil(month.hasFocus)
    QTest.keyClick(month, Qt.Key.Key_Right)  # the next day: its one visit is chosen
    chosen = month.selected_visit()
    assert chosen is not None
    visits = crowded.bundle.operations.visits
    version = visits.visit_version(chosen)
    visits.move_visit(chosen, dt.datetime.combine(DAY, dt.time(11, 30)), None, version=version)
    page.reload()
    assert month.selected_visit() == chosen
    assert chosen in [v.visit_id for v in month.visits_on(DAY)]
    assert month.more_count(DAY) == 13 - MAX_PER_CELL
