"""The calendar's statement and rows: a range of visits with their team, the person's
name and the place valid at each visit's time, whole or as the month view draws it."""

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
    or_,
    select,
    type_coerce,
)

from desktop.models import Person, Team, Visit, VisitStatus
from desktop.services.operations.queries import SCHEDULED_STATUSES, UNKNOWN_AREA
from desktop.services.planning.rows import CalendarVisit
from desktop.services.planning.rows import VisitStatus as RowStatus
from desktop.services.visit_address import valid_addresses
from desktop.store.interface import StoreSql

# A visit's status by its stored text, for the calendar's rows (see calendar_query).
_ROW_STATUS_OF = {status.value: RowStatus(status.value) for status in VisitStatus}
_SCHEDULED = frozenset(status.value for status in SCHEDULED_STATUSES)
_CANCELLED = VisitStatus.CANCELLED.value

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


def calendar_query(
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

    ``first_of_days``: the month view's rows (parameters ``per_day`` and ``keep``
    more). Of each day only the visits whose start is among its first ``per_day``
    (``rank``: those that start with the last of them too), and the visit ``keep``
    wherever it falls, so names and places are read for a few hundred visits, not a
    national month's 6,000. Two columns follow the place: the person's visits that day
    that are not cancelled, counted before the filters (as the calendar without filters
    counts them for its conflict mark; with a filter it counts after it), and the day's
    visits after the filters.
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
        .where(or_(first.c.place <= bindparam("per_day"), first.c.id == bindparam("keep")))
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


def calendar_rows(
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
