"""Every figure against the hand-built programme in ``dataset.py`` (answers by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.services.statistics import Period, StatsFilter, compute_figures
from tests.unit.statistics.dataset import PERIOD


def figures(programme, filters=None, period=PERIOD):
    fresh, _built = programme
    with fresh.admin.read_session() as session:
        return compute_figures(session, period, filters or StatsFilter())


def test_totals_match_the_hand_count(programme):
    result = figures(programme)
    t = result.total
    assert result.persons_mapped == 6
    assert t.persons_mapped_new == 4
    assert t.persons_reached == 4
    assert t.reached_more_than_once == 2
    assert t.reached_more_than_once_share == pytest.approx(0.5)
    assert t.deliveries == 5
    assert t.deliveries_by_channel == {
        "home_visit": 3,
        "call_in": 1,
        "probation": 1,
        "other": 0,
    }
    assert t.visits == 5
    assert t.visits_by_outcome["met"] == 3
    assert t.visits_by_outcome["not_home"] == 1
    assert t.visits_by_outcome["refused"] == 1
    assert t.visits_by_outcome["planned"] == 0
    assert t.callin_invitations == 3
    assert t.callin_attended == 2
    assert t.callin_attendance_rate == pytest.approx(2 / 3)
    assert (t.support_offered, t.support_accepted, t.support_started, t.support_completed) == (
        3,
        2,
        2,
        1,
    )
    assert t.self_initiated_contacts == 1
    assert sorted(t.days_to_first_delivery) == [35, 45, 149]
    assert t.days_to_first_delivery_median == 45.0


def test_month_by_month(programme):
    months = {m.month.month: m.figures for m in figures(programme).months}
    assert sorted(months) == [1, 2, 3, 4, 5, 6]
    assert [months[m].persons_reached for m in range(1, 7)] == [1, 1, 1, 1, 0, 1]
    assert [months[m].reached_more_than_once for m in range(1, 7)] == [0, 1, 1, 0, 0, 0]
    assert [months[m].persons_mapped_new for m in range(1, 7)] == [1, 1, 1, 0, 1, 0]
    assert months[3].callin_invitations == 3 and months[4].callin_invitations == 0
    assert months[6].visits_by_outcome["refused"] == 1
    assert months[6].deliveries_by_channel["probation"] == 1
    assert months[1].days_to_first_delivery_median == 45.0
    assert months[1].support_started == 1  # r2 started 10 Jan
    assert months[2].support_started == 1
    assert months[5].support_offered == 1 and months[4].self_initiated_contacts == 1


def test_coverage_per_group(programme):
    cover = {c.group: (c.members, c.reached) for c in figures(programme).coverage}
    # p1's old membership of B ended before the period.
    assert cover == {"Grupp A": (3, 3), "Grupp B": (3, 1)}


def test_delivery_just_outside_the_period_is_not_counted(programme):
    # 1 Jul: d6 (p6) and v6 are in; 30 Jun: d4 and v5 drop out.
    later = figures(programme, period=Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)))
    assert later.total.deliveries == 1
    assert later.total.visits == 1
    assert later.total.support_offered == 1
    early = figures(programme, period=Period(dt.date(2026, 1, 1), dt.date(2026, 6, 29)))
    assert early.total.deliveries == 4
    assert early.total.visits == 4  # v5 starts 30 Jun 23:30


def test_group_filter(programme):
    _fresh, built = programme
    a = figures(programme, StatsFilter(group_id=built.groups["A"])).total
    result_a = figures(programme, StatsFilter(group_id=built.groups["A"]))
    assert result_a.persons_mapped == 3
    assert a.persons_mapped_new == 2
    assert (a.deliveries, a.persons_reached, a.reached_more_than_once) == (4, 3, 2)
    assert a.visits == 2
    assert (a.callin_invitations, a.callin_attended) == (3, 2)
    assert (a.support_offered, a.support_started) == (1, 2)
    b = figures(programme, StatsFilter(group_id=built.groups["B"])).total
    assert (b.deliveries, b.persons_reached, b.visits) == (1, 1, 3)
    assert (b.support_offered, b.self_initiated_contacts, b.callin_invitations) == (2, 1, 0)
    assert [c.group for c in result_a.coverage] == ["Grupp A"]


def test_area_filter(programme):
    result = figures(programme, StatsFilter(area="Norr"))
    t = result.total
    assert result.persons_mapped == 3  # p1, p2, p6; p3 moved away before the period
    assert (t.deliveries, t.persons_reached) == (3, 2)
    assert t.visits == 3


def test_agency_filter(programme):
    _fresh, built = programme
    police = figures(programme, StatsFilter(agency_id=built.agencies["police"]))
    t = police.total
    assert (t.deliveries, t.persons_reached) == (2, 2)  # d1, d5 by team T1
    assert t.visits_by_outcome["met"] == 2 and t.visits_by_outcome["refused"] == 1
    assert t.support_offered == 1  # r4
    assert police.persons_mapped == 6  # the mapping is the programme's
    assert t.callin_invitations == 3  # call-ins are the programme's
    probation = figures(programme, StatsFilter(agency_id=built.agencies["probation"])).total
    assert (probation.deliveries, probation.visits, probation.support_started) == (1, 2, 1)
