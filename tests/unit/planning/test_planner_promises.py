"""What the planner promises (issue 17): balance within one, only needed staff checked."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

import pytest

from desktop.services.planning.conflicts import ConflictCode, check_move
from desktop.services.planning.planner import PlannerState, propose_plan
from desktop.services.planning.request import (
    Agency,
    PlannedVisit,
    ScheduledVisit,
    Staff,
    Team,
    weekday_hours,
)
from tests.unit.planning.factories import request


@pytest.mark.parametrize("seed", range(6))
def test_forty_visits_over_eight_teams_are_within_one(seed):
    req = request(targets=40, teams=8, areas=5, groups=6, rivals=((0, 1), (2, 3)), seed=seed)
    proposal = propose_plan(req)
    assert len(proposal.visits) == 40 and not proposal.unplaced
    loads = Counter({t.team_id: 0 for t in req.teams})
    loads.update(v.team_id for v in proposal.visits)
    assert max(loads.values()) - min(loads.values()) <= 1, dict(loads)


def test_never_on_top_of_an_existing_visit():
    req = request(targets=6, teams=1, start=date(2026, 6, 15), end=date(2026, 6, 16))
    state = PlannerState(req)
    # Person 1 is already visited on Monday; the team's staff are busy 08-12 Monday.
    state.block(1, (), datetime(2026, 6, 15, 18), datetime(2026, 6, 15, 19))
    state.block(None, req.teams[0].staff_ids, datetime(2026, 6, 15, 8), datetime(2026, 6, 15, 12))
    placed = [state.place(t) for t in req.targets]
    visits = [v for v in placed if isinstance(v, PlannedVisit)]
    assert visits
    for v in visits:
        assert not (v.start.date() == date(2026, 6, 15) and v.start.hour < 12), v
        assert not (v.person_id == 1 and v.start.date() == date(2026, 6, 15)), v


def test_moving_warns_only_for_staff_the_visit_needs():
    # Team of three: two police officers and a social worker; one officer works mornings.
    staff = [
        Staff(1, Agency.POLICE, weekday_hours(time(8), time(12))),
        Staff(2, Agency.POLICE),
        Staff(3, Agency.SOCIAL),
    ]
    team = Team(1, (1, 2, 3))
    visit = ScheduledVisit(7, 70, 1, datetime(2026, 6, 15, 9), datetime(2026, 6, 15, 10))
    afternoon = datetime(2026, 6, 15, 14)
    assert check_move(visit, afternoon, None, visits=[], teams=[team], staff=staff) == []
    # Without the second officer the morning-only officer is needed and named.
    short = Team(1, (1, 3))
    conflicts = check_move(visit, afternoon, None, visits=[], teams=[short], staff=staff)
    assert [(c.code, c.staff_id) for c in conflicts] == [(ConflictCode.OUTSIDE_WORKING_HOURS, 1)]
