"""The month view's rows (issue 19): of each day the visits a cell shows first, and every
day's count, equal to what the full calendar gives for them, with the filters applied
before both and a person's second visit that day marked whatever the filter."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.planning.rows import CalendarMonth
from tests.unit.operations.calendar_checks import assert_month_of
from tests.unit.operations.factories import START, crowd_a_day, make_field, planned_operation

DAY = START + dt.timedelta(days=1)
PER_DAY = 8


@pytest.fixture
def crowded(tmp_path):
    field = make_field(tmp_path)
    op_id = planned_operation(field)
    first, second = crowd_a_day(field, op_id, DAY)
    yield field, op_id, first, second
    field.store.lock()


def test_a_crowded_day_gives_its_first_visits_and_its_count(crowded):
    field, *_ = crowded
    visits = field.services.visits
    last = START + dt.timedelta(days=6)
    month = visits.calendar_month(START, last, PER_DAY)
    full = visits.calendar(START, last)
    assert_month_of(full, month, PER_DAY)
    # Eight is reached at ten o'clock: all three at ten come, none at eleven.
    on_day = [v for v in month.visits if v.start.date() == DAY]
    assert sorted({v.start.hour for v in on_day}) == [8, 9, 10] and len(on_day) == 9
    assert month.day_totals[DAY] == 12
    assert month.day_totals[DAY + dt.timedelta(days=1)] == 1
    # Person 0's second visit, at eleven, is not read; his first is marked all the same.
    twice = next(v for v in on_day if v.person_label == "Förnamn0 Efternamn0")
    assert twice.has_conflict
    # A cancelled visit is no second visit: person 1 at nine is not marked.
    once = next(v for v in on_day if v.person_label == "Förnamn1 Efternamn1" and v.start.hour == 9)
    assert not once.has_conflict


def test_the_filters_come_before_the_first_visits_and_the_counts(crowded):
    field, op_id, first, second = crowded
    visits = field.services.visits
    last = START + dt.timedelta(days=6)
    full = visits.calendar(START, last)
    for operation_id, team_id in ((op_id, None), (None, second), (op_id, first)):
        month = visits.calendar_month(START, last, 2, operation_id, team_id)
        assert_month_of(full, month, 2, operation_id, team_id)
    by_second = visits.calendar_month(START, last, PER_DAY, None, second)
    assert by_second.day_totals == {DAY: 6}
    # Team 2's eight o'clock visit to person 0 is marked for his visit with team 1.
    zero = next(v for v in by_second.visits if v.person_label == "Förnamn0 Efternamn0")
    assert zero.team_id == second and zero.has_conflict


def test_a_month_without_visits_is_empty(crowded):
    field, *_ = crowded
    later = START + dt.timedelta(days=60)
    month = field.services.visits.calendar_month(later, later + dt.timedelta(days=34), PER_DAY)
    assert month == CalendarMonth((), {})


def test_the_month_view_read_is_recorded(crowded):
    field, *_ = crowded
    visits = field.services.visits
    visits.calendar_month(START, START + dt.timedelta(days=6), PER_DAY)
    with field.store.read_session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    # What was read: nine of the crowded day and the next day's one.
    assert (entry.action, entry.detail) == ("calendar.read", "visits=10")


def test_the_visit_to_keep_is_read_wherever_it_falls(crowded):
    field, *_ = crowded
    visits = field.services.visits
    last = START + dt.timedelta(days=6)
    late = next(
        v for v in visits.calendar(START, last) if v.start.date() == DAY and v.start.hour == 11
    )
    month = visits.calendar_month(START, last, PER_DAY, keep=late.visit_id)
    assert late in month.visits
    assert len([v for v in month.visits if v.start.date() == DAY]) == 10
    assert month.day_totals[DAY] == 12
