"""The visit planner: a deterministic greedy proposal over team-slots.

Hard rules (never broken): a team works one area per slot (a half-day); a team
never exceeds its maximum per day; every member needed for the two agencies is
present and in working hours for the whole visit; days off are skipped; two
persons from rival groups are never in the same team-slot; a person is planned
once; a visit never lands on an existing one (the person already visited that
day, or a member of the team busy at that time, issue 17). Soft preferences, in
order: fair load across teams (each visit goes to a least-loaded team that can
take it, so team loads over a proposal stay within one visit), another time of
day than earlier visits, time of day spread evenly, filling a team-slot already
in the same area, then quieter days (so an operation spreads over its period),
then earlier days. A
seeded random tie-break keeps proposals varied between operations but
reproducible for one seed.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.services.planning.calendar_sv import days, days_off
from desktop.services.planning.request import (
    Agency,
    PlannedVisit,
    PlanProposal,
    PlanRequest,
    PlanWarning,
    SlotDef,
    Staff,
    Target,
    Team,
    TimeOfDay,
    Unplaced,
    UnplacedReason,
    WarningCode,
)

_PAIR_AGENCIES = frozenset({Agency.POLICE, Agency.SOCIAL})

# Rejection stages: an unplaced target gets the reason of the furthest stage
# any candidate reached, which is the most specific thing that stopped it.
_STAGES = (
    UnplacedReason.NO_AVAILABLE_TEAM,
    UnplacedReason.CAPACITY_FULL,
    UnplacedReason.AREA_TAKEN,
    UnplacedReason.RIVAL_CONFLICT,
)


def team_warnings(teams: Iterable[Team], staff: dict[int, Staff]) -> list[PlanWarning]:
    """Warnings for teams that are not a police + social services pair."""
    warnings: list[PlanWarning] = []
    for team in teams:
        members = [staff[s] for s in team.staff_ids if s in staff]
        if len(members) < len(team.staff_ids):
            warnings.append(PlanWarning(WarningCode.UNKNOWN_STAFF, team.team_id))
        agencies = {m.agency for m in members}
        if len(members) < 2:
            warnings.append(PlanWarning(WarningCode.TEAM_TOO_SMALL, team.team_id))
        if Agency.POLICE not in agencies:
            warnings.append(PlanWarning(WarningCode.TEAM_MISSING_POLICE, team.team_id))
        if Agency.SOCIAL not in agencies:
            warnings.append(PlanWarning(WarningCode.TEAM_MISSING_SOCIAL, team.team_id))
    return warnings


def team_can_work(team: Team, staff: dict[int, Staff], start: datetime, end: datetime) -> bool:
    """Whether enough of the team is free to make the visit.

    The present members must be at least two (or the whole team if smaller)
    and must include each of police and social services that the team has.
    """
    members = [staff[s] for s in team.staff_ids if s in staff]
    present = [m for m in members if m.available(start, end)]
    needed = _PAIR_AGENCIES & {m.agency for m in members}
    return len(present) >= min(2, len(members)) > 0 and needed <= {m.agency for m in present}


@dataclass
class _Cell:
    """One team's slot on one day: its area, visits and groups."""

    area: str | None = None
    starts: list[datetime] = field(default_factory=list)
    groups: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Candidate:
    team: Team
    day: date
    day_index: int
    slot: SlotDef
    start: datetime


class PlannerState:
    """The schedule being built; ``revisit`` reuses it with existing visits."""

    def __init__(self, request: PlanRequest) -> None:
        self.request = request
        self.staff = {s.staff_id: s for s in request.staff}
        off = (
            request.holidays
            if request.holidays is not None
            else frozenset(days_off(request.start, request.end))
        )
        self.work_days = [d for d in days(request.start, request.end) if d not in off]
        self.duration = timedelta(minutes=request.visit_minutes)
        self.rng = random.Random(request.seed)
        self.cells: dict[tuple[int, date, TimeOfDay], _Cell] = defaultdict(_Cell)
        self.day_load: Counter[tuple[int, date]] = Counter()
        self.date_load: Counter[date] = Counter()
        self.team_load: Counter[int] = Counter({t.team_id: 0 for t in request.teams})
        self.slot_load: Counter[TimeOfDay] = Counter({s.time_of_day: 0 for s in request.slots})
        self.rival_of: dict[int, set[int]] = defaultdict(set)
        # Existing visits the proposal must not land on (issue 17).
        self.staff_busy: dict[tuple[int, date], list[tuple[datetime, datetime]]] = defaultdict(list)
        self.person_days: dict[int, set[date]] = defaultdict(set)
        for pair in request.rivals:
            a, b = tuple(pair)
            self.rival_of[a].add(b)
            self.rival_of[b].add(a)
        self._starts = self._candidate_starts()

    def _candidate_starts(self) -> list[Candidate]:
        """Every (team, day, slot, start) where the team can work, in order."""
        result: list[Candidate] = []
        for index, day in enumerate(self.work_days):
            for slot in self.request.slots:
                for team in self.request.teams:
                    start = datetime.combine(day, slot.start)
                    last = datetime.combine(day, slot.end) - self.duration
                    while start <= last:
                        if team_can_work(team, self.staff, start, start + self.duration):
                            result.append(Candidate(team, day, index, slot, start))
                        start += self.duration
        return result

    def occupy(self, visit: PlannedVisit, groups: Iterable[int] = ()) -> None:
        """Record a visit already in the schedule."""
        cell = self.cells[(visit.team_id, visit.start.date(), visit.time_of_day)]
        cell.area = cell.area or visit.area
        cell.starts.append(visit.start)
        cell.groups.update(groups)
        self.day_load[(visit.team_id, visit.start.date())] += 1
        self.date_load[visit.start.date()] += 1
        self.team_load[visit.team_id] += 1
        self.slot_load[visit.time_of_day] += 1
        team = next((t for t in self.request.teams if t.team_id == visit.team_id), None)
        self.block(visit.person_id, team.staff_ids if team else (), visit.start, visit.end)

    def block(
        self, person_id: int | None, staff_ids: Iterable[int], start: datetime, end: datetime
    ) -> None:
        """An existing visit: its person is taken that day, its staff at that time."""
        if person_id is not None:
            self.person_days[person_id].add(start.date())
        for staff_id in staff_ids:
            self.staff_busy[(staff_id, start.date())].append((start, end))

    def _busy(self, team: Team, start: datetime, end: datetime) -> bool:
        day = start.date()
        return any(
            s < end and start < e
            for staff_id in team.staff_ids
            for s, e in self.staff_busy.get((staff_id, day), ())
        )

    def place(
        self, target: Target, allowed: Callable[[Candidate], bool] | None = None
    ) -> PlannedVisit | UnplacedReason:
        """Place one target at its best candidate, or say why it cannot be."""
        if not self.request.teams:
            return UnplacedReason.NO_TEAMS
        if not self.work_days:
            return UnplacedReason.NO_WORKING_DAYS
        reached = -1
        feasible: list[Candidate] = []
        rivals = set().union(*(self.rival_of[g] for g in target.group_ids))
        # Only the first free start of each team-slot is a candidate: later
        # starts of the same cell would score the same but for the clock.
        done: set[tuple[int, date, TimeOfDay]] = set()
        for cand in self._starts:
            key = (cand.team.team_id, cand.day, cand.slot.time_of_day)
            if key in done or (allowed is not None and not allowed(cand)):
                continue
            reached = max(reached, 0)
            cell = self.cells[key]
            if self.day_load[(cand.team.team_id, cand.day)] >= cand.team.max_per_day:
                done.add(key)
                continue
            if cand.day in self.person_days[target.person_id]:
                continue
            if cand.start in cell.starts or self._busy(
                cand.team, cand.start, cand.start + self.duration
            ):
                continue
            done.add(key)
            reached = max(reached, 1)
            if cell.area is not None and cell.area != target.area:
                continue
            reached = max(reached, 2)
            if rivals & cell.groups:
                continue
            feasible.append(cand)
        if not feasible:
            if reached < 0 and allowed is not None:
                return UnplacedReason.NO_OTHER_TIME_OF_DAY
            return _STAGES[reached + 1]
        best = min(feasible, key=self._scorer(target, feasible))
        visit = PlannedVisit(
            person_id=target.person_id,
            team_id=best.team.team_id,
            start=best.start,
            end=best.start + self.duration,
            time_of_day=best.slot.time_of_day,
            area=target.area,
        )
        self.occupy(visit, target.group_ids)
        return visit

    def _scorer(
        self, target: Target, feasible: list[Candidate]
    ) -> Callable[[Candidate], tuple[float, ...]]:
        min_team = min(self.team_load[c.team.team_id] for c in feasible)
        slots_open = {c.slot.time_of_day for c in feasible}
        min_slot = min(self.slot_load[s] for s in slots_open)
        jitter = {id(c.team): self.rng.random() for c in feasible}
        earlier = set(target.earlier_times)

        def score(cand: Candidate) -> tuple[float, ...]:
            team_load = self.team_load[cand.team.team_id]
            slot_load = self.slot_load[cand.slot.time_of_day]
            cell = self.cells[(cand.team.team_id, cand.day, cand.slot.time_of_day)]
            return (
                # A visit goes to a least-loaded team: loads stay within one (issue 17).
                team_load > min_team,
                cand.slot.time_of_day in earlier,
                max(0, slot_load - min_slot - 1),
                cell.area is None,
                team_load,
                self.date_load[cand.day],
                cand.day_index,
                slot_load,
                jitter[id(cand.team)],
                cand.start.timestamp(),
            )

        return score


def order_targets(targets: Iterable[Target], rng: random.Random) -> list[Target]:
    """Highest priority first; within a priority, areas kept together in a seeded order."""
    unique = list({t.person_id: t for t in targets}.values())
    rng.shuffle(unique)
    area_rank = {area: rng.random() for area in sorted({t.area for t in unique})}
    return sorted(unique, key=lambda t: (-t.priority, area_rank[t.area]))


def propose_plan(request: PlanRequest) -> PlanProposal:
    """Propose a visit for every target of ``request``.

    Args:
        request: The period, targets, teams, staff and rules.

    Returns:
        Placed visits in time order, unplaced targets with a reason code, and
        warnings about teams that are not two-agency pairs.
    """
    state = PlannerState(request)
    visits: list[PlannedVisit] = []
    unplaced: list[Unplaced] = []
    for target in order_targets(request.targets, state.rng):
        result = state.place(target)
        if isinstance(result, PlannedVisit):
            visits.append(result)
        else:
            unplaced.append(Unplaced(target.person_id, result))
    visits.sort(key=lambda v: (v.start, v.team_id))
    return PlanProposal(
        visits=tuple(visits),
        unplaced=tuple(unplaced),
        warnings=tuple(team_warnings(request.teams, state.staff)),
    )
