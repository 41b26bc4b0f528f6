"""What the planner is given: an operation's targets, teams, days and fixed visits.

``planning_input`` reads the operation's rows into the pure planner's dataclasses (the
address valid on each day, the visits that keep their place, the days without a valid
address, rival pairs valid at the time); ``propose_around`` runs the planner around what
is already planned. ``desktop.services.operations.planning`` stores and accepts the
proposal; the incident response plans its urgent round with the same two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import (
    Operation,
    OperationTarget,
    Person,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.errors import NotFound, ValidationError
from desktop.services.operations.queries import (
    UNKNOWN_AREA,
    current_addresses,
    person_groups,
    rival_pairs,
)
from desktop.services.operations.teams import planner_staff
from desktop.services.planning import request as plan
from desktop.services.planning.planner import PlannerState, order_targets, team_warnings
from desktop.services.visit_address import address_valid_on, person_addresses

# Visits that keep their place when the planner runs again.
KEPT_STATUSES = (
    VisitStatus.PLANNED,
    VisitStatus.MET,
    VisitStatus.FAMILY_ONLY,
    VisitStatus.REFUSED,
    VisitStatus.MOVED,
)


def time_of_day(
    start: dt.datetime, slots: tuple[plan.SlotDef, ...] = plan.DEFAULT_SLOTS
) -> plan.TimeOfDay:
    clock = start.time()
    for slot in slots:
        if slot.start <= clock < slot.end:
            return slot.time_of_day
    return slots[0].time_of_day if clock < slots[0].start else slots[-1].time_of_day


@dataclass(frozen=True)
class PlanningInput:
    """The planner's request with what the service needs to store its answer."""

    request: plan.PlanRequest
    addresses: dict[int, tuple[int, str]]
    team_names: dict[int, str]
    schedule: tuple[plan.PlannedVisit, ...]  # visits kept (accepted or done)
    kept_persons: frozenset[int]
    # Existing visits in the period, any operation: (person, staff ids, start, end).
    # A proposal never lands on one (issue 17).
    busy: tuple[tuple[int, tuple[int, ...], dt.datetime, dt.datetime], ...] = ()
    # Days of the period on which a target with addresses has none valid: no visit then
    # (the team would have no door; found by the programme model, issue 17).
    no_address_days: tuple[tuple[int, dt.date], ...] = ()


def planning_input(
    session: Session, operation_id: int, seed: int = 0, now: dt.datetime | None = None
) -> PlanningInput:
    """Read an operation into a planner request (column selects only).

    ``now`` is the planning moment: an operation, running or draft, is planned from the
    next day on, never in the past (issue 17).
    """
    operation = session.get(Operation, operation_id)
    if operation is None:
        raise NotFound("operation.gone")
    today = operation.start_date
    first_day = operation.start_date
    if now is not None:
        first_day = max(first_day, now.date() + dt.timedelta(days=1))
        if first_day > operation.end_date:
            raise ValidationError("plan.period_over", field="period")
    targets = session.execute(
        select(OperationTarget.person_id, OperationTarget.priority, Person.protected_identity)
        .join(Person, Person.id == OperationTarget.person_id)
        .where(OperationTarget.operation_id == operation_id)
        # A target merged into another record is visited as that one (found by the
        # programme model, issue 17: the planner visited the merged-away record).
        .where(Person.merged_into_id.is_(None))
    ).all()
    ids = [t.person_id for t in targets]
    addresses = current_addresses(session, ids, today)
    groups = person_groups(session, ids, today)
    earlier: dict[int, list[plan.TimeOfDay]] = {}
    kept: list[plan.PlannedVisit] = []
    for row in session.execute(
        select(
            Visit.person_id,
            Visit.team_id,
            Visit.starts_at,
            Visit.ends_at,
            Visit.status,
            Visit.operation_id,
        )
        .where(Visit.person_id.in_(ids), Visit.status.in_(KEPT_STATUSES))
        .order_by(Visit.starts_at)
    ).all():
        earlier.setdefault(row.person_id, []).append(time_of_day(row.starts_at))
        if row.operation_id == operation_id and row.team_id is not None:
            area = addresses.get(row.person_id, (0, UNKNOWN_AREA))[1]
            kept.append(
                plan.PlannedVisit(
                    row.person_id,
                    row.team_id,
                    row.starts_at,
                    row.ends_at,
                    time_of_day(row.starts_at),
                    area,
                )
            )
    teams = session.execute(
        select(Team.id, Team.name, Team.max_visits_per_day)
        .where(Team.operation_id == operation_id)
        .order_by(Team.id)
    ).all()
    members: dict[int, list[int]] = {t.id: [] for t in teams}
    for team_id, staff_id in session.execute(
        select(TeamMember.team_id, TeamMember.staff_id).where(TeamMember.team_id.in_(members))
    ):
        members[team_id].append(staff_id)
    request = plan.PlanRequest(
        start=first_day,
        end=operation.end_date,
        targets=tuple(
            plan.Target(
                person_id=t.person_id,
                area=addresses.get(t.person_id, (0, UNKNOWN_AREA))[1],
                group_ids=frozenset(g for g, _ in groups.get(t.person_id, [])),
                priority=t.priority,
                protected_identity=t.protected_identity,
                earlier_times=tuple(earlier.get(t.person_id, ())),
            )
            for t in targets
        ),
        teams=tuple(plan.Team(t.id, tuple(members[t.id]), t.max_visits_per_day) for t in teams),
        staff=planner_staff(
            session,
            [s for ids_ in members.values() for s in ids_],
            operation.start_date,
            operation.end_date,
        ),
        # Relations valid on any day of the operation keep the groups apart (issue 17).
        rivals=plan.rival_pairs(rival_pairs(session, today, operation.end_date)),
        seed=seed,
    )
    return PlanningInput(
        request,
        addresses,
        {t.id: t.name for t in teams},
        tuple(kept),
        frozenset(v.person_id for v in kept),
        _existing(session, operation_id, first_day, operation.end_date),
        _no_address_days(session, ids, first_day, operation.end_date),
    )


def _no_address_days(
    session: Session, person_ids: list[int], first: dt.date, last: dt.date
) -> tuple[tuple[int, dt.date], ...]:
    """(person, day) for each day in ``first``..``last`` on which a person who has
    addresses has none valid (before his first one starts, between two, after the last)."""
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return tuple(
        (person_id, day)
        for person_id, places in person_addresses(session, person_ids).items()
        for day in days
        if places and address_valid_on(places, day) is None
    )


def _existing(
    session: Session, operation_id: int, first: dt.date, last: dt.date
) -> tuple[tuple[int, tuple[int, ...], dt.datetime, dt.datetime], ...]:
    """Every visit in ``first``..``last`` a proposal must keep clear of (issue 17).

    Any operation's visit that is not cancelled, except this operation's own proposals
    (a new proposal replaces them): its person is taken that day, its team's staff at
    that time.
    """
    begin = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    rows = session.execute(
        select(Visit.person_id, Visit.team_id, Visit.starts_at, Visit.ends_at).where(
            Visit.starts_at >= begin,
            Visit.starts_at < end,
            Visit.status != VisitStatus.CANCELLED,
            ~((Visit.operation_id == operation_id) & (Visit.status == VisitStatus.PROPOSED)),
        )
    ).all()
    team_ids = {r.team_id for r in rows if r.team_id is not None}
    members: dict[int, list[int]] = {t: [] for t in team_ids}
    if team_ids:
        for team_id, staff_id in session.execute(
            select(TeamMember.team_id, TeamMember.staff_id).where(TeamMember.team_id.in_(team_ids))
        ):
            members[team_id].append(staff_id)
    return tuple(
        (r.person_id, tuple(members.get(r.team_id, ())), r.starts_at, r.ends_at) for r in rows
    )


def propose_around(data: PlanningInput) -> plan.PlanProposal:
    """The planner's proposal for the targets without a kept visit, around the kept ones."""
    request = data.request
    state = PlannerState(request)
    groups = {t.person_id: t.group_ids for t in request.targets}
    for visit in data.schedule:
        if visit.team_id in {t.team_id for t in request.teams}:
            state.occupy(visit, groups.get(visit.person_id, ()))
    for person_id, staff_ids, start, end in data.busy:
        state.block(person_id, staff_ids, start, end)
    for person_id, day in data.no_address_days:
        state.person_days[person_id].add(day)
    visits: list[plan.PlannedVisit] = []
    unplaced: list[plan.Unplaced] = []
    open_targets = [t for t in request.targets if t.person_id not in data.kept_persons]
    for target in order_targets(open_targets, state.rng):
        result = state.place(target)
        if isinstance(result, plan.PlannedVisit):
            visits.append(result)
        else:
            unplaced.append(plan.Unplaced(target.person_id, result))
    visits.sort(key=lambda v: (v.start, v.team_id))
    return plan.PlanProposal(
        tuple(visits), tuple(unplaced), tuple(team_warnings(request.teams, state.staff))
    )
