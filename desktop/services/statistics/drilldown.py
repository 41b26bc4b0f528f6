"""The persons behind a figure: one SELECT of person ids per figure code.

Each query mirrors the aggregation in ``figures.py`` with the same scope clauses, so
the list a user opens from a tile has as many persons as the tile counts (for figures
that count persons) or the persons behind the counted events (for event counts).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    CallIn,
    CallInStatus,
    Delivery,
    Invitation,
    Person,
    Referral,
    ReferralEvent,
    ReferralStatus,
    Visit,
)
from desktop.services.errors import ValidationError
from desktop.services.statistics import scope
from desktop.services.statistics.figures import ATTENDED
from desktop.services.statistics.incident_drilldown import incident_person_ids
from desktop.services.statistics.rows import Period, PersonRef, StatsFilter

#: At most this many persons are listed; the dialog says when there are more.
LIMIT = 500


def _delivered(period: Period, filters: StatsFilter) -> list[Any]:
    return [
        Delivery.delivered_on.between(period.start, period.end),
        *scope.delivery_clauses(filters, period),
    ]


def person_ids(code: str, key: str | None, period: Period, filters: StatsFilter) -> Select[Any]:
    """A SELECT of the person ids behind figure ``code`` (``key``: channel, status, group).

    Raises:
        ValidationError: the figure has no persons behind it.
    """
    if code in ("persons_mapped", "persons_mapped_new"):
        day = (
            or_(Person.mapped_on.is_(None), Person.mapped_on <= period.end)
            if code == "persons_mapped"
            else Person.mapped_on.between(period.start, period.end)
        )
        return select(Person.id).where(
            Person.merged_into_id.is_(None), day, *scope.person_clauses(Person.id, filters, period)
        )
    if code in ("persons_reached", "deliveries"):
        return select(Delivery.person_id).where(*_delivered(period, filters))
    if code == "deliveries_by_channel":
        return select(Delivery.person_id).where(
            *_delivered(period, filters), Delivery.channel == key
        )
    if code in ("reached_more_than_once", "reached_more_than_once_share"):
        return (
            select(Delivery.person_id)
            .where(Delivery.delivered_on <= period.end, *scope.delivery_clauses(filters, period))
            .group_by(Delivery.person_id)
            .having(func.count() >= 2, func.max(Delivery.delivered_on) >= period.start)
        )
    if code == "days_to_first_delivery_median":
        earlier = select(Delivery.person_id).where(
            Delivery.delivered_on < period.start, *scope.delivery_clauses(filters, period)
        )
        return select(Delivery.person_id).where(
            *_delivered(period, filters), Delivery.person_id.not_in(earlier)
        )
    if code in ("visits", "visits_by_outcome"):
        query = select(Visit.person_id).where(
            Visit.starts_at >= period.start_at,
            Visit.starts_at < period.end_exclusive,
            *scope.visit_clauses(filters, period),
        )
        return query.where(Visit.status == key) if key else query
    if code in ("callin_invitations", "callin_attended", "callin_attendance_rate"):
        query = (
            select(Invitation.person_id)
            .join(CallIn, CallIn.id == Invitation.call_in_id)
            .where(
                CallIn.starts_at >= period.start_at,
                CallIn.starts_at < period.end_exclusive,
                CallIn.status != CallInStatus.CANCELLED,
                *scope.person_clauses(Invitation.person_id, filters, period),
            )
        )
        return (
            query if code == "callin_invitations" else query.where(Invitation.status.in_(ATTENDED))
        )
    stages = {
        "support_accepted": ReferralStatus.ACCEPTED,
        "support_started": ReferralStatus.STARTED,
        "support_completed": ReferralStatus.COMPLETED,
    }
    if code in stages:
        return (
            select(Referral.person_id)
            .join(ReferralEvent, ReferralEvent.referral_id == Referral.id)
            .where(
                ReferralEvent.status == stages[code],
                ReferralEvent.on_date.between(period.start, period.end),
                *scope.referral_clauses(filters, period),
            )
        )
    if code in ("support_offered", "self_initiated_contacts"):
        first = (
            select(ReferralEvent.referral_id)
            .group_by(ReferralEvent.referral_id)
            .having(func.min(ReferralEvent.on_date).between(period.start, period.end))
        )
        query = select(Referral.person_id).where(
            Referral.id.in_(first), *scope.referral_clauses(filters, period)
        )
        return (
            query.where(Referral.self_initiated.is_(True)) if code != "support_offered" else query
        )
    if code == "coverage" and key is not None:
        members = scope.members_of(int(key), period)
        return select(Delivery.person_id).where(
            *_delivered(period, filters), Delivery.person_id.in_(members)
        )
    # Violence and the response (issue 20): the urgent visits' and the groups' persons.
    behind = incident_person_ids(code, key, period, filters)
    if behind is not None:
        return behind
    raise ValidationError("stats.no_persons_behind", field="figure")


def persons_behind(
    session: Session, code: str, key: str | None, period: Period, filters: StatsFilter
) -> tuple[tuple[PersonRef, ...], int]:
    """Up to ``LIMIT`` persons by name, and how many there are in all."""
    ids = person_ids(code, key, period, filters)
    wanted = Person.id.in_(ids)
    total = session.execute(select(func.count()).select_from(Person).where(wanted)).scalar_one()
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.birth_date)
        .where(wanted)
        .order_by(Person.last_name, Person.first_name, Person.id)
        .limit(LIMIT)
    )
    people = tuple(
        PersonRef(pid, f"{first} {last}", born.year if born else None)
        for pid, first, last, born in rows
    )
    return people, int(total)


__all__ = ["LIMIT", "person_ids", "persons_behind"]
