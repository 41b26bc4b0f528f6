"""Every figure as a SQL aggregation over column selects (never ORM object loads).

``compute_figures`` runs a handful of GROUP BY queries for the period, month by month,
and folds the small result sets together in Python. Months come from ``extract``, which
SQLAlchemy renders for SQLite and PostgreSQL alike. Definitions: ``definitions.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, extract, func, or_, select
from sqlalchemy.orm import Session

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

#: Invitation statuses that count as having come to the call-in.
ATTENDED = (InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY)
Month = tuple[int, int]
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


def _ym(column: Any) -> tuple[Any, Any]:
    return extract("year", column), extract("month", column)


def compute_figures(
    session: Session, period: Period, filters: StatsFilter = NO_FILTER
) -> StatisticsResult:
    """All figures for the period, its months and its groups, under the filters."""
    months = {(m.year, m.month): _Tally() for m in period.months()}
    total = _Tally()
    mapped = _mapped(session, period, filters, months, total)
    _deliveries(session, period, filters, months, total)
    _reach(session, period, filters, months, total)
    _visits(session, period, filters, months, total)
    _invitations(session, period, filters, months, total)
    _referrals(session, period, filters, months, total)
    return StatisticsResult(
        period=period,
        filters=filters,
        persons_mapped=mapped,
        total=total.freeze(),
        months=tuple(
            MonthFigures(dt.date(y, m, 1), tally.freeze()) for (y, m), tally in months.items()
        ),
        coverage=coverage(session, period, filters),
    )


def _mapped(
    session: Session,
    period: Period,
    filters: StatsFilter,
    months: dict[Month, _Tally],
    total: _Tally,
) -> int:
    """Persons on the mapping at the period's end; newly mapped ones by month."""
    base = [Person.merged_into_id.is_(None), *scope.person_clauses(Person.id, filters, period)]
    on_map = session.execute(
        select(func.count())
        .select_from(Person)
        .where(*base, or_(Person.mapped_on.is_(None), Person.mapped_on <= period.end))
    ).scalar_one()
    y, m = _ym(Person.mapped_on)
    rows = session.execute(
        select(y, m, func.count())
        .where(*base, Person.mapped_on.between(period.start, period.end))
        .group_by(y, m)
    )
    for year, month, count in rows:
        months[(int(year), int(month))].mapped_new += count
        total.mapped_new += count
    return int(on_map)


def _deliveries(
    session: Session,
    period: Period,
    filters: StatsFilter,
    months: dict[Month, _Tally],
    total: _Tally,
) -> None:
    y, m = _ym(Delivery.delivered_on)
    rows = session.execute(
        select(y, m, Delivery.channel, func.count())
        .where(
            Delivery.delivered_on.between(period.start, period.end),
            *scope.delivery_clauses(filters, period),
        )
        .group_by(y, m, Delivery.channel)
    )
    for year, month, channel, count in rows:
        key = channel.value
        months[(int(year), int(month))].channels[key] += count
        total.channels[key] += count


def _reach(
    session: Session,
    period: Period,
    filters: StatsFilter,
    months: dict[Month, _Tally],
    total: _Tally,
) -> None:
    """Reached, reached more than once, and days from mapping to first delivery.

    One row per person and month of the period, plus each reached person's count of
    earlier deliveries and mapping date: a few thousand rows for a year.
    """
    clauses = scope.delivery_clauses(filters, period)
    in_period = Delivery.delivered_on.between(period.start, period.end)
    y, m = _ym(Delivery.delivered_on)
    per_month: dict[int, list[tuple[Month, int, dt.date]]] = defaultdict(list)
    for person_id, year, month, count, first in session.execute(
        select(Delivery.person_id, y, m, func.count(), func.min(Delivery.delivered_on))
        .where(in_period, *clauses)
        .group_by(Delivery.person_id, y, m)
    ):
        per_month[person_id].append(((int(year), int(month)), count, first))
    if not per_month:
        return
    reached = select(Delivery.person_id).where(in_period, *clauses)
    earlier: dict[int, int] = {
        person_id: count
        for person_id, count in session.execute(
            select(Delivery.person_id, func.count())
            .where(Delivery.delivered_on < period.start, Delivery.person_id.in_(reached), *clauses)
            .group_by(Delivery.person_id)
        )
    }
    mapped_on: dict[int, dt.date] = {
        person_id: day
        for person_id, day in session.execute(
            select(Person.id, Person.mapped_on).where(
                Person.id.in_(reached), Person.mapped_on.is_not(None)
            )
        )
    }
    for person_id, rows in per_month.items():
        rows.sort()
        running = earlier.get(person_id, 0)
        for key, count, _first in rows:
            running += count
            tally = months[key]
            tally.reached += 1
            if running >= 2:
                tally.more_than_once += 1
        total.reached += 1
        if running >= 2:
            total.more_than_once += 1
        first_key, _count, first_day = rows[0]
        mapped_day = mapped_on.get(person_id)
        if person_id not in earlier and mapped_day is not None and mapped_day <= first_day:
            days = (first_day - mapped_day).days
            months[first_key].days.append(days)
            total.days.append(days)


def _visits(
    session: Session,
    period: Period,
    filters: StatsFilter,
    months: dict[Month, _Tally],
    total: _Tally,
) -> None:
    y, m = _ym(Visit.starts_at)
    rows = session.execute(
        select(y, m, Visit.status, func.count())
        .where(
            Visit.starts_at >= period.start_at,
            Visit.starts_at < period.end_exclusive,
            *scope.visit_clauses(filters, period),
        )
        .group_by(y, m, Visit.status)
    )
    for year, month, status, count in rows:
        months[(int(year), int(month))].outcomes[status.value] += count
        total.outcomes[status.value] += count


def _invitations(
    session: Session,
    period: Period,
    filters: StatsFilter,
    months: dict[Month, _Tally],
    total: _Tally,
) -> None:
    y, m = _ym(CallIn.starts_at)
    rows = session.execute(
        select(y, m, Invitation.status, func.count())
        .join(CallIn, CallIn.id == Invitation.call_in_id)
        .where(
            CallIn.starts_at >= period.start_at,
            CallIn.starts_at < period.end_exclusive,
            CallIn.status != CallInStatus.CANCELLED,
            *scope.person_clauses(Invitation.person_id, filters, period),
        )
        .group_by(y, m, Invitation.status)
    )
    for year, month, status, count in rows:
        came = count if status in ATTENDED else 0
        for tally in (months[(int(year), int(month))], total):
            tally.invitations += count
            tally.attended += came


_STAGES = {
    ReferralStatus.ACCEPTED: "accepted",
    ReferralStatus.STARTED: "started",
    ReferralStatus.COMPLETED: "completed",
}


def _referrals(
    session: Session,
    period: Period,
    filters: StatsFilter,
    months: dict[Month, _Tally],
    total: _Tally,
) -> None:
    """Offers by each referral's first step; later stages by when they were reached."""
    clauses = scope.referral_clauses(filters, period)
    y, m = _ym(ReferralEvent.on_date)
    rows = session.execute(
        select(y, m, ReferralEvent.status, func.count())
        .join(Referral, Referral.id == ReferralEvent.referral_id)
        .where(
            ReferralEvent.on_date.between(period.start, period.end),
            ReferralEvent.status.in_(tuple(_STAGES)),
            *clauses,
        )
        .group_by(y, m, ReferralEvent.status)
    )
    for year, month, status, count in rows:
        attr = _STAGES[status]
        for tally in (months[(int(year), int(month))], total):
            setattr(tally, attr, getattr(tally, attr) + count)
    first = (
        select(
            ReferralEvent.referral_id.label("referral_id"),
            func.min(ReferralEvent.on_date).label("first_on"),
        )
        .group_by(ReferralEvent.referral_id)
        .subquery()
    )
    fy, fm = _ym(first.c.first_on)
    opened = session.execute(
        select(fy, fm, Referral.self_initiated, func.count())
        .join(Referral, Referral.id == first.c.referral_id)
        .where(first.c.first_on.between(period.start, period.end), *clauses)
        .group_by(fy, fm, Referral.self_initiated)
    )
    for year, month, self_initiated, count in opened:
        for tally in (months[(int(year), int(month))], total):
            tally.offered += count
            if self_initiated:
                tally.self_initiated += count


def coverage(
    session: Session, period: Period, filters: StatsFilter = NO_FILTER
) -> tuple[GroupCoverage, ...]:
    """Per group: members during the period, and those of them reached in the period."""
    reached = (
        select(Delivery.person_id)
        .where(
            Delivery.delivered_on.between(period.start, period.end),
            *scope.delivery_clauses(filters, period),
        )
        .distinct()
        .subquery()
    )
    conditions = [
        or_(Membership.since.is_(None), Membership.since <= period.end),
        or_(Membership.until.is_(None), Membership.until >= period.start),
        Person.merged_into_id.is_(None),
        *scope.person_clauses(Membership.person_id, filters, period),
    ]
    if filters.group_id is not None:
        conditions.append(Membership.group_id == filters.group_id)
    rows = session.execute(
        select(
            Group.id,
            Group.name,
            func.count(func.distinct(Membership.person_id)),
            func.count(func.distinct(reached.c.person_id)),
        )
        .join(Membership, Membership.group_id == Group.id)
        .join(Person, Person.id == Membership.person_id)
        .outerjoin(reached, reached.c.person_id == Membership.person_id)
        .where(and_(*conditions))
        .group_by(Group.id, Group.name)
        .order_by(Group.name)
    )
    return tuple(GroupCoverage(gid, name, members, hit) for gid, name, members, hit in rows)
