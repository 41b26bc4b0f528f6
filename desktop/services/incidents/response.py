"""The response GVI practice prescribes, proposed for a coordinator to accept or decline.

After an incident: an urgent round of visits to the current members of the groups
involved and of their rivals (relations valid on the incident's day), planned by the
planner within the chosen window (urgency first: the involved groups' members before the
rivals'; the teams' hours and absences respected; no clash with any visit already in
the schedule; never before tomorrow); a sanction period for each group on the
suspected side; follow-up tasks. The round is an operation of its own whose visits
carry the incident, which makes them urgent everywhere they are shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from desktop.models import (
    Group,
    GroupRelation,
    GroupRelationKind,
    Incident,
    IncidentGroup,
    IncidentResponse,
    IncidentSide,
    Membership,
    Operation,
    OperationStatus,
    OperationTarget,
    Person,
    PersonStatus,
    ResponseStatus,
    SanctionPeriod,
    Task,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
    utcnow,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.incidents.rows import (
    ALL_PARTS,
    REASON_PRIORITY,
    FollowUp,
    ResponseDecision,
    ResponsePart,
    ResponseProposal,
    ResponseRequest,
    ResponseRow,
    ResponseTarget,
    TargetReason,
)
from desktop.services.operations.planning import (
    RefusedVisit,
    _recheck,
    planning_input,
    propose_around,
)
from desktop.services.operations.queries import labels
from desktop.services.operations.rows import TeamWarningRow, UnplacedRow
from desktop.services.permissions import Action, require
from desktop.services.relations import relation_valid
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import address_valid_on, person_addresses
from desktop.services.vocabulary import FOLLOW_UP_WORDS, INCIDENT_KIND_WORDS
from desktop.store.interface import Store

MAX_WINDOW_DAYS = 28
MAX_SANCTION_DAYS = 365
_DONE = (VisitStatus.MET, VisitStatus.FAMILY_ONLY, VisitStatus.REFUSED, VisitStatus.NOT_HOME)


class ResponseService:
    def __init__(self, store: Store, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.store = store
        self._clock = clock or dt.datetime.now

    def propose(self, incident_id: int, request: ResponseRequest) -> ResponseProposal:
        """Plan the urgent round and store the proposal (replacing a proposed one)."""
        identity = self.store.identity
        require(identity, Action.INCIDENT_RESPOND)
        now = self._clock()
        _validate(request, now.date())
        with UnitOfWork(self.store, "Föreslå svar på händelse") as uow:
            session = uow.session
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise NotFound("incident.not_found")
            for old in session.scalars(
                select(IncidentResponse).where(
                    IncidentResponse.incident_id == incident_id,
                    IncidentResponse.status == ResponseStatus.PROPOSED,
                )
            ):
                _drop_round(session, old)
                session.delete(old)
            session.flush()
            targets = response_targets(session, incident, request.first_day, request.include_rivals)
            if not targets:
                raise ValidationError("response.no_targets")
            operation = Operation(
                name=f"Akut: {INCIDENT_KIND_WORDS[incident.kind]} {incident.reference}",
                start_date=request.first_day,
                end_date=request.last_day,
                purpose=f"Svar på händelse {incident.reference}",
                status=OperationStatus.DRAFT,
                coordinator_user_id=identity.user_id,
            )
            session.add(operation)
            session.flush()
            for t in targets:
                session.add(
                    OperationTarget(
                        operation_id=operation.id,
                        person_id=t.person_id,
                        priority=t.priority,
                        reason=t.reason.value,
                    )
                )
            _copy_teams(session, operation.id, request.team_ids)
            session.flush()
            seed = request.seed if request.seed is not None else incident.id
            data = planning_input(session, operation.id, seed, now)
            proposal = propose_around(data)
            order: Counter[tuple[int, dt.date]] = Counter()
            known = person_addresses(session, (v.person_id for v in proposal.visits))
            for visit in proposal.visits:
                key = (visit.team_id, visit.start.date())
                order[key] += 1
                seen = address_valid_on(known.get(visit.person_id, ()), visit.start.date())
                session.add(
                    Visit(
                        operation_id=operation.id,
                        person_id=visit.person_id,
                        team_id=visit.team_id,
                        starts_at=visit.start,
                        ends_at=visit.end,
                        address_id=seen.id if seen is not None else None,
                        status=VisitStatus.PROPOSED,
                        order_in_day=order[key],
                        incident_id=incident.id,
                    )
                )
            response = IncidentResponse(
                incident_id=incident.id,
                operation_id=operation.id,
                status=ResponseStatus.PROPOSED,
                first_day=request.first_day,
                last_day=request.last_day,
                sanction_days=request.sanction_days,
                proposed_by=identity.user_id,
            )
            session.add(response)
            session.flush()
            names = labels(session, [u.person_id for u in proposal.unplaced])
            uow.audit(
                "incident.response_propose",
                "incident",
                [incident.id],
                detail=f"response={response.id};proposed={len(proposal.visits)};"
                f"unplaced={len(proposal.unplaced)}",
            )
            uow.touched("incident_response", response.id)
            uow.touched("incident", incident.id)
            uow.touched("operation", operation.id)
            uow.touched("visit")
            result = _proposal(
                session,
                response,
                incident,
                targets,
                len(proposal.visits),
                tuple(
                    UnplacedRow(u.person_id, names.get(u.person_id, ""), u.reason)
                    for u in proposal.unplaced
                ),
                tuple(
                    TeamWarningRow(w.team_id, data.team_names.get(w.team_id, ""), w.code)
                    for w in proposal.warnings
                ),
            )
        return result

    def proposal(self, response_id: int) -> ResponseProposal:
        require(self.store.identity, Action.INCIDENT_READ)
        with UnitOfWork(self.store, "Visa svar på händelse") as uow:
            session = uow.session
            response = _response(session, response_id)
            incident = session.get(Incident, response.incident_id)
            assert incident is not None
            targets = response_targets(session, incident, response.first_day, True)
            planned = {t.person_id for t in targets}
            if response.operation_id is not None:
                planned = set(
                    session.scalars(
                        select(OperationTarget.person_id).where(
                            OperationTarget.operation_id == response.operation_id
                        )
                    )
                )
            targets = [t for t in targets if t.person_id in planned]
            visits = session.scalar(
                select(func.count()).where(
                    Visit.operation_id == response.operation_id,
                    Visit.incident_id == incident.id,
                )
            )
            uow.audit("incident.response_read", "incident_response", [response_id])
            return _proposal(session, response, incident, targets, visits or 0, (), ())

    def responses(self, incident_id: int) -> list[ResponseRow]:
        require(self.store.identity, Action.INCIDENT_READ)
        with self.store.read_session() as session:
            rows = []
            for r, name in session.execute(
                select(IncidentResponse, Operation.name)
                .outerjoin(Operation, Operation.id == IncidentResponse.operation_id)
                .where(IncidentResponse.incident_id == incident_id)
                .order_by(IncidentResponse.id.desc())
            ):
                counts = dict(
                    session.execute(
                        select(Visit.status, func.count())
                        .where(Visit.operation_id == r.operation_id)
                        .group_by(Visit.status)
                    ).all()
                )
                rows.append(
                    ResponseRow(
                        r.id,
                        r.version,
                        r.incident_id,
                        r.operation_id,
                        name or "",
                        r.status,
                        r.first_day,
                        r.last_day,
                        counts.get(VisitStatus.PLANNED, 0),
                        sum(counts.get(s, 0) for s in _DONE),
                        r.decided_at,
                        r.decline_reason,
                    )
                )
            return rows

    def accept(
        self, response_id: int, version: int, parts: frozenset[ResponsePart] = ALL_PARTS
    ) -> ResponseDecision:
        """Accept the chosen parts: the round's visits planned (each re-checked), the
        sanction periods started, the follow-up tasks added. A part left out is not made
        (the round left out: its proposed visits go and its operation is closed)."""
        identity = self.store.identity
        require(identity, Action.INCIDENT_RESPOND)
        now = self._clock()
        with UnitOfWork(self.store, "Godkänn svar på händelse") as uow:
            session = uow.session
            response = _decidable(session, response_id, version)
            incident = session.get(Incident, response.incident_id)
            assert incident is not None
            ids: list[int] = []
            refused: tuple[RefusedVisit, ...] = ()
            if ResponsePart.ROUND in parts:
                ids, refused = _plan_round(session, response, now)
            else:
                _drop_round(session, response)
            sanction_ids = (
                _start_sanctions(session, incident, response)
                if ResponsePart.SANCTION in parts
                else []
            )
            task_ids = (
                _add_tasks(session, incident, response, identity.user_id)
                if ResponsePart.TASKS in parts
                else []
            )
            response.status = ResponseStatus.ACCEPTED
            response.decided_by = identity.user_id
            response.decided_at = utcnow()
            uow.audit(
                "incident.response_accept",
                "incident_response",
                [response.id],
                detail=f"parts={','.join(sorted(parts))};visits={len(ids)};"
                f"refused={len(refused)};sanctions={len(sanction_ids)};tasks={len(task_ids)}",
            )
            uow.touched("incident_response", response.id)
            uow.touched("incident", incident.id)
            if response.operation_id is not None:
                uow.touched("operation", response.operation_id)
            uow.touched("visit", *ids)
            uow.touched("sanction_period", *sanction_ids)
            uow.touched("task", *task_ids)
            uow.touched("group", *_suspected_groups(session, incident.id))
        changes = uow.changes
        return ResponseDecision(
            changes.description,
            changes.kinds,
            changes.ids,
            frozenset(parts),
            len(ids),
            refused,
            tuple(sanction_ids),
            tuple(task_ids),
        )

    def decline(self, response_id: int, version: int, reason: str) -> Changes:
        """Decline: the proposed visits go, the round's operation is closed."""
        require(self.store.identity, Action.INCIDENT_RESPOND)
        with UnitOfWork(self.store, "Avböj svar på händelse") as uow:
            session = uow.session
            response = _decidable(session, response_id, version)
            operation_id = response.operation_id
            _drop_round(session, response)
            response.status = ResponseStatus.DECLINED
            response.decided_by = self.store.identity.user_id
            response.decided_at = utcnow()
            response.decline_reason = reason.strip()[:2000]
            uow.audit("incident.response_decline", "incident_response", [response.id])
            uow.touched("incident_response", response.id)
            uow.touched("incident", response.incident_id)
            if operation_id is not None:
                uow.touched("operation", operation_id)
            uow.touched("visit")
        return uow.changes


# -- targets ---------------------------------------------------------------------------
def response_targets(
    session: Session, incident: Incident, on: dt.date, include_rivals: bool
) -> list[ResponseTarget]:
    """Current members (on ``on``) of the involved groups and, if asked, of their rivals.

    A person in several of these groups is listed once, for his most urgent reason.
    """
    day = incident.occurred_at.date()
    reasons: dict[int, TargetReason] = {}
    for group_id, side in session.execute(
        select(IncidentGroup.group_id, IncidentGroup.side)
        .where(IncidentGroup.incident_id == incident.id)
        .order_by(IncidentGroup.id)
    ):
        reason = (
            TargetReason.INVOLVED_SUSPECTED
            if side is IncidentSide.SUSPECTED
            else TargetReason.INVOLVED_VICTIM
        )
        reasons.setdefault(group_id, reason)
    if include_rivals and reasons:
        involved = tuple(reasons)
        for a, b in session.execute(
            select(GroupRelation.group_a_id, GroupRelation.group_b_id).where(
                GroupRelation.kind.in_(
                    (GroupRelationKind.RIVALRY, GroupRelationKind.ACTIVE_CONFLICT)
                ),
                relation_valid(day),
                or_(GroupRelation.group_a_id.in_(involved), GroupRelation.group_b_id.in_(involved)),
            )
        ):
            for other in (a, b):
                reasons.setdefault(other, TargetReason.RIVAL)
    if not reasons:
        return []
    found: dict[int, ResponseTarget] = {}
    rows = session.execute(
        select(
            Membership.person_id,
            Membership.group_id,
            Group.name,
            Person.first_name,
            Person.last_name,
        )
        .join(Group, Group.id == Membership.group_id)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.group_id.in_(tuple(reasons)),
            or_(Membership.since.is_(None), Membership.since <= on),
            or_(Membership.until.is_(None), Membership.until >= on),
            Person.merged_into_id.is_(None),
            Person.status == PersonStatus.ACTIVE,
        )
        .order_by(Person.last_name, Person.first_name, Person.id, Group.name)
    ).all()
    for r in rows:
        reason = reasons[r.group_id]
        priority = REASON_PRIORITY[reason]
        known = found.get(r.person_id)
        if known is None or priority > known.priority:
            found[r.person_id] = ResponseTarget(
                r.person_id,
                f"{r.first_name} {r.last_name}",
                r.group_id,
                r.name,
                reason,
                priority,
            )
    return sorted(found.values(), key=lambda t: (-t.priority, t.label, t.person_id))


def _suspected_groups(session: Session, incident_id: int) -> list[int]:
    return list(
        session.scalars(
            select(IncidentGroup.group_id)
            .where(
                IncidentGroup.incident_id == incident_id,
                IncidentGroup.side == IncidentSide.SUSPECTED,
            )
            .order_by(IncidentGroup.id)
        )
    )


# -- the round, the sanction period and the tasks ----------------------------------------
def _plan_round(
    session: Session, response: IncidentResponse, now: dt.datetime
) -> tuple[list[int], tuple[RefusedVisit, ...]]:
    """The round's proposed visits planned, each re-checked against the schedule now
    (as the planner's acceptance: never in the past, no clash)."""
    proposed = session.execute(
        select(Visit.id, Visit.person_id, Visit.team_id, Visit.starts_at, Visit.ends_at)
        .where(
            Visit.operation_id == response.operation_id,
            Visit.status == VisitStatus.PROPOSED,
        )
        .order_by(Visit.starts_at, Visit.id)
    ).all()
    refusals = _recheck(session, proposed, now) if proposed else {}
    ids = [r.id for r in proposed if r.id not in refusals]
    if ids:
        session.execute(
            update(Visit)
            .where(Visit.id.in_(ids))
            .values(status=VisitStatus.PLANNED, version=Visit.version + 1)
            .execution_options(synchronize_session=False)
        )
        operation = session.get(Operation, response.operation_id)
        if operation is not None:
            operation.status = OperationStatus.ACTIVE
    names = labels(session, [r.person_id for r in proposed if r.id in refusals])
    refused = tuple(
        RefusedVisit(
            r.id,
            f"{names.get(r.person_id, '')} {r.starts_at:%Y-%m-%d %H:%M}: {refusals[r.id]}",
        )
        for r in proposed
        if r.id in refusals
    )
    return ids, refused


def _copy_teams(session: Session, operation_id: int, team_ids: tuple[int, ...]) -> None:
    for position, team_id in enumerate(dict.fromkeys(team_ids)):
        source = session.get(Team, team_id)
        if source is None:
            raise NotFound("record.not_found")
        team = Team(
            name=source.name,
            operation_id=operation_id,
            colour_index=source.colour_index if source.colour_index else position,
            max_visits_per_day=source.max_visits_per_day,
        )
        session.add(team)
        session.flush()
        for member in source.members:
            session.add(
                TeamMember(team_id=team.id, staff_id=member.staff_id, talk_role=member.talk_role)
            )


def _drop_round(session: Session, response: IncidentResponse) -> None:
    """The proposed visits go; an operation left with no other visit is closed."""
    if response.operation_id is None:
        return
    session.query(Visit).filter(
        Visit.operation_id == response.operation_id, Visit.status == VisitStatus.PROPOSED
    ).delete(synchronize_session=False)
    operation = session.get(Operation, response.operation_id)
    if operation is not None:
        operation.status = OperationStatus.CLOSED


def _start_sanctions(session: Session, incident: Incident, response: IncidentResponse) -> list[int]:
    start = incident.occurred_at.date()
    ids = []
    for group_id in _suspected_groups(session, incident.id):
        period = SanctionPeriod(
            group_id=group_id,
            trigger_event=f"{INCIDENT_KIND_WORDS[incident.kind]} {start:%Y-%m-%d} "
            f"({incident.reference})",
            start_date=start,
            end_date=None,
            measures="",
            incident_id=incident.id,
        )
        session.add(period)
        session.flush()
        ids.append(period.id)
    # The period runs until a coordinator ends it; a follow-up task asks at the end of
    # the proposed days (``review_sanction``).
    return ids


def follow_ups(incident: Incident, response: IncidentResponse, suspected: bool) -> list[FollowUp]:
    tasks = [FollowUp("review_round", response.last_day + dt.timedelta(days=1))]
    if incident.injured or incident.killed:
        tasks.append(FollowUp("support_victims", response.first_day + dt.timedelta(days=2)))
    if suspected:
        start = incident.occurred_at.date()
        tasks.append(FollowUp("review_sanction", start + dt.timedelta(days=response.sanction_days)))
    return tasks


def _add_tasks(
    session: Session, incident: Incident, response: IncidentResponse, user_id: int
) -> list[int]:
    ids = []
    suspected = bool(_suspected_groups(session, incident.id))
    for follow_up in follow_ups(incident, response, suspected):
        task = Task(
            title=FOLLOW_UP_WORDS[follow_up.code].format(reference=incident.reference),
            due_date=follow_up.due,
            owner_user_id=user_id,
            incident_id=incident.id,
        )
        session.add(task)
        session.flush()
        ids.append(task.id)
    return ids


# -- helpers -----------------------------------------------------------------------------
def _validate(request: ResponseRequest, today: dt.date) -> None:
    if request.first_day <= today or request.last_day < request.first_day:
        raise ValidationError("response.window_invalid", field="window")
    if (request.last_day - request.first_day).days + 1 > MAX_WINDOW_DAYS:
        raise ValidationError("response.window_too_long", field="window", limit=MAX_WINDOW_DAYS)
    if not request.team_ids:
        raise ValidationError("response.no_teams", field="teams")
    if not 1 <= request.sanction_days <= MAX_SANCTION_DAYS:
        raise ValidationError(
            "response.sanction_days_invalid", field="sanction_days", limit=MAX_SANCTION_DAYS
        )


def _response(session: Session, response_id: int) -> IncidentResponse:
    response = session.get(IncidentResponse, response_id)
    if response is None:
        raise NotFound("response.not_found")
    return response


def _decidable(session: Session, response_id: int, version: int) -> IncidentResponse:
    response = _response(session, response_id)
    if response.version != version:
        raise ConflictError()
    if response.status is not ResponseStatus.PROPOSED:
        raise ValidationError("response.decided")
    return response


def _proposal(
    session: Session,
    response: IncidentResponse,
    incident: Incident,
    targets: list[ResponseTarget],
    visits: int,
    unplaced: tuple[UnplacedRow, ...],
    warnings: tuple[TeamWarningRow, ...],
) -> ResponseProposal:
    suspected = _suspected_groups(session, incident.id)
    names = dict(session.execute(select(Group.id, Group.name).where(Group.id.in_(suspected))).all())
    start = incident.occurred_at.date()
    return ResponseProposal(
        response.id,
        response.version,
        incident.id,
        response.operation_id,
        response.status,
        response.first_day,
        response.last_day,
        tuple(targets),
        visits,
        unplaced,
        warnings,
        tuple((g, names.get(g, "")) for g in suspected),
        start,
        start + dt.timedelta(days=response.sanction_days),
        tuple(follow_ups(incident, response, bool(suspected))),
    )
