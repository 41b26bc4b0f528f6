"""Checks of the month view's rows against the full calendar (issue 19)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from desktop.services.planning.rows import CalendarMonth, CalendarVisit


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
