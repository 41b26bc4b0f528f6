"""The schedule: calendar rows for a date range, and moving, cancelling, restoring visits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload

from desktop.models import (
    Operation,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.operations.calendar_read import calendar_query, calendar_rows
from desktop.services.operations.queries import (
    SCHEDULED_STATUSES,
    person_groups,
    rival_pairs,
)
from desktop.services.operations.rows import ChoiceRow
from desktop.services.operations.teams import planner_staff
from desktop.services.permissions import Action, require
from desktop.services.planning import request as plan
from desktop.services.planning.calendar_sv import days_off
from desktop.services.planning.conflicts import Conflict, check_move
from desktop.services.planning.rows import CalendarMonth, CalendarTeam, CalendarVisit
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import (
    address_valid_on,
    area_of,
    person_addresses,
)
from desktop.store.interface import Store
from desktop.store.sql import sql_of


def _scheduled(session: Session, operation_id: int | None) -> list[plan.ScheduledVisit]:
    query = select(Visit.id, Visit.person_id, Visit.team_id, Visit.starts_at, Visit.ends_at).where(
        Visit.status.in_(SCHEDULED_STATUSES), Visit.team_id.is_not(None)
    )
    if operation_id is not None:
        query = query.where(Visit.operation_id == operation_id)
    rows = session.execute(query).all()
    groups = person_groups(session, [r.person_id for r in rows], dt.date.today())
    return [
        plan.ScheduledVisit(
            r.id,
            r.person_id,
            r.team_id,
            r.starts_at,
            r.ends_at,
            frozenset(g for g, _ in groups.get(r.person_id, [])),
        )
        for r in rows
    ]


class VisitService:
    """Calendar queries and schedule edits for the unlocked user."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # Queries -----------------------------------------------------------------

    def calendar(
        self,
        first: dt.date,
        last: dt.date,
        operation_id: int | None = None,
        team_id: int | None = None,
    ) -> list[CalendarVisit]:
        """Visits starting from ``first`` to ``last`` inclusive, as calendar rows.

        One query (no ORM objects, one round trip): the visits, their team, the person's
        name and the district of the address valid at each visit's time; days off and
        two visits to one person on one day are marked as conflicts here because they
        are cheap to see for the whole range.
        """
        rows, opened = self._read(first, last, operation_id, team_id, None)
        return calendar_rows(rows, opened, days_off(first, last))

    def calendar_month(
        self,
        first: dt.date,
        last: dt.date,
        per_day: int,
        operation_id: int | None = None,
        team_id: int | None = None,
        keep: int | None = None,
    ) -> CalendarMonth:
        """What the month view draws from ``first`` to ``last``: of each day the visits
        that start among its first ``per_day`` (the cell's lines), and how many each day
        has for "+N more"; ``operation_id`` and ``team_id`` filter both. ``keep``: a
        visit read wherever it falls (the one chosen, so a move keeps it chosen).

        Each row is as :meth:`calendar` without filters gives it; its conflict mark
        counts a person's other visits that day whatever the filter. A month of a
        national register is 5,000-6,000 visits, of which a cell shows eight: reading
        every name and place took most of the month's time on a server (issue 19).
        """
        rows, opened = self._read(first, last, operation_id, team_id, per_day, keep)
        same_day = {(r[1], r[3].date()): r[17] for r in rows}
        totals = {r[3].date(): r[18] for r in rows}
        visits = calendar_rows([r[:17] for r in rows], opened, days_off(first, last), same_day)
        return CalendarMonth(tuple(visits), totals)

    def _read(
        self,
        first: dt.date,
        last: dt.date,
        operation_id: int | None,
        team_id: int | None,
        per_day: int | None,
        keep: int | None = None,
    ) -> tuple[Sequence[Any], dict[int, str | None]]:
        """The calendar's rows (``calendar_read``), the read audited, and the
        districts of the protected addresses among them opened."""
        require(self.store.identity, Action.OPERATION_READ)
        begin = dt.datetime.combine(first, dt.time())
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        with UnitOfWork(self.store, "Visa kalender") as uow:
            query = calendar_query(
                sql_of(uow.session),
                operation_id is not None,
                team_id is not None,
                per_day is not None,
            )
            parameters = {
                "begin": begin,
                "end": end,
                "operation_id": operation_id,
                "team_id": team_id,
                "per_day": per_day,
                "keep": keep,
            }
            rows = uow.session.connection().execute(query, parameters).all()
            uow.audit(
                "calendar.read",
                "operation",
                [operation_id] if operation_id else [],
                detail=f"visits={len(rows)}",
            )
            # Protected addresses (issue 15): opened for a holder of the key only.
            opened = {
                r[0]: area_of(uow.session, r[14], r[15], r[16]) for r in rows if r[16] is not None
            }
        return rows, opened

    def visit_version(self, visit_id: int) -> int:
        """The visit's stored version, to refresh a row after an edit."""
        require(self.store.identity, Action.OPERATION_READ)
        with self.store.read_session() as session:
            version = session.scalar(select(Visit.version).where(Visit.id == visit_id))
        if version is None:
            raise NotFound("visit.gone")
        return int(version)

    def calendar_teams(self, operation_id: int | None = None) -> list[CalendarTeam]:
        require(self.store.identity, Action.OPERATION_READ)
        query = (
            select(Team.id, Team.name, Team.colour_index, Team.operation_id, Operation.name)
            .outerjoin(Operation, Operation.id == Team.operation_id)
            .order_by(Operation.start_date.desc(), Operation.id, Team.name, Team.id)
        )
        if operation_id is not None:
            query = query.where(Team.operation_id == operation_id)
        with self.store.read_session() as session:
            return [
                CalendarTeam(team_id, name, colour, op_id, op_name or "")
                for team_id, name, colour, op_id, op_name in session.execute(query)
            ]

    def operation_choices(self) -> list[ChoiceRow]:
        require(self.store.identity, Action.OPERATION_READ)
        with self.store.read_session() as session:
            return [
                ChoiceRow(i, name)
                for i, name in session.execute(
                    select(Operation.id, Operation.name).order_by(Operation.start_date.desc())
                )
            ]

    def check_move(
        self, visit_id: int, new_start: dt.datetime, new_team_id: int | None
    ) -> list[Conflict]:
        """What a move would break: staff double-booked, team incomplete, hours, holiday."""
        require(self.store.identity, Action.OPERATION_READ)
        with self.store.read_session() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise NotFound("visit.gone")
            schedule = _scheduled(session, visit.operation_id)
            mine = next((v for v in schedule if v.visit_id == visit_id), None)
            if mine is None:
                groups = person_groups(session, [visit.person_id], dt.date.today())
                mine = plan.ScheduledVisit(
                    visit_id,
                    visit.person_id,
                    visit.team_id or 0,
                    visit.starts_at,
                    visit.ends_at,
                    frozenset(g for g, _ in groups.get(visit.person_id, [])),
                )
            team_ids = {v.team_id for v in schedule} | {mine.team_id}
            if new_team_id is not None:
                team_ids.add(new_team_id)
            teams = session.execute(
                select(Team.id, Team.max_visits_per_day).where(Team.id.in_(team_ids))
            ).all()
            members: dict[int, list[int]] = {t.id: [] for t in teams}
            for team_id, staff_id in session.execute(
                select(TeamMember.team_id, TeamMember.staff_id).where(
                    TeamMember.team_id.in_(members)
                )
            ):
                members[team_id].append(staff_id)
            day = new_start.date()
            staff = planner_staff(session, [s for ids in members.values() for s in ids], day, day)
            rivals = plan.rival_pairs(rival_pairs(session, day))
        return check_move(
            mine,
            new_start,
            new_team_id,
            visits=schedule,
            teams=[plan.Team(t.id, tuple(members[t.id]), t.max_visits_per_day) for t in teams],
            staff=staff,
            holidays=frozenset(days_off(day, day)),
            rivals=rivals,
        )

    # Edits -------------------------------------------------------------------

    def move_visit(
        self,
        visit_id: int,
        new_start: dt.datetime,
        new_team_id: int | None,
        *,
        version: int | None = None,
    ) -> Changes:
        """Move a visit in time or to another team; its duration is kept.

        ``version`` is the one the user saw; a visit saved since raises ConflictError.
        None skips the check (only for callers that hold no row).
        """
        require(self.store.identity, Action.VISIT_MOVE)
        with UnitOfWork(self.store, "Flytta besök") as uow:
            visit = _visit(uow.session, visit_id, version)
            if visit.status not in SCHEDULED_STATUSES:
                raise ValidationError("visit.move_only_open")
            # A visit moved out of its operation's period could not be printed on its
            # team's packet (found by the programme model, issue 17).
            if not _within_period(uow.session, visit, new_start.date()):
                raise ValidationError("visit.outside_operation", field="starts_at")
            # Nor onto a day he has no address valid (he has some): the team would have
            # no door (I6; found by the programme model's long run, issue 17).
            places = person_addresses(uow.session, [visit.person_id]).get(visit.person_id, [])
            if places and address_valid_on(places, new_start.date()) is None:
                raise ValidationError("visit.no_address_that_day", field="starts_at")
            if new_team_id is not None and new_team_id != visit.team_id:
                if uow.session.get(Team, new_team_id) is None:
                    raise NotFound("team.gone")
                visit.team_id = new_team_id
            length = visit.ends_at - visit.starts_at
            visit.starts_at, visit.ends_at = new_start, new_start + length
            uow.audit("visit.move", "visit", [visit_id])
            uow.touched("visit", visit_id)
        return uow.changes

    def cancel_visit(
        self, visit_id: int, reason: str = "", *, version: int | None = None
    ) -> Changes:
        """Cancel a planned or proposed visit (one with an outcome stays as it is)."""
        require(self.store.identity, Action.VISIT_MOVE)
        with UnitOfWork(self.store, "Ställ in besök") as uow:
            visit = _visit(uow.session, visit_id, version)
            if visit.status not in SCHEDULED_STATUSES:
                raise ValidationError("visit.cancel_only_open")
            visit.status = VisitStatus.CANCELLED
            visit.cancel_reason = reason.strip()[:200] or None
            uow.audit("visit.cancel", "visit", [visit_id])
            uow.touched("visit", visit_id)
        return uow.changes

    def restore_visit(
        self,
        visit_id: int,
        status: VisitStatus = VisitStatus.PLANNED,
        *,
        version: int | None = None,
    ) -> Changes:
        """Undo a cancellation: the visit gets back ``status`` (planned by default)."""
        require(self.store.identity, Action.VISIT_MOVE)
        if status not in SCHEDULED_STATUSES:
            raise ValidationError("visit.restore_status")
        with UnitOfWork(self.store, "Återställ besök") as uow:
            visit = _visit(uow.session, visit_id, version)
            if visit.status is not VisitStatus.CANCELLED:
                raise ValidationError("visit.restore_only_cancelled")
            # A period shortened since the cancellation may have left it outside (I19).
            if not _within_period(uow.session, visit, visit.starts_at.date()):
                raise ValidationError("visit.restore_outside_operation")
            visit.status = status
            visit.cancel_reason = None
            uow.audit("visit.restore", "visit", [visit_id], detail=status.value)
            uow.touched("visit", visit_id)
        return uow.changes


def _within_period(session: Session, visit: Visit, day: dt.date) -> bool:
    """Whether ``day`` lies in the period of ``visit``'s operation (I19; true without one)."""
    operation = session.get(Operation, visit.operation_id) if visit.operation_id else None
    return operation is None or operation.start_date <= day <= operation.end_date


def _visit(session: Session, visit_id: int, version: int | None = None) -> Visit:
    # The team (joined by default, with its members selected in) only when used.
    visit = session.get(Visit, visit_id, options=[lazyload(Visit.team)])
    if visit is None:
        raise NotFound("visit.gone")
    if version is not None and visit.version != version:
        raise ConflictError()
    return visit
