"""Run the planner on an operation, store its proposal, accept it, suggest re-visits.

The pure planner (``desktop.services.planning``) never sees the database: this module
adapts rows to its dataclasses and stores what it proposes as visits with status
PROPOSED. Accepting turns them PLANNED; a re-run replaces only the proposed ones and
plans around those already accepted.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.messages import Phrase
from desktop.models import (
    Operation,
    OperationStatus,
    OperationTarget,
    Person,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.clock import LocalClock, local_now
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.operations.queries import (
    UNKNOWN_AREA,
    current_addresses,
    labels,
    person_groups,
    rival_pairs,
)
from desktop.services.operations.rows import (
    ProposalSummary,
    RevisitSuggestion,
    TeamWarningRow,
    UnplacedRow,
)
from desktop.services.operations.teams import own_teams, planner_staff
from desktop.services.permissions import Action, allowed, require
from desktop.services.planning import request as plan
from desktop.services.planning.calendar_sv import days_off
from desktop.services.planning.conflicts import ConflictCode, check_move
from desktop.services.planning.planner import PlannerState, order_targets, team_warnings
from desktop.services.planning.revisit import suggest_revisit
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import address_valid_on, person_addresses
from desktop.store.interface import Store

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


@dataclass(frozen=True)
class RefusedVisit:
    """A proposed visit acceptance refused: whose, when, and why (``reason``, a code
    ``refusal.…``). Worded where it is shown, as one line (issue 18):
    ``words(refused.code, refused.params, lang)`` reads "Namn 2026-03-02 09:00: …"."""

    visit_id: int
    person: str
    starts_at: dt.datetime
    reason: str

    @property
    def code(self) -> str:
        return "refusal.line"

    @property
    def params(self) -> dict[str, object]:
        return {"person": self.person, "start": self.starts_at, "reason": Phrase(self.reason)}


@dataclass(frozen=True)
class AcceptResult(Changes):
    """What acceptance changed, how many visits it accepted and which it refused."""

    accepted: int = 0
    refused: tuple[RefusedVisit, ...] = ()


#: Why a proposed visit is refused on acceptance (issue 17): its time has passed.
PAST = "refusal.past"


def refusal_code(code: ConflictCode) -> str:
    """The code of the reason a clash refuses a proposed visit (words: desktop/messages)."""
    return f"refusal.{code.value}"


def _recheck(session: Session, proposed: Sequence[Any], now: dt.datetime) -> dict[int, str]:
    """Visit id to the reason it is refused (a code), checking the proposals in time order.

    A visit that begins before ``now`` is refused (issue 17). The schedule
    is every visit that is not cancelled and not one of these proposals,
    in any operation, on the proposals' days; each accepted proposal joins it.
    """
    first = min(r.starts_at for r in proposed).date()
    last = max(r.starts_at for r in proposed).date()
    mine = {r.id for r in proposed}
    rows = session.execute(
        select(Visit.id, Visit.person_id, Visit.team_id, Visit.starts_at, Visit.ends_at).where(
            Visit.starts_at >= dt.datetime.combine(first, dt.time()),
            Visit.starts_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
            Visit.status.not_in((VisitStatus.CANCELLED, VisitStatus.PROPOSED)),
            Visit.team_id.is_not(None),
        )
    ).all()
    rows = [r for r in rows if r.id not in mine]
    persons = {r.person_id for r in (*rows, *proposed)}
    groups = person_groups(session, persons, first)
    team_ids = {r.team_id for r in (*rows, *proposed) if r.team_id is not None}
    team_rows = session.execute(
        select(Team.id, Team.max_visits_per_day).where(Team.id.in_(team_ids))
    ).all()
    members: dict[int, list[int]] = {t.id: [] for t in team_rows}
    for team_id, staff_id in session.execute(
        select(TeamMember.team_id, TeamMember.staff_id).where(TeamMember.team_id.in_(members))
    ):
        members[team_id].append(staff_id)
    teams = [plan.Team(t.id, tuple(members[t.id]), t.max_visits_per_day) for t in team_rows]
    staff = planner_staff(session, [s for m in members.values() for s in m], first, last)
    holidays = frozenset(days_off(first, last))
    rivals = plan.rival_pairs(rival_pairs(session, first, last))

    def scheduled(r: Any) -> plan.ScheduledVisit:
        return plan.ScheduledVisit(
            r.id,
            r.person_id,
            r.team_id or 0,
            r.starts_at,
            r.ends_at,
            frozenset(g for g, _ in groups.get(r.person_id, [])),
        )

    schedule = [scheduled(r) for r in rows]
    refused: dict[int, str] = {}
    for r in proposed:
        if r.starts_at < now:
            refused[r.id] = PAST
            continue
        visit = scheduled(r)
        conflicts = [
            c
            for c in check_move(
                visit,
                visit.start,
                None,
                visits=schedule,
                teams=teams,
                staff=staff,
                holidays=holidays,
                rivals=rivals,
            )
            # An incomplete team is the planner's warning about the team, not a clash.
            if c.code is not ConflictCode.TEAM_INCOMPLETE
        ]
        if conflicts:
            refused[r.id] = refusal_code(conflicts[0].code)
        else:
            schedule.append(visit)
    return refused


class PlanningService:
    """The planner for one operation: propose, accept, discard, re-visit."""

    def __init__(self, store: Store, clock: LocalClock | None = None) -> None:
        self.store = store
        # Local wall-clock time: proposals start the day after it (issue 17).
        self._clock = clock or local_now

    def propose(self, operation_id: int, seed: int | None = None) -> ProposalSummary:
        """Run the planner and store its proposal, replacing earlier proposed visits.

        Safe to call off the GUI thread: it opens its own session.
        """
        require(self.store.identity, Action.PLAN)
        began = time.perf_counter()
        with UnitOfWork(self.store, "Föreslå besöksplan") as uow:
            session = uow.session
            if seed is None:
                seed = int(
                    session.scalar(select(Operation.version).where(Operation.id == operation_id))
                    or 0
                )
            data = planning_input(session, operation_id, seed, self._clock())
            if not data.request.targets:
                raise ValidationError("plan.no_targets", field="targets")
            if not data.request.teams:
                raise ValidationError("plan.no_teams", field="teams")
            session.execute(
                delete(Visit).where(
                    Visit.operation_id == operation_id, Visit.status == VisitStatus.PROPOSED
                )
            )
            proposal = propose_around(data)
            order: Counter[tuple[int, dt.date]] = Counter(
                (v.team_id, v.start.date()) for v in data.schedule
            )
            # What planning saw: the address valid on each visit's day (issue 17).
            known = person_addresses(session, (v.person_id for v in proposal.visits))
            for visit in proposal.visits:
                key = (visit.team_id, visit.start.date())
                seen = address_valid_on(known.get(visit.person_id, ()), visit.start.date())
                order[key] += 1
                session.add(
                    Visit(
                        operation_id=operation_id,
                        person_id=visit.person_id,
                        team_id=visit.team_id,
                        starts_at=visit.start,
                        ends_at=visit.end,
                        address_id=seen.id if seen is not None else None,
                        status=VisitStatus.PROPOSED,
                        order_in_day=order[key],
                    )
                )
            names = labels(session, [u.person_id for u in proposal.unplaced])
            uow.audit(
                "operation.plan",
                "operation",
                [operation_id],
                detail=f"proposed={len(proposal.visits)};unplaced={len(proposal.unplaced)}",
            )
            uow.touched("operation", operation_id)
            uow.touched("visit")
        return ProposalSummary(
            operation_id=operation_id,
            proposed=len(proposal.visits),
            kept=len(data.schedule),
            unplaced=tuple(
                UnplacedRow(u.person_id, names.get(u.person_id, ""), u.reason)
                for u in proposal.unplaced
            ),
            warnings=tuple(
                TeamWarningRow(w.team_id, data.team_names.get(w.team_id, ""), w.code)
                for w in proposal.warnings
            ),
            seconds=time.perf_counter() - began,
        )

    def accept(self, operation_id: int) -> AcceptResult:
        """Turn the proposed visits into planned ones; the operation becomes active.

        Every proposed visit is checked again against what is in the schedule now
        (issue 17): one in the past, or one that clashes (the person visited that day,
        staff double-booked, absent or out of hours, the team's day full, a day off, a
        rival in the team-slot) is refused and stays a proposal; the rest are accepted.
        The result names each refused visit and why (a code the views word).
        """
        require(self.store.identity, Action.PLAN)
        now = self._clock()
        with UnitOfWork(self.store, "Godkänn besöksplan") as uow:
            session = uow.session
            operation = session.get(Operation, operation_id)
            if operation is None:
                raise NotFound("operation.gone")
            proposed = session.execute(
                select(Visit.id, Visit.person_id, Visit.team_id, Visit.starts_at, Visit.ends_at)
                .where(Visit.operation_id == operation_id, Visit.status == VisitStatus.PROPOSED)
                .order_by(Visit.starts_at, Visit.id)
            ).all()
            if not proposed:
                raise ValidationError("plan.nothing_to_accept")
            # No visit is accepted into the past, draft or running (as ``propose``).
            refusals = _recheck(session, proposed, now)
            ids = [r.id for r in proposed if r.id not in refusals]
            if ids:
                session.execute(
                    update(Visit)
                    .where(Visit.id.in_(ids))
                    .values(status=VisitStatus.PLANNED, version=Visit.version + 1)
                    .execution_options(synchronize_session=False)
                )
                if operation.status is OperationStatus.DRAFT:
                    operation.status = OperationStatus.ACTIVE
            names = labels(session, [r.person_id for r in proposed if r.id in refusals])
            refused = tuple(
                RefusedVisit(r.id, names.get(r.person_id, ""), r.starts_at, refusals[r.id])
                for r in proposed
                if r.id in refusals
            )
            uow.audit(
                "operation.plan_accept",
                "operation",
                [operation_id],
                detail=f"visits={len(ids)};refused={len(refused)}",
            )
            if refused:
                # The refused visits' persons were named to the user: one entry with the ids.
                uow.audit(
                    "operation.plan_refused",
                    "visit",
                    [v.visit_id for v in refused],
                    detail="persons=" + ",".join(str(p) for p in sorted(names)),
                )
            uow.touched("operation", operation_id)
            uow.touched("visit", *ids)
        changes = uow.changes
        return AcceptResult(changes.description, changes.kinds, changes.ids, len(ids), refused)

    def discard(self, operation_id: int) -> Changes:
        """Delete the proposed visits of the operation."""
        require(self.store.identity, Action.PLAN)
        with UnitOfWork(self.store, "Kasta förslag") as uow:
            result = uow.session.execute(
                delete(Visit).where(
                    Visit.operation_id == operation_id, Visit.status == VisitStatus.PROPOSED
                )
            )
            uow.audit(
                "operation.plan_discard",
                "operation",
                [operation_id],
                detail=f"visits={getattr(result, 'rowcount', 0)}",
            )
            uow.touched("operation", operation_id)
            uow.touched("visit")
        return uow.changes

    def suggest_revisit(self, visit_id: int) -> tuple[RevisitSuggestion, Changes]:
        """Propose a later visit at another time of day after "not at home".

        The suggestion is stored as a PROPOSED visit linked to the failed one, so
        it shows in the calendar and is accepted like the rest of the plan.

        A coordinator may do it for any visit; a team lead for his own team's (issue 18:
        GVI team leads plan the re-visits of their own round).
        """
        identity = self.store.identity
        require(identity, Action.VISIT_REVISIT)
        with UnitOfWork(self.store, "Föreslå nytt besök") as uow:
            session = uow.session
            failed = session.get(Visit, visit_id)
            if failed is None:
                raise NotFound("visit.gone")
            if not allowed(identity.role, Action.PLAN) and failed.team_id not in own_teams(
                session, identity.user_id
            ):
                raise PermissionDenied("plan.revisit_own_team")
            if failed.status is not VisitStatus.NOT_HOME:
                raise ValidationError("plan.revisit_only_not_home")
            if failed.operation_id is None or failed.team_id is None:
                raise ValidationError("visit.no_operation")
            data = planning_input(session, failed.operation_id, visit_id, self._clock())
            others = [
                plan.PlannedVisit(
                    r.person_id,
                    r.team_id,
                    r.starts_at,
                    r.ends_at,
                    time_of_day(r.starts_at),
                    data.addresses.get(r.person_id, (0, UNKNOWN_AREA))[1],
                )
                for r in session.execute(
                    select(Visit.person_id, Visit.team_id, Visit.starts_at, Visit.ends_at).where(
                        Visit.operation_id == failed.operation_id,
                        Visit.id != visit_id,
                        Visit.team_id.is_not(None),
                        Visit.status.in_((VisitStatus.PROPOSED, VisitStatus.PLANNED)),
                    )
                ).all()
            ]
            area = data.addresses.get(failed.person_id, (None, UNKNOWN_AREA))
            failed_plan = plan.PlannedVisit(
                failed.person_id,
                failed.team_id,
                failed.starts_at,
                failed.ends_at,
                time_of_day(failed.starts_at),
                area[1],
            )
            proposal = suggest_revisit(data.request, others, failed_plan)
            if not proposal.visits:
                reason = proposal.unplaced[0].reason
                uow.audit("visit.revisit", "visit", [visit_id], detail=f"none={reason.value}")
                suggestion = RevisitSuggestion(None, None, None, reason)
            else:
                chosen = proposal.visits[0]
                seen = address_valid_on(
                    person_addresses(session, [failed.person_id]).get(failed.person_id, ()),
                    chosen.start.date(),
                )
                visit = Visit(
                    operation_id=failed.operation_id,
                    person_id=failed.person_id,
                    team_id=chosen.team_id,
                    starts_at=chosen.start,
                    ends_at=chosen.end,
                    address_id=seen.id if seen is not None else None,
                    status=VisitStatus.PROPOSED,
                    revisit_of_id=visit_id,
                )
                session.add(visit)
                session.flush()
                uow.audit("visit.revisit", "visit", [visit_id, visit.id])
                uow.touched("visit", visit.id)
                suggestion = RevisitSuggestion(visit.id, chosen.start, chosen.team_id, None)
        return suggestion, uow.changes
