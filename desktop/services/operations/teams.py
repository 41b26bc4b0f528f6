"""Staff and two-agency teams: compose, flag incomplete, adapt to the planner."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    AgencyKind,
    Operation,
    StaffAbsence,
    StaffMember,
    TalkRole,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.operations.rows import StaffRow, TeamMemberRow, TeamRow
from desktop.services.permissions import Action, require
from desktop.services.planning import request as plan
from desktop.services.uow import UnitOfWork
from desktop.services.validation import NAME_MAX, check_name
from desktop.store.interface import Store


def own_teams(session: Session, user_id: int) -> set[int]:
    """The teams whose members include the user's staff record (his own rounds)."""
    return set(
        session.scalars(
            select(TeamMember.team_id)
            .join(StaffMember, StaffMember.id == TeamMember.staff_id)
            .where(StaffMember.user_id == user_id)
        )
    )


PAIR = (AgencyKind.POLICE, AgencyKind.SOCIAL)
MAX_PER_DAY = 8


def missing_agencies(kinds: Iterable[AgencyKind]) -> tuple[AgencyKind, ...]:
    """Which of police and social services a team lacks."""
    present = set(kinds)
    return tuple(kind for kind in PAIR if kind not in present)


def parse_hours(hours: dict[str, list[str]]) -> tuple[plan.WorkingHours, ...]:
    """Staff working hours JSON (ISO weekday -> ["08:00", "16:30"]) for the planner.

    An empty record means nobody entered hours: the planner's office hours apply,
    rather than treating the person as never available.
    """
    if not hours:
        return plan.OFFICE_HOURS
    result = []
    for day, span in sorted(hours.items()):
        try:
            start, end = (dt.time.fromisoformat(part) for part in span)
            weekday = int(day) - 1
        except (TypeError, ValueError):
            continue
        if 0 <= weekday <= 6 and start < end:
            result.append(plan.WorkingHours(weekday, start, end))
    return tuple(result)


def planner_staff(
    session: Session, staff_ids: Iterable[int], start: dt.date, end: dt.date
) -> tuple[plan.Staff, ...]:
    """Staff with agency, hours and absent days in ``start``..``end`` for the planner."""
    ids = sorted(set(staff_ids))
    absent: dict[int, set[dt.date]] = defaultdict(set)
    for staff_id, first, last in session.execute(
        select(StaffAbsence.staff_id, StaffAbsence.start_date, StaffAbsence.end_date).where(
            StaffAbsence.staff_id.in_(ids),
            StaffAbsence.end_date >= start,
            StaffAbsence.start_date <= end,
        )
    ):
        day = max(first, start)
        while day <= min(last, end):
            absent[staff_id].add(day)
            day += dt.timedelta(days=1)
    rows = session.execute(
        select(StaffMember.id, Agency.kind, StaffMember.working_hours, StaffMember.active)
        .join(Agency, Agency.id == StaffMember.agency_id)
        .where(StaffMember.id.in_(ids))
    ).all()
    return tuple(
        plan.Staff(
            r.id,
            plan.Agency(r.kind.value),
            parse_hours(r.working_hours or {}) if r.active else (),
            frozenset(absent.get(r.id, ())),
        )
        for r in rows
    )


def team_rows(session: Session, operation_id: int | None) -> list[TeamRow]:
    """Teams of an operation (or every team) with members and the two-agency flag."""
    query = select(Team.id, Team.version, Team.name, Team.colour_index, Team.max_visits_per_day)
    if operation_id is not None:
        query = query.where(Team.operation_id == operation_id)
    teams = session.execute(query.order_by(Team.name, Team.id)).all()
    members: dict[int, list[TeamMemberRow]] = defaultdict(list)
    for row in session.execute(
        select(
            TeamMember.team_id, StaffMember.id, StaffMember.name, Agency.kind, TeamMember.talk_role
        )
        .join(StaffMember, StaffMember.id == TeamMember.staff_id)
        .join(Agency, Agency.id == StaffMember.agency_id)
        .where(TeamMember.team_id.in_([t.id for t in teams]))
        .order_by(TeamMember.id)
    ).all():
        members[row.team_id].append(TeamMemberRow(row.id, row.name, row.kind, row.talk_role))
    return [
        TeamRow(
            t.id,
            t.version,
            t.name,
            t.colour_index,
            t.max_visits_per_day,
            tuple(members[t.id]),
            missing_agencies(m.agency_kind for m in members[t.id]),
        )
        for t in teams
    ]


class TeamService:
    """Staff and the teams of an operation."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def staff(self, include_inactive: bool = False) -> list[StaffRow]:
        require(self.store.identity, Action.OPERATION_READ)
        query = (
            select(
                StaffMember.id,
                StaffMember.name,
                Agency.kind,
                Agency.name.label("agency"),
                StaffMember.title,
                StaffMember.active,
            )
            .join(Agency, Agency.id == StaffMember.agency_id)
            .order_by(Agency.kind, StaffMember.name)
        )
        if not include_inactive:
            query = query.where(StaffMember.active)
        with self.store.read_session() as session:
            return [
                StaffRow(r.id, r.name, r.kind, r.agency, r.title, r.active)
                for r in session.execute(query)
            ]

    def add_staff(
        self,
        name: str,
        agency_code: str,
        title: str | None = None,
        working_hours: dict[str, list[str]] | None = None,
    ) -> tuple[int, Changes]:
        require(self.store.identity, Action.OPERATION_EDIT)
        name = check_name(name, "name", NAME_MAX)
        with UnitOfWork(self.store, "Lägg till medarbetare") as uow:
            agency_id = uow.session.scalar(select(Agency.id).where(Agency.code == agency_code))
            if agency_id is None:
                raise ValidationError("agency.unknown", field="agency")
            member = StaffMember(
                name=name.strip(),
                agency_id=agency_id,
                title=title,
                working_hours=working_hours or {},
            )
            uow.session.add(member)
            uow.session.flush()
            uow.audit("staff.create", "staff", [member.id])
            uow.touched("staff", member.id)
            new_id = member.id
        return new_id, uow.changes

    def add_absence(
        self, staff_id: int, start: dt.date, end: dt.date, reason: str | None = None
    ) -> Changes:
        require(self.store.identity, Action.OPERATION_EDIT)
        if end < start:
            raise ValidationError("absence.ends_before_start", field="end_date")
        with UnitOfWork(self.store, "Registrera frånvaro") as uow:
            if uow.session.get(StaffMember, staff_id) is None:
                raise NotFound("staff.gone")
            uow.session.add(
                StaffAbsence(staff_id=staff_id, start_date=start, end_date=end, reason=reason)
            )
            uow.audit("staff.absence", "staff", [staff_id])
            uow.touched("staff", staff_id)
        return uow.changes

    def teams(self, operation_id: int | None) -> list[TeamRow]:
        require(self.store.identity, Action.OPERATION_READ)
        with self.store.read_session() as session:
            return team_rows(session, operation_id)

    def save_team(
        self,
        operation_id: int,
        name: str,
        staff_ids: list[int],
        *,
        team_id: int | None = None,
        version: int | None = None,
        max_per_day: int = 4,
        lead_staff_id: int | None = None,
    ) -> tuple[int, Changes]:
        """Create a team or replace its name, members and daily maximum.

        A team without both police and social services is saved (a probation
        pair may be intended) but flagged in :class:`TeamRow` and by the planner.
        """
        require(self.store.identity, Action.OPERATION_EDIT)
        name = check_name(name, "name", NAME_MAX, "team.name_missing")
        if not 1 <= max_per_day <= MAX_PER_DAY:
            raise ValidationError("team.max_per_day_range", field="max_per_day", limit=MAX_PER_DAY)
        members = list(dict.fromkeys(staff_ids))
        with UnitOfWork(self.store, "Spara team") as uow:
            session = uow.session
            if session.get(Operation, operation_id) is None:
                raise NotFound("operation.gone")
            known = set(session.scalars(select(StaffMember.id).where(StaffMember.id.in_(members))))
            if len(known) != len(members):
                raise NotFound("staff.one_gone")
            if team_id is None:
                count = session.scalar(
                    select(func.count(Team.id)).where(Team.operation_id == operation_id)
                )
                team = Team(operation_id=operation_id, colour_index=count or 0)
                session.add(team)
            else:
                found = session.get(Team, team_id)
                if found is None:
                    raise NotFound("team.gone")
                if version is not None and found.version != version:
                    raise ConflictError()
                team = found
                session.execute(delete(TeamMember).where(TeamMember.team_id == team_id))
                session.expire(team, ["members"])
            team.name = name.strip()
            team.max_visits_per_day = max_per_day
            session.flush()
            for staff_id in members:
                role = TalkRole.LEAD if staff_id == lead_staff_id else TalkRole.SPEAKER
                session.add(TeamMember(team_id=team.id, staff_id=staff_id, talk_role=role))
            uow.audit("team.save", "team", [team.id], detail=f"members={len(members)}")
            uow.touched("team", team.id)
            uow.touched("operation", operation_id)
            saved = team.id
        return saved, uow.changes

    def delete_team(self, team_id: int) -> Changes:
        """Delete a team and its proposed visits; refused once visits are accepted."""
        require(self.store.identity, Action.OPERATION_EDIT)
        with UnitOfWork(self.store, "Ta bort team") as uow:
            session = uow.session
            team = session.get(Team, team_id)
            if team is None:
                raise NotFound("team.gone")
            kept = session.scalar(
                select(Visit.id)
                .where(Visit.team_id == team_id, Visit.status != VisitStatus.PROPOSED)
                .limit(1)
            )
            if kept is not None:
                raise ValidationError("team.has_visits", field="team")
            session.execute(delete(Visit).where(Visit.team_id == team_id))
            operation_id = team.operation_id
            session.delete(team)
            uow.audit("team.delete", "team", [team_id])
            uow.touched("team", team_id)
            if operation_id is not None:
                uow.touched("operation", operation_id)
        return uow.changes
