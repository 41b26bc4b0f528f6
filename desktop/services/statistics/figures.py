"""Every figure as a SQL aggregation over column selects (never ORM object loads).

``compute_figures`` runs a handful of GROUP BY queries for the period, month by month,
and folds the small result sets together in Python. Months come from ``extract``, which
SQLAlchemy renders for SQLite and PostgreSQL alike. Definitions: ``definitions.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    distinct,
    func,
    literal,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from desktop.models import (
    CallIn,
    CallInStatus,
    Delivery,
    Group,
    Invitation,
    InvitationStatus,
    Membership,
    Person,
    Referral,
    ReferralEvent,
    ReferralStatus,
    Visit,
)
from desktop.services.statistics import scope
from desktop.services.statistics.incidents import compute_incident_figures
from desktop.services.statistics.rows import (
    CHANNELS,
    OUTCOMES,
    Figures,
    GroupCoverage,
    MonthFigures,
    Period,
    StatisticsResult,
    StatsFilter,
)
from desktop.store.sql import sql_of

#: Invitation statuses that count as having come to the call-in.
ATTENDED = (InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY)
#: Ids per IN list: well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 5000
NO_FILTER = StatsFilter()


@dataclass
class _Tally:
    """Mutable counts for one month (or the whole period) before freezing."""

    mapped_new: int = 0
    reached: int = 0
    more_than_once: int = 0
    channels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHANNELS, 0))
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    invitations: int = 0
    attended: int = 0
    offered: int = 0
    accepted: int = 0
    started: int = 0
    completed: int = 0
    self_initiated: int = 0
    days: list[int] = field(default_factory=list)

    def freeze(self) -> Figures:
        return Figures(
            persons_mapped_new=self.mapped_new,
            persons_reached=self.reached,
            reached_more_than_once=self.more_than_once,
            deliveries_by_channel=dict(self.channels),
            visits_by_outcome=dict(self.outcomes),
            callin_invitations=self.invitations,
            callin_attended=self.attended,
            support_offered=self.offered,
            support_accepted=self.accepted,
            support_started=self.started,
            support_completed=self.completed,
            self_initiated_contacts=self.self_initiated,
            days_to_first_delivery=tuple(sorted(self.days)),
        )


def month_bucket(column: Any, period: Period, *, moments: bool = False) -> Any:
    """The index of the period's month a value falls in, as a CASE over month edges.

    Plain comparisons keep the index scan cheap and read the same on SQLite and
    PostgreSQL (``extract``/``strftime`` per row cost a third more here).
    """
    months = period.months()
    edges = [_next_month(m) for m in months[:-1]]
    values = [dt.datetime.combine(e, dt.time()) if moments else e for e in edges]
    if not values:
        return literal(0)
    return case(*((column < v, i) for i, v in enumerate(values)), else_=len(months) - 1)


def month_moments(period: Period) -> list[tuple[dt.datetime, dt.datetime]]:
    """Each month of the period as [start, end) moments, clipped to the period."""
    months = period.months()
    edges = [period.start_at]
    edges += [dt.datetime.combine(_next_month(m), dt.time()) for m in months[:-1]]
    edges.append(period.end_exclusive)
    return list(pairwise(edges))


def month_days(period: Period) -> list[tuple[dt.date, dt.date]]:
    """Each month of the period as its first and last day, clipped to the period."""
    months = period.months()
    firsts = [period.start, *(_next_month(m) for m in months[:-1])]
    lasts = [f - dt.timedelta(days=1) for f in firsts[1:]] + [period.end]
    return list(zip(firsts, lasts, strict=True))


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def compute_figures(
    session: Session, period: Period, filters: StatsFilter = NO_FILTER, *, incidents: bool = True
) -> StatisticsResult:
    """All figures for the period, its months and its groups, under the filters
    (``incidents=False``: without the evaluation of violence, for the dashboard's first
    tab; ``compute_incident_figures`` gives it when its tab is opened)."""
    # Core rows through the session's connection: the ORM's row loading costs a third.
    db = session.connection()
    months = [_Tally() for _ in period.months()]
    total = _Tally()
    mapped = _mapped(db, period, filters, months, total)
    by_probe = sql_of(session).first_by_probe
    reached = _deliveries(db, period, filters, months, total, by_probe)
    _visits(db, period, filters, months, total)
    _invitations(db, period, filters, months, total)
    _referrals(db, period, filters, months, total)
    return StatisticsResult(
        period=period,
        filters=filters,
        persons_mapped=mapped,
        total=total.freeze(),
        months=tuple(
            MonthFigures(month, tally.freeze())
            for month, tally in zip(period.months(), months, strict=True)
        ),
        coverage=coverage(db, period, filters, reached),
        incidents=compute_incident_figures(session, period, filters) if incidents else None,
    )


def _mapped(
    session: Connection,
    period: Period,
    filters: StatsFilter,
    months: list[_Tally],
    total: _Tally,
) -> int:
    """Persons on the mapping at the period's end; newly mapped ones by month."""
    base = [Person.merged_into_id.is_(None), *scope.person_clauses(Person.id, filters, period)]
    on_map = session.execute(
        select(func.count())
        .select_from(Person)
        .where(*base, or_(Person.mapped_on.is_(None), Person.mapped_on <= period.end))
    ).scalar_one()
    bucket = month_bucket(Person.mapped_on, period)
    rows = session.execute(
        select(bucket, func.count())
        .where(*base, Person.mapped_on.between(period.start, period.end))
        .group_by(bucket)
    )
    for index, count in rows:
        months[index].mapped_new += count
        total.mapped_new += count
    return int(on_map)


def _deliveries(
    session: Connection,
    period: Period,
    filters: StatsFilter,
    months: list[_Tally],
    total: _Tally,
    by_probe: bool,
) -> Any:
    """Deliveries by channel, reached, reached more than once, days to first delivery.

    Counted in SQL, one index range per month (channels, persons reached) and once
    for the period (persons reached); only the deliveries of those reached for the
    first time ever come back as rows (a few thousand, not the period's 70,000), for
    what depends on a person's first month. Returns the SELECT of reached person ids
    for coverage.
    """
    clauses = scope.delivery_clauses(filters, period)
    in_period = Delivery.delivered_on.between(period.start, period.end)
    reached = select(Delivery.person_id).where(in_period, *clauses)
    channel = type_coerce(Delivery.channel, String)
    # One index range per month: a CASE over month edges per row costs more.
    each_month: list[list[ColumnElement[bool]]] = [
        [Delivery.delivered_on.between(first, last), *clauses] for first, last in month_days(period)
    ]
    by_channel = union_all(
        *(
            select(literal(index), channel, func.count()).where(*where).group_by(channel)
            for index, where in enumerate(each_month)
        )
    )
    for index, name, count in session.execute(by_channel):
        months[index].channels[name] += count
        total.channels[name] += count
    persons = func.count(distinct(Delivery.person_id))
    by_month = union_all(
        *(select(literal(index), persons).where(*where) for index, where in enumerate(each_month))
    )
    reached_in: dict[int, int] = {index: count for index, count in session.execute(by_month)}
    in_all = session.execute(select(persons).where(in_period, *clauses)).scalar_one()
    newcomers = _first_reached(filters, period, by_probe)
    rows = session.execute(
        select(
            Delivery.person_id,
            month_bucket(Delivery.delivered_on, period),
            # As stored: only first days are parsed (``_day``).
            type_coerce(Delivery.delivered_on, String),
            # For the days from mapping to first delivery, in this one statement: read
            # after it by chunks of ids, its IN lists of thousands cost the client ~4 ms.
            Person.mapped_on,
        )
        .outerjoin(Person, Person.id == Delivery.person_id)
        .where(in_period, *clauses, Delivery.person_id.in_(newcomers))
        .order_by(Delivery.delivered_on)
    ).all()
    new, indices, days, mapped_on = zip(*rows, strict=True) if rows else ((), (), (), ())
    per_month = Counter(zip(new, indices, strict=True))
    # Rows come in date order, so the last write per person is his first day.
    first_day: dict[int, Any] = dict(zip(reversed(new), reversed(days), strict=True))
    first_index: dict[int, int] = dict(zip(reversed(new), reversed(indices), strict=True))
    # Reached more than once by the end of month m: a delivery before the period, an
    # earlier month in the period, or two in the first month itself. So only a
    # person's first month can fail, and only when it is his first delivery ever and
    # the only one that month: count those few, subtract from the reached.
    single = Counter(i for p, i in first_index.items() if per_month[(p, i)] == 1)
    for index, count in reached_in.items():
        months[index].reached += count
        months[index].more_than_once += count - single[index]
    # In date order the last write per person is his latest month.
    last_index: dict[int, int] = dict(zip(new, indices, strict=True))
    only_one = sum(
        1 for p, i in first_index.items() if i == last_index[p] and per_month[(p, i)] == 1
    )
    total.reached += in_all
    total.more_than_once += in_all - only_one
    _days_to_first(period, months, total, first_day, dict(zip(new, mapped_on, strict=True)))
    return reached


def _first_reached(filters: StatsFilter, period: Period, by_probe: bool) -> Any:
    """The SELECT of persons whose first delivery ever falls in the period.

    Two equal sets; which is cheaper depends on the backend (``StoreSql.first_by_probe``):
    - by probe: those reached in the period (one index range, each person once) without
      a delivery before it (one probe of the (person, day) index each). On a server the
      GROUP BY below read the whole table for a year's few thousand newcomers (62 of a
      dashboard's 130 ms at 185,000 deliveries, issue 19).
    - by GROUP BY person over the (person, day) index, index-only, in index order, with
      its minimum in the period: on a file twice as fast as the probes. A probe per
      delivery *row* of the period, not per person, cost half a second at 70,000 rows,
      and narrowing to the period's persons first (an IN list of 70,000) twice this.
    """
    if not by_probe:
        every = aliased(Delivery)
        return (
            select(every.person_id)
            .where(*scope.delivery_clauses(filters, period, every))
            .group_by(every.person_id)
            .having(func.min(every.delivered_on).between(period.start, period.end))
        )
    during, before = aliased(Delivery), aliased(Delivery)
    reached = (
        select(during.person_id)
        .where(
            during.delivered_on.between(period.start, period.end),
            *scope.delivery_clauses(filters, period, during),
        )
        .distinct()
        .subquery("reached")
    )
    earlier = (
        select(before.id)
        .where(
            before.person_id == reached.c.person_id,
            before.delivered_on < period.start,
            *scope.delivery_clauses(filters, period, before),
        )
        .exists()
    )
    return select(reached.c.person_id).where(~earlier)


def _days_to_first(
    period: Period,
    months: list[_Tally],
    total: _Tally,
    first_day: dict[int, Any],
    mapped: dict[int, dt.date | None],
) -> None:
    """Days from mapping to first delivery for those first reached in the period
    (``first_day``: each one's first day, as the driver gave it; ``mapped``: each one's
    mapping date, none when not mapped or not visible to this reader)."""
    starts = {m: i for i, m in enumerate(period.months())}
    for person_id, day in first_day.items():
        mapped_on = mapped.get(person_id)
        if mapped_on is None:
            continue
        first = _day(day)
        if mapped_on > first:
            continue
        days = (first - mapped_on).days
        months[starts[first.replace(day=1)]].days.append(days)
        total.days.append(days)


def _day(value: dt.date | str) -> dt.date:
    """A date as the driver gave it: SQLite's ISO text or PostgreSQL's date."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _visits(
    session: Connection,
    period: Period,
    filters: StatsFilter,
    months: list[_Tally],
    total: _Tally,
) -> None:
    # One index range per month, glued with UNION ALL: a CASE over month edges per row
    # cost three times as much over a year of 100,000 visits.
    clauses = scope.visit_clauses(filters, period)
    per_month = [
        select(literal(index), type_coerce(Visit.status, String), func.count())
        .where(Visit.starts_at >= start, Visit.starts_at < end, *clauses)
        .group_by(Visit.status)
        for index, (start, end) in enumerate(month_moments(period))
    ]
    rows = session.execute(union_all(*per_month))
    for index, status, count in rows:
        months[index].outcomes[status] += count
        total.outcomes[status] += count


def _invitations(
    session: Connection,
    period: Period,
    filters: StatsFilter,
    months: list[_Tally],
    total: _Tally,
) -> None:
    bucket = month_bucket(CallIn.starts_at, period, moments=True)
    rows = session.execute(
        select(bucket, Invitation.status, func.count())
        .join(CallIn, CallIn.id == Invitation.call_in_id)
        .where(
            CallIn.starts_at >= period.start_at,
            CallIn.starts_at < period.end_exclusive,
            CallIn.status != CallInStatus.CANCELLED,
            *scope.person_clauses(Invitation.person_id, filters, period),
        )
        .group_by(bucket, Invitation.status)
    )
    for index, status, count in rows:
        came = count if status in ATTENDED else 0
        for tally in (months[index], total):
            tally.invitations += count
            tally.attended += came


_STAGES = {
    ReferralStatus.ACCEPTED: "accepted",
    ReferralStatus.STARTED: "started",
    ReferralStatus.COMPLETED: "completed",
}


def _referrals(
    session: Connection,
    period: Period,
    filters: StatsFilter,
    months: list[_Tally],
    total: _Tally,
) -> None:
    """Offers by each referral's first step; later stages by when they were reached."""
    clauses = scope.referral_clauses(filters, period)
    bucket = month_bucket(ReferralEvent.on_date, period)
    rows = session.execute(
        select(bucket, ReferralEvent.status, func.count())
        .join(Referral, Referral.id == ReferralEvent.referral_id)
        .where(
            ReferralEvent.on_date.between(period.start, period.end),
            ReferralEvent.status.in_(tuple(_STAGES)),
            *clauses,
        )
        .group_by(bucket, ReferralEvent.status)
    )
    for index, status, count in rows:
        attr = _STAGES[status]
        for tally in (months[index], total):
            setattr(tally, attr, getattr(tally, attr) + count)
    first = (
        select(
            ReferralEvent.referral_id.label("referral_id"),
            func.min(ReferralEvent.on_date).label("first_on"),
        )
        .group_by(ReferralEvent.referral_id)
        .subquery()
    )
    fb = month_bucket(first.c.first_on, period)
    opened = session.execute(
        select(fb, Referral.self_initiated, func.count())
        .select_from(first)
        .join(Referral, Referral.id == first.c.referral_id)
        .where(first.c.first_on.between(period.start, period.end), *clauses)
        .group_by(fb, Referral.self_initiated)
    )
    for index, self_initiated, count in opened:
        for tally in (months[index], total):
            tally.offered += count
            if self_initiated:
                tally.self_initiated += count
    # Support offered at the door without a referral is an offer too (issue 17): a
    # visit whose outcome says so and from which no referral was opened.
    moments = month_moments(period)
    vb = month_bucket(Visit.starts_at, period, moments=True)
    door = session.execute(
        select(vb, func.count())
        .where(
            Visit.support_offered.is_(True),
            Visit.starts_at >= moments[0][0],
            Visit.starts_at < moments[-1][1],
            # Named columns: a reader with column rights only (the auditor on a server).
            # NOT IN over the live referrals' visits is computed once; a correlated
            # NOT EXISTS per visit took 3.9 s at 100,000 visits (no index on visit_id).
            Visit.id.not_in(
                select(Referral.visit_id).where(
                    Referral.visit_id.is_not(None), Referral.retracted_at.is_(None)
                )
            ),
            *scope.visit_clauses(filters, period),
        )
        .group_by(vb)
    )
    for index, count in door:
        for tally in (months[index], total):
            tally.offered += count


def coverage(
    session: Connection,
    period: Period,
    filters: StatsFilter = NO_FILTER,
    reached: Any = None,
) -> tuple[GroupCoverage, ...]:
    """Per group: members during the period, and those of them reached in the period.

    One scan of the membership index; a merge moves memberships and deliveries to the
    kept person, so there is no join to person. ``reached`` is the SELECT of person ids
    reached in the period (built here when not given).
    """
    if reached is None:
        reached = select(Delivery.person_id).where(
            Delivery.delivered_on.between(period.start, period.end),
            *scope.delivery_clauses(filters, period),
        )
    conditions = [
        or_(Membership.since.is_(None), Membership.since <= period.end),
        or_(Membership.until.is_(None), Membership.until >= period.start),
        *scope.person_clauses(Membership.person_id, filters, period),
    ]
    if filters.group_id is not None:
        conditions.append(Membership.group_id == filters.group_id)
    counts = {
        gid: (members, hit)
        for gid, members, hit in session.execute(
            select(
                Membership.group_id,
                func.count(distinct(Membership.person_id)),
                func.count(
                    distinct(case((Membership.person_id.in_(reached), Membership.person_id)))
                ),
            )
            .where(and_(*conditions))
            .group_by(Membership.group_id)
        ).all()
    }
    names = session.execute(
        select(Group.id, Group.name)
        .where(Group.id.in_(list(counts)) if len(counts) < CHUNK else true())
        .order_by(Group.name)
    ).all()
    return tuple(GroupCoverage(gid, name, *counts[gid]) for gid, name in names if gid in counts)
