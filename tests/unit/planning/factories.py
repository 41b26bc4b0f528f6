"""Small builders for planner inputs."""

from __future__ import annotations

from datetime import date

from desktop.services.planning.request import (
    Agency,
    PlanRequest,
    Staff,
    Target,
    Team,
    rival_pairs,
)


def pair_teams(count: int, max_per_day: int = 4) -> tuple[tuple[Team, ...], tuple[Staff, ...]]:
    """``count`` teams of one police officer and one social worker each."""
    staff: list[Staff] = []
    teams: list[Team] = []
    for n in range(count):
        police, social = 100 + 2 * n, 101 + 2 * n
        staff += [Staff(police, Agency.POLICE), Staff(social, Agency.SOCIAL)]
        teams.append(Team(n + 1, (police, social), max_per_day))
    return tuple(teams), tuple(staff)


def request(
    targets: int = 12,
    teams: int = 3,
    start: date = date(2026, 6, 15),
    end: date = date(2026, 6, 26),
    areas: int = 3,
    groups: int = 4,
    rivals: tuple[tuple[int, int], ...] = (),
    max_per_day: int = 4,
    seed: int = 0,
) -> PlanRequest:
    team_rows, staff_rows = pair_teams(teams, max_per_day)
    return PlanRequest(
        start=start,
        end=end,
        targets=tuple(
            Target(i, f"Område {i % areas}", frozenset({i % groups})) for i in range(1, targets + 1)
        ),
        teams=team_rows,
        staff=staff_rows,
        rivals=rival_pairs(rivals),
        seed=seed,
    )
