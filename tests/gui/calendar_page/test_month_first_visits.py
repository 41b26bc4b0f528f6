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
