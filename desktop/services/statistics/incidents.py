"""The evaluation of violence and the response to it (issue 20), per month and per group.

What GVI is judged by: incidents by kind, group-involved shootings, injured and killed;
how fast the message reached each group involved (days from the incident to the first
delivery to a member of the group, median and share within 72 hours); the urgent
visits (attempted against completed, direct contact against family only); visits per
group per week. Definitions: ``definitions.py`` (codes ``incident_*``); column selects
and GROUP BY only, folded in Python.

Filters: a group narrows to the incidents it was involved in (and its own row), an area
to the incidents in that district; an agency narrows the urgent visits to those of its
teams (an incident belongs to the whole programme).
"""

from __future__ import annotations

import datetime as dt
import statistics
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, exists, func, or_, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from desktop.models import (
    Delivery,
    Group,
    Incident,
    IncidentGroup,
    IncidentKind,
    IncidentSide,
    Membership,
    Visit,
    VisitStatus,
)
from desktop.services.statistics import scope
from desktop.services.statistics.rows import Period, StatsFilter

KINDS: tuple[str, ...] = tuple(k.value for k in IncidentKind)
#: An urgent visit with one of these outcomes was attempted; the first two completed it.
ATTEMPTED = (
    VisitStatus.MET,
    VisitStatus.FAMILY_ONLY,
    VisitStatus.NOT_HOME,
    VisitStatus.REFUSED,
    VisitStatus.MOVED,
)
COMPLETED = (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
#: "Within 72 hours": a delivery no later than the third day after the incident's day.
WITHIN_DAYS = 3


@dataclass(frozen=True)
class IncidentCounts:
    """Incident figures of one period or one month (``days_to_group_delivery``: the sample
    behind the median, one value per (incident, involved group) reached)."""

    incidents: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    group_shootings: int = 0
    injured: int = 0
    killed: int = 0
    group_pairs: int = 0
    days_to_group_delivery: tuple[int, ...] = ()
    response_attempted: int = 0
    response_completed: int = 0
    response_direct_contact: int = 0
    response_family_only: int = 0

    @property
    def days_to_group_delivery_median(self) -> float | None:
        sample = self.days_to_group_delivery
        return float(statistics.median(sample)) if sample else None

    @property
    def group_delivery_within_72h(self) -> int:
        """Incident–group pairs whose first delivery came within 72 hours."""
        return sum(1 for days in self.days_to_group_delivery if days <= WITHIN_DAYS)

    @property
    def group_delivery_within_72h_share(self) -> float | None:
        if not self.group_pairs:
            return None
        return self.group_delivery_within_72h / self.group_pairs


@dataclass(frozen=True)
class IncidentMonth:
    month: dt.date
    counts: IncidentCounts


@dataclass(frozen=True)
class IncidentGroupFigures:
    """One group's incidents and the work with its members over the period."""

    group_id: int
    group: str
    incidents: int
    shootings: int
    suspected_side: int
    victim_side: int
    injured: int
    killed: int
    days_to_group_delivery: tuple[int, ...]
    pairs: int
    visits: int
    weeks: float

    @property
    def days_to_group_delivery_median(self) -> float | None:
        sample = self.days_to_group_delivery
        return float(statistics.median(sample)) if sample else None

    @property
    def group_delivery_within_72h_share(self) -> float | None:
        if not self.pairs:
            return None
        return sum(1 for d in self.days_to_group_delivery if d <= WITHIN_DAYS) / self.pairs

    @property
    def visits_per_week(self) -> float:
        return self.visits / self.weeks if self.weeks else 0.0


@dataclass(frozen=True)
class IncidentFigures:
    total: IncidentCounts = field(default_factory=IncidentCounts)
    months: tuple[IncidentMonth, ...] = ()
    groups: tuple[IncidentGroupFigures, ...] = ()


@dataclass
class _Tally:
    incidents: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    shootings: int = 0
    injured: int = 0
    killed: int = 0
    pairs: int = 0
    days: list[int] = field(default_factory=list)
    attempted: int = 0
    completed: int = 0
    direct: int = 0
    family: int = 0

    def freeze(self) -> IncidentCounts:
        return IncidentCounts(
            self.incidents,
            {k: self.kinds.get(k, 0) for k in KINDS},
            self.shootings,
            self.injured,
            self.killed,
            self.pairs,
            tuple(sorted(self.days)),
            self.attempted,
            self.completed,
            self.direct,
            self.family,
        )


@dataclass
class _GroupTally:
    incidents: int = 0
    shootings: int = 0
    suspected: int = 0
    victim: int = 0
    injured: int = 0
    killed: int = 0
    pairs: int = 0
    days: list[int] = field(default_factory=list)


def _incident_clauses(period: Period, filters: StatsFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [
        Incident.occurred_at >= period.start_at,
        Incident.occurred_at < period.end_exclusive,
    ]
    if filters.group_id is not None:
        link = aliased(IncidentGroup)  # the pairs' query has IncidentGroup already
        clauses.append(
            exists().where(link.incident_id == Incident.id, link.group_id == filters.group_id)
        )
    if filters.area:
        clauses.append(Incident.district == filters.area)
    return clauses


def member_on(day: object) -> ColumnElement[bool]:
    return and_(
        or_(Membership.since.is_(None), Membership.since <= day),
        or_(Membership.until.is_(None), Membership.until >= day),
    )


def unindexed(column: Any) -> Any:
    """The column as an expression no index serves (``coalesce(c, c)``, same type).

    SQLite plans without statistics; a term written this way cannot make it start from
    that column's index, so the plan the comment beside each query names is the one it
    takes. PostgreSQL plans by cost either way.
    """
    return func.coalesce(column, column)


def compute_incident_figures(
    session: Session, period: Period, filters: StatsFilter
) -> IncidentFigures:
    from desktop.services.statistics.figures import month_bucket  # (figures imports us)

    db = session.connection()
    month_days = period.months()
    months = [_Tally() for _ in month_days]
    total = _Tally()
    where = _incident_clauses(period, filters)
    bucket = month_bucket(Incident.occurred_at, period, moments=True)
    has_group = exists().where(IncidentGroup.incident_id == Incident.id)
    # Incidents per month and kind, summed in SQL.
    for index, kind, count, injured, killed, group_shootings in db.execute(
        select(
            bucket,
            Incident.kind,
            func.count(),
            func.sum(Incident.injured),
            func.sum(Incident.killed),
            func.sum(case((and_(Incident.kind == IncidentKind.SHOOTING, has_group), 1), else_=0)),
        )
        .where(*where)
        .group_by(bucket, Incident.kind)
    ):
        for t in (months[index], total):
            t.incidents += count
            t.kinds[kind.value] += count
            t.injured += injured or 0
            t.killed += killed or 0
            t.shootings += group_shootings or 0
    # Each involved group's incidents summed in SQL, with its name (one row a group).
    per_group: dict[int, _GroupTally] = {}
    names: dict[int, str] = {}
    for group_id, name, count, shootings, suspected, injured, killed in db.execute(
        select(
            IncidentGroup.group_id,
            Group.name,
            func.count(),
            func.sum(case((Incident.kind == IncidentKind.SHOOTING, 1), else_=0)),
            func.sum(case((IncidentGroup.side == IncidentSide.SUSPECTED, 1), else_=0)),
            func.sum(Incident.injured),
            func.sum(Incident.killed),
        )
        .join(Incident, Incident.id == IncidentGroup.incident_id)
        .outerjoin(Group, Group.id == IncidentGroup.group_id)
        .where(*where)
        .group_by(IncidentGroup.group_id, Group.name)
    ):
        per_group[group_id] = _GroupTally(
            count, shootings, suspected, count - suspected, injured or 0, killed or 0, count
        )
        names[group_id] = name or ""
    # Each (incident, involved group) by its day, and the first delivery to a member on
    # or after that day: looked up in the days each involved group was reached (one
    # pass over the period's deliveries). Days as the driver gives them, as there.
    reached_days = _group_delivery_days(db, period, set(per_group))
    for index, group_id, day in db.execute(
        select(bucket, IncidentGroup.group_id, func.date(Incident.occurred_at))
        .join(Incident, Incident.id == IncidentGroup.incident_id)
        .where(*where)
    ):
        if group_id not in per_group:
            # Saved on the server between the two statements (each reads committed rows
            # as they are then): counted with its group at the next refresh.
            continue
        month = months[index]
        month.pairs += 1
        total.pairs += 1
        reached = reached_days[group_id]
        at = bisect_left(reached, day)
        if at < len(reached):
            days = (_day(reached[at]) - _day(day)).days
            month.days.append(days)
            total.days.append(days)
            per_group[group_id].days.append(days)
    _response_visits(db, period, filters, months, total)
    if filters.group_id is not None:
        per_group = {g: v for g, v in per_group.items() if g == filters.group_id}
    visits = _group_visits(db, period, filters, set(per_group))
    weeks = ((period.end - period.start).days + 1) / 7
    rows = []
    for group_id in sorted(per_group, key=lambda g: (names.get(g, ""), g)):
        v = per_group[group_id]
        rows.append(
            IncidentGroupFigures(
                group_id,
                names.get(group_id, ""),
                v.incidents,
                v.shootings,
                v.suspected,
                v.victim,
                v.injured,
                v.killed,
                tuple(sorted(v.days)),
                v.pairs,
                visits.get(group_id, 0),
                weeks,
            )
        )
    return IncidentFigures(
        total.freeze(),
        tuple(IncidentMonth(m, t.freeze()) for m, t in zip(month_days, months, strict=True)),
        tuple(rows),
    )


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _group_delivery_days(db: Connection, period: Period, groups: set[int]) -> dict[int, list[Any]]:
    """Group id -> the days in the period (sorted, repeated) on which a member was
    delivered to, each counted where he was a member on the delivery's day.

    One pass over the period's deliveries (``ix_delivery_period``, index-only), each
    person's memberships by ``ix_membership_person_period`` (index-only, migration
    0021); no IN list of the groups (most groups are involved) and no sort in SQL. Days
    stay as the driver gives them (ISO text on SQLite, dates on PostgreSQL): both order
    as days do.
    """
    days: dict[int, list[Any]] = {g: [] for g in groups}
    if not groups:
        return days
    for group_id, day in db.execute(
        select(Membership.group_id, type_coerce(Delivery.delivered_on, String))
        .select_from(Delivery)
        .join(Membership, Membership.person_id == Delivery.person_id)
        .where(
            Delivery.delivered_on >= period.start,
            Delivery.delivered_on <= period.end,
            member_on(Delivery.delivered_on),
        )
    ):
        found = days.get(group_id)
        if found is not None:
            found.append(day)
    for values in days.values():
        values.sort()
    return days


def _response_visits(
    db: Connection,
    period: Period,
    filters: StatsFilter,
    months: list[_Tally],
    total: _Tally,
) -> None:
    """Urgent visits (made in response to an incident) in the period, counted by month
    and outcome in SQL from ``ix_visit_incident`` alone (``incident_id > 0``; the other
    terms unindexed)."""
    from desktop.services.statistics.figures import month_bucket

    clauses = [
        Visit.incident_id > 0,
        unindexed(Visit.starts_at) >= period.start_at,
        unindexed(Visit.starts_at) < period.end_exclusive,
        unindexed(Visit.status).in_(ATTEMPTED),
        *scope.visit_clauses(filters, period),
    ]
    if filters.area:
        clauses.append(
            Visit.incident_id.in_(select(Incident.id).where(Incident.district == filters.area))
        )
    bucket = month_bucket(Visit.starts_at, period, moments=True)
    for index, status, count in db.execute(
        select(bucket, Visit.status, func.count()).where(*clauses).group_by(bucket, Visit.status)
    ):
        for t in (months[index], total):
            t.attempted += count
            t.completed += count if status in COMPLETED else 0
            t.direct += count if status is VisitStatus.MET else 0
            t.family += count if status is VisitStatus.FAMILY_ONLY else 0


def _group_visits(
    db: Connection, period: Period, filters: StatsFilter, groups: set[int]
) -> dict[int, int]:
    """Group id -> attempted visits (any, urgent or not) to its members in the period,
    each counted where he was a member on the visit's day.

    Driven from the memberships in group order (``ix_membership_period``), each member's
    visits from the period's start read from ``ix_visit_person_period`` (both
    index-only), so no sort is needed for the grouping.
    """
    if not groups:
        return {}
    clauses = [
        Visit.starts_at >= period.start_at,
        unindexed(Visit.starts_at) < period.end_exclusive,
        unindexed(Visit.status).in_(ATTEMPTED),
        or_(Membership.since.is_(None), Membership.since <= Visit.starts_at),
        or_(Membership.until.is_(None), Membership.until >= func.date(Visit.starts_at)),
    ]
    if filters.agency_id is not None:
        clauses.append(Visit.team_id.in_(scope.agency_teams(filters.agency_id)))
    counts: dict[int, int] = {}
    for group_id, count in db.execute(
        select(Membership.group_id, func.count())
        .select_from(Membership)
        .join(Visit, Visit.person_id == Membership.person_id)
        .where(*clauses)
        .group_by(Membership.group_id)
    ):
        if group_id in groups:
            counts[group_id] = count
    return counts
