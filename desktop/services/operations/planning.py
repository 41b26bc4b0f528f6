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
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.clock import LocalClock, local_now
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.operations.plan_input import (
    planning_input,
    propose_around,
    time_of_day,
)
from desktop.services.operations.queries import (
    UNKNOWN_AREA,
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
from desktop.services.planning.revisit import suggest_revisit
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import address_valid_on, person_addresses
from desktop.store.interface import Store


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
