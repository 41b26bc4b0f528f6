"""The month view's rows (issue 19): of each day the visits a cell shows first, and every
day's count, equal to what the full calendar gives for them, with the filters applied
before both and a person's second visit that day marked whatever the filter."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.planning.rows import CalendarMonth, CalendarVisit
from tests.unit.operations.factories import START, crowd_a_day, make_field, planned_operation

DAY = START + dt.timedelta(days=1)
PER_DAY = 8


def assert_month_of(
    full: list[CalendarVisit],
    month: CalendarMonth,
    per_day: int,
    operation_id: int | None = None,
    team_id: int | None = None,
) -> None:
    """``month`` is what a month cell shows of ``full`` under the filter: each day's
    first ``per_day`` in the cell's order (start, team, id), every row equal to the full
    calendar's, and each day's count of the filtered visits."""
    shown = [
        v
        for v in full
        if (operation_id is None or v.operation_id == operation_id)
        and (team_id is None or v.team_id == team_id)
    ]
    by_day: dict[dt.date, list[CalendarVisit]] = defaultdict(list)
    for visit in shown:
        by_day[visit.start.date()].append(visit)
    got = {v.visit_id: v for v in month.visits}
    assert len(got) == len(month.visits)
    for visits in by_day.values():
        visits.sort(key=lambda v: (v.start, v.team_name, v.visit_id))
        assert [got.get(v.visit_id) for v in visits[:per_day]] == visits[:per_day]
    assert month.day_totals == {day: len(visits) for day, visits in by_day.items()}
    whole = {v.visit_id: v for v in shown}
    assert [whole.get(i) for i in got] == list(got.values())


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
    assert month == CalendarMonth([], {})


def test_the_month_view_read_is_recorded(crowded):
    field, *_ = crowded
    visits = field.services.visits
    visits.calendar_month(START, START + dt.timedelta(days=6), PER_DAY)
    with field.store.read_session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    # What was read: nine of the crowded day and the next day's one.
    assert (entry.action, entry.detail) == ("calendar.read", "visits=10")
