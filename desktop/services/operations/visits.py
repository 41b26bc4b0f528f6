"""The schedule: calendar rows for a date range, and moving, cancelling, restoring visits."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Container, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Select,
    String,
    bindparam,
    case,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, lazyload

from desktop.models import (
    Operation,
    Person,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.operations.queries import (
    SCHEDULED_STATUSES,
    UNKNOWN_AREA,
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
from desktop.services.planning.rows import VisitStatus as RowStatus
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import (
    address_valid_on,
    area_of,
    person_addresses,
    valid_addresses,
)
from desktop.store.interface import Store, StoreSql
from desktop.store.sql import sql_of

# A visit's status by its stored text, for the calendar's rows (see _calendar_query).
_ROW_STATUS_OF = {status.value: RowStatus(status.value) for status in VisitStatus}
_SCHEDULED = frozenset(status.value for status in SCHEDULED_STATUSES)
_CANCELLED = VisitStatus.CANCELLED.value


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


_CALENDAR_QUERIES: dict[tuple[type, bool, bool, bool], Select[Any]] = {}
# The columns of a calendar row before the person's name and place, in this order.
_VISIT_COLUMNS = (
    "id",
    "person_id",
    "team_id",
    "starts_at",
    "ends_at",
    "status",
    "operation_id",
    "version",
    "team_name",
    "colour_index",
    "address_id",
    "incident_id",
)


def _calendar_query(
    sql: StoreSql, by_operation: bool, by_team: bool, first_of_days: bool = False
) -> Select[Any]:
    """The calendar's statement for this backend's SQL and these filters, built once."""
    key = (type(sql), by_operation, by_team, first_of_days)
    query = _CALENDAR_QUERIES.get(key)
    if query is None:
        query = _CALENDAR_QUERIES[key] = _build_calendar_query(
            sql, by_operation, by_team, first_of_days
        )
    return query


def _build_calendar_query(
    sql: StoreSql, by_operation: bool, by_team: bool, first_of_days: bool = False
) -> Select[Any]:
    """The month's rows: visit, team, name and the address valid at the visit's time.

    The visits of the range come first (by ``ix_visit_starts_at``); their persons and
    addresses are then read by key: the ``IN`` over the month's person ids makes the
    server look each one up in the index (joined alone, a month's visits made it hash
    all 100,000 persons and addresses, issue 19). Parameters ``begin``, ``end``,
    ``operation_id``, ``team_id``: building the statement cost a tenth of a month's
    client time, so it is built once. The status comes as its stored
    text, mapped by ``_ROW_STATUS_OF``, not through the enum type row by row.

    ``first_of_days``: the month view's rows (parameter ``per_day`` more). Of each day
    only the visits whose start is among its first ``per_day`` (``rank``: those that
    start with the last of them too), so names and places are read for a few hundred
    visits, not a national month's 6,000. Two columns follow the place: the person's
    visits that day that are not cancelled, counted before the filters as the full
    calendar counts them for its conflict mark, and the day's visits after them.
    """
    month = (
        select(
            Visit.id,
            Visit.person_id,
            Visit.team_id,
            Visit.starts_at,
            Visit.ends_at,
            type_coerce(Visit.status, String).label("status"),
            Visit.operation_id,
            Visit.version,
            Team.name.label("team_name"),
            Team.colour_index,
            Visit.address_id,
            Visit.incident_id,
        )
        .outerjoin(Team, Team.id == Visit.team_id)
        .where(Visit.starts_at >= bindparam("begin"), Visit.starts_at < bindparam("end"))
    )
    if not first_of_days:
        if by_operation:
            month = month.where(Visit.operation_id == bindparam("operation_id"))
        if by_team:
            month = month.where(Visit.team_id == bindparam("team_id"))
        return _with_names_and_places(month.cte("month"), sql, ())
    day = sql.date_of(Visit.starts_at)
    scheduled = case((Visit.status == VisitStatus.CANCELLED, 0), else_=1)
    every = month.add_columns(
        day.label("day"),
        func.sum(scheduled).over(partition_by=(Visit.person_id, day)).label("same_day"),
    ).subquery("every")
    # The window functions see the rows the filters leave (WHERE comes first).
    ranked = select(
        *every.c,
        func.rank().over(partition_by=every.c.day, order_by=every.c.starts_at).label("place"),
        func.count().over(partition_by=every.c.day).label("day_total"),
    )
    if by_operation:
        ranked = ranked.where(every.c.operation_id == bindparam("operation_id"))
    if by_team:
        ranked = ranked.where(every.c.team_id == bindparam("team_id"))
    first = ranked.subquery("ranked")
    visits = (
        select(*(first.c[name] for name in (*_VISIT_COLUMNS, "same_day", "day_total")))
        .where(first.c.place <= bindparam("per_day"))
        .cte("month")
    )
    return _with_names_and_places(visits, sql, (visits.c.same_day, visits.c.day_total))


def _with_names_and_places(
    visits: CTE, sql: StoreSql, extras: tuple[ColumnElement[Any], ...]
) -> Select[Any]:
    """``visits`` (``_VISIT_COLUMNS``) with the person's names and the place, then
    ``extras``, in the calendar's order."""
    place = valid_addresses(visits, sql)
    return (
        select(
            *(visits.c[name] for name in _VISIT_COLUMNS),
            Person.first_name,
            Person.last_name,
            place.c.id,
            place.c.area,
            place.c.sealed,
            *extras,
        )
        .join(Person, Person.id == visits.c.person_id)
        .outerjoin(place, place.c.visit_id == visits.c.id)
        .where(Person.id.in_(select(visits.c.person_id)))
        .order_by(visits.c.starts_at, visits.c.id)
    )


def _calendar_rows(
    rows: Sequence[Any],
    opened: dict[int, str | None],
    off: Container[dt.date],
    same_day: Mapping[tuple[int, dt.date], int] | None = None,
) -> list[CalendarVisit]:
    """The calendar's rows from the month's statement (columns as _build_calendar_query).

    Days off and two visits to one person on one day are conflicts. A month is about
    4,000 rows, so this loop is the client's largest cost after the query (issue 19):
    rows are unpacked by position (attribute access on a Row costs more than the query)
    and each CalendarVisit gets its attributes as one dict instead of through the frozen
    dataclass's __init__ (14 object.__setattr__ calls a row): the same object, equal to
    one built by __init__, in about half the time (every field is filled here:
    tests/unit/operations/test_calendar_rows.py keeps this in step with the class).
    ``same_day``: each person's visits that day that are not cancelled, where the rows
    are not all of them (the month view's); counted from the rows otherwise.
    """
    days = [r[3].date() for r in rows]
    per_day = (
        same_day
        if same_day is not None
        else Counter((r[1], day) for r, day in zip(rows, days, strict=True) if r[5] != _CANCELLED)
    )
    make, fill = object.__new__, object.__setattr__
    status_of, scheduled = _ROW_STATUS_OF, _SCHEDULED
    result: list[CalendarVisit] = []
    append = result.append
    for (
        vid,
        pid,
        tid,
        start,
        end_at,
        status,
        op,
        version,
        team,
        colour,
        planned_address,
        incident_id,
        first_name,
        last_name,
        place,
        area,
        sealed,
    ), day in zip(rows, days, strict=True):
        row = make(CalendarVisit)
        fill(
            row,
            "__dict__",
            {
                "visit_id": vid,
                "person_label": f"{first_name} {last_name}",
                "team_id": tid or 0,
                "team_name": team or "",
                "team_colour": colour or 0,
                "start": start,
                "end": end_at,
                "status": status_of[status],
                "area": (opened[vid] if sealed is not None else area) or UNKNOWN_AREA,
                "has_conflict": status in scheduled and (day in off or per_day[(pid, day)] > 1),
                "operation_id": op,
                "version": version,
                # Changed since planning (issue 17): planning stored another.
                "address_changed": planned_address is not None and place != planned_address,
                "incident_id": incident_id,
            },
        )
        append(row)
    return result


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
        return _calendar_rows(rows, opened, days_off(first, last))

    def calendar_month(
        self,
        first: dt.date,
        last: dt.date,
        per_day: int,
        operation_id: int | None = None,
        team_id: int | None = None,
    ) -> CalendarMonth:
        """What the month view draws from ``first`` to ``last``: of each day the visits
        that start among its first ``per_day`` (the cell's lines), and how many each day
        has for "+N more"; ``operation_id`` and ``team_id`` filter both.

        The rows are those of :meth:`calendar`, conflict marks included (a person's
        second visit that day counts whatever the filter). A month of a national
        register is 5,000-6,000 visits, of which a cell shows eight: reading every
        name and place took most of the month's time on a server (issue 19).
        """
        rows, opened = self._read(first, last, operation_id, team_id, per_day)
        same_day = {(r[1], r[3].date()): r[17] for r in rows}
        totals = {r[3].date(): r[18] for r in rows}
        visits = _calendar_rows([r[:17] for r in rows], opened, days_off(first, last), same_day)
        return CalendarMonth(visits, totals)

    def _read(
        self,
        first: dt.date,
        last: dt.date,
        operation_id: int | None,
        team_id: int | None,
        per_day: int | None,
    ) -> tuple[Sequence[Any], dict[int, str | None]]:
        """The calendar's rows (``_build_calendar_query``), the read audited, and the
        districts of the protected addresses among them opened."""
        require(self.store.identity, Action.OPERATION_READ)
        begin = dt.datetime.combine(first, dt.time())
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        with UnitOfWork(self.store, "Visa kalender") as uow:
            query = _calendar_query(
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
