from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.planning.planner import propose_plan
from desktop.services.planning.request import (
    Agency,
    Staff,
    Target,
    Team,
    TimeOfDay,
    UnplacedReason,
    WarningCode,
    rival_pairs,
    weekday_hours,
)
from tests.unit.planning.factories import pair_teams, request


def _team_slots(proposal):
    cells = defaultdict(list)
    for v in proposal.visits:
        cells[(v.team_id, v.start.date(), v.time_of_day)].append(v)
    return cells


def test_every_target_placed_once():
    proposal = propose_plan(request(targets=20, teams=3))
    assert not proposal.unplaced
    assert sorted(v.person_id for v in proposal.visits) == list(range(1, 21))
    assert not proposal.warnings


def test_deterministic_for_a_seed():
    assert propose_plan(request(seed=7)) == propose_plan(request(seed=7))


def test_rivals_never_share_a_team_slot():
    req = request(targets=30, teams=2, groups=2, areas=1, rivals=((0, 1),))
    proposal = propose_plan(req)
    groups = {t.person_id: t.group_ids for t in req.targets}
    assert not proposal.unplaced
    for visits in _team_slots(proposal).values():
        assert len({g for v in visits for g in groups[v.person_id]}) == 1


def test_one_area_per_team_slot():
    proposal = propose_plan(request(targets=30, teams=3, areas=4))
    for visits in _team_slots(proposal).values():
        assert len({v.area for v in visits}) == 1


def test_max_per_day():
    proposal = propose_plan(request(targets=30, teams=2, max_per_day=2))
    per_day = Counter((v.team_id, v.start.date()) for v in proposal.visits)
    assert max(per_day.values()) <= 2


def test_fair_load():
    proposal = propose_plan(request(targets=40, teams=8, areas=5))
    loads = Counter(v.team_id for v in proposal.visits)
    assert len(loads) == 8
    assert max(loads.values()) - min(loads.values()) <= 2


def test_times_of_day_vary():
    proposal = propose_plan(request(targets=30, teams=3))
    counts = Counter(v.time_of_day for v in proposal.visits)
    assert set(counts) == set(TimeOfDay)
    assert max(counts.values()) - min(counts.values()) <= 3


def test_earlier_time_of_day_avoided():
    req = request(targets=1, teams=1)
    target = replace(req.targets[0], earlier_times=(TimeOfDay.MORNING, TimeOfDay.AFTERNOON))
    proposal = propose_plan(replace(req, targets=(target,)))
    assert proposal.visits[0].time_of_day is TimeOfDay.EVENING


def test_midsummer_eve_skipped():
    req = request(targets=8, teams=1, start=date(2026, 6, 19), end=date(2026, 6, 22))
    proposal = propose_plan(req)
    days = {v.start.date() for v in proposal.visits}
    assert date(2026, 6, 19) not in days
    assert days <= {date(2026, 6, 22)}  # the weekend is outside working hours


def test_only_holidays_gives_reason():
    req = request(targets=2, teams=1, start=date(2026, 6, 19), end=date(2026, 6, 19))
    proposal = propose_plan(req)
    assert {u.reason for u in proposal.unplaced} == {UnplacedReason.NO_WORKING_DAYS}


def test_absence_and_hours_respected():
    teams, staff = pair_teams(2)
    absent = replace(staff[0], absences=frozenset({date(2026, 6, 15)}))
    short = replace(staff[2], hours=weekday_hours(time(8), time(12)))
    req = replace(
        request(targets=16, teams=2), teams=teams, staff=(absent, *staff[1:2], short, *staff[3:])
    )
    proposal = propose_plan(req)
    for v in proposal.visits:
        if v.team_id == 1:
            assert v.start.date() != date(2026, 6, 15)
        if v.team_id == 2:
            assert v.end.time() <= time(12)


def test_capacity_reason_and_warnings():
    teams = (Team(1, (1, 2), max_per_day=1),)
    staff = (Staff(1, Agency.POLICE), Staff(2, Agency.POLICE))
    req = replace(
        request(targets=3, start=date(2026, 6, 15), end=date(2026, 6, 16)),
        teams=teams,
        staff=staff,
    )
    proposal = propose_plan(req)
    assert len(proposal.visits) == 2
    assert proposal.unplaced[0].reason is UnplacedReason.CAPACITY_FULL
    assert [w.code for w in proposal.warnings] == [WarningCode.TEAM_MISSING_SOCIAL]


def test_no_teams():
    req = replace(request(targets=2), teams=())
    assert {u.reason for u in propose_plan(req).unplaced} == {UnplacedReason.NO_TEAMS}


@settings(max_examples=40, deadline=None)
@given(
    n_targets=st.integers(0, 25),
    n_teams=st.integers(1, 4),
    n_groups=st.integers(1, 5),
    n_areas=st.integers(1, 4),
    max_per_day=st.integers(1, 5),
    n_days=st.integers(1, 8),
    rivals=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=6),
    seed=st.integers(0, 1000),
)
def test_random_requests_keep_hard_rules(
    n_targets, n_teams, n_groups, n_areas, max_per_day, n_days, rivals, seed
):
    teams, staff = pair_teams(n_teams, max_per_day)
    targets = tuple(
        Target(i, f"A{(i * 7 + seed) % n_areas}", frozenset({(i * 3 + seed) % n_groups}))
        for i in range(n_targets)
    )
    req = replace(
        request(start=date(2026, 6, 15), end=date(2026, 6, 14 + n_days), seed=seed),
        targets=targets,
        teams=teams,
        staff=staff,
        rivals=rival_pairs(rivals),
    )
    proposal = propose_plan(req)
    assert len(proposal.visits) + len(proposal.unplaced) == n_targets
    per_day = Counter((v.team_id, v.start.date()) for v in proposal.visits)
    assert all(count <= max_per_day for count in per_day.values())
    groups = {t.person_id: t.group_ids for t in targets}
    for visits in _team_slots(proposal).values():
        present = set().union(*(groups[v.person_id] for v in visits))
        assert not any(pair <= present for pair in req.rivals)


def test_rival_reason_when_only_a_shared_team_slot_is_left():
    req = request(targets=2, teams=1, areas=1, groups=2, rivals=((0, 1),))
    one_slot = replace(req, start=date(2026, 6, 15), end=date(2026, 6, 15), slots=req.slots[:1])
    proposal = propose_plan(one_slot)
    assert len(proposal.visits) == 1
    assert proposal.unplaced[0].reason is UnplacedReason.RIVAL_CONFLICT
