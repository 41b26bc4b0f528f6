"""Planner proposal: 40 visits, 8 teams, 10 working days (budget ≤ 1 s)."""

from __future__ import annotations

from datetime import date

from benchmarks.core import Figure, median_seconds
from desktop.services.planning.calendar_sv import days_off
from desktop.services.planning.planner import propose_plan
from desktop.services.planning.request import (
    Agency,
    PlanRequest,
    Staff,
    Target,
    Team,
    rival_pairs,
)


def _request() -> PlanRequest:
    staff = tuple(Staff(n, Agency.POLICE if n % 2 == 0 else Agency.SOCIAL) for n in range(16))
    teams = tuple(Team(t + 1, (2 * t, 2 * t + 1)) for t in range(8))
    targets = tuple(
        Target(n, f"Område {n % 6}", frozenset({n % 7}), priority=n % 3) for n in range(40)
    )
    return PlanRequest(
        start=date(2026, 9, 7),  # two full working weeks: 10 days
        end=date(2026, 9, 18),
        targets=targets,
        teams=teams,
        staff=staff,
        rivals=rival_pairs([(0, 1), (2, 3), (4, 5), (1, 6)]),
        seed=1,
    )


def figures(quick: bool) -> list[Figure]:
    request = _request()
    days_off(request.start, request.end)  # load the holiday tables once, outside the timing
    seconds = median_seconds(lambda: propose_plan(request), repeat=3 if quick else 7)
    return [
        Figure(
            name="planner proposal, 40 visits, 8 teams, 10 days",
            value=seconds,
            unit="s",
            budget="≤ 1 s",
            ok=seconds <= 1.0,
        )
    ]
