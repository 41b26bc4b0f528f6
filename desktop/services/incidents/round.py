"""The parts of a response (issue 20): whom the urgent round visits, the round itself,
the sanction periods and the follow-up tasks (used by ``response.py``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select, update
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
    Person,
    PersonStatus,
    SanctionPeriod,
    Task,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.errors import NotFound
from desktop.services.incidents.rows import (
    REASON_PRIORITY,
    FollowUp,
    ResponseTarget,
    TargetReason,
)
from desktop.services.operations.planning import (
    RefusedVisit,
    _recheck,
)
from desktop.services.operations.queries import labels
from desktop.services.relations import relation_valid
from desktop.services.vocabulary import FOLLOW_UP_WORDS, INCIDENT_KIND_WORDS


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


def suspected_groups(session: Session, incident_id: int) -> list[int]:
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
def plan_round(
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
        RefusedVisit(r.id, names.get(r.person_id, ""), r.starts_at, refusals[r.id])
        for r in proposed
        if r.id in refusals
    )
    return ids, refused


def copy_teams(session: Session, operation_id: int, team_ids: tuple[int, ...]) -> None:
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


def drop_round(session: Session, response: IncidentResponse) -> None:
    """The proposed visits go; an operation left with no other visit is closed."""
    if response.operation_id is None:
        return
    session.query(Visit).filter(
        Visit.operation_id == response.operation_id, Visit.status == VisitStatus.PROPOSED
    ).delete(synchronize_session=False)
    operation = session.get(Operation, response.operation_id)
    if operation is not None:
        operation.status = OperationStatus.CLOSED


def start_sanctions(session: Session, incident: Incident, response: IncidentResponse) -> list[int]:
    start = incident.occurred_at.date()
    ids = []
    for group_id in suspected_groups(session, incident.id):
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


def add_tasks(
    session: Session, incident: Incident, response: IncidentResponse, user_id: int
) -> list[int]:
    ids = []
    suspected = bool(suspected_groups(session, incident.id))
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
