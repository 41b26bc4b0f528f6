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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import (
    Group,
    Incident,
    IncidentResponse,
    Operation,
    OperationStatus,
    OperationTarget,
    ResponseStatus,
    Visit,
    VisitStatus,
    utcnow,
)
from desktop.services.changes import Changes
from desktop.services.clock import LocalClock, local_now
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.incidents.round import (
    add_tasks,
    copy_teams,
    drop_round,
    follow_ups,
    plan_round,
    response_targets,
    start_sanctions,
    suspected_groups,
)
from desktop.services.incidents.rows import (
    ALL_PARTS,
    ResponseDecision,
    ResponsePart,
    ResponseProposal,
    ResponseRequest,
    ResponseRow,
    ResponseTarget,
)
from desktop.services.operations.plan_input import planning_input, propose_around
from desktop.services.operations.planning import RefusedVisit
from desktop.services.operations.queries import labels
from desktop.services.operations.rows import TeamWarningRow, UnplacedRow
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import address_valid_on, person_addresses
from desktop.services.vocabulary import INCIDENT_KIND_WORDS
from desktop.store.interface import Store

MAX_WINDOW_DAYS = 28
MAX_SANCTION_DAYS = 365
_DONE = (VisitStatus.MET, VisitStatus.FAMILY_ONLY, VisitStatus.REFUSED, VisitStatus.NOT_HOME)


class ResponseService:
    def __init__(self, store: Store, clock: LocalClock | None = None) -> None:
        self.store = store
        self._clock = clock or local_now

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
                drop_round(session, old)
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
            copy_teams(session, operation.id, request.team_ids)
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
                ids, refused = plan_round(session, response, now)
            else:
                drop_round(session, response)
            sanction_ids = (
                start_sanctions(session, incident, response)
                if ResponsePart.SANCTION in parts
                else []
            )
            task_ids = (
                add_tasks(session, incident, response, identity.user_id)
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
            uow.touched("group", *suspected_groups(session, incident.id))
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
            drop_round(session, response)
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
    suspected = suspected_groups(session, incident.id)
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
