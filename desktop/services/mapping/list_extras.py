"""What a person list row shows beside the person: area, groups, delivery count and date.

On a local file these come in three batch queries after the page (SQLite sorts the
page by an index and the batches cost no round trip). On a server every query is a
round trip and a share of the client's CPU, so the page query itself carries them as
correlated subqueries, which PostgreSQL evaluates only for the page's rows, after the
sort and limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, func, literal_column, or_, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from desktop.models import Address, Delivery, Group, Membership, Person


@dataclass(frozen=True)
class Extras:
    """One row's area (current address), groups (current memberships) and deliveries."""

    area: str | None = None
    groups: str = ""
    deliveries: int = 0
    last_delivery: dt.date | None = None


def columns(today: dt.date) -> tuple[Any, ...]:
    """The extras as correlated subqueries on ``Person`` (PostgreSQL)."""
    area = (
        select(Address.area)
        .where(
            Address.person_id == Person.id,
            Address.valid_to.is_(None),
            Address.area.is_not(None),
        )
        # The newest current address; one without a start date counts as newest.
        .order_by(Address.valid_from.desc().nulls_first(), Address.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    groups = (
        select(func.string_agg(Group.name, aggregate_order_by(literal_column("', '"), Group.name)))
        .join(Membership, Membership.group_id == Group.id)
        .where(
            Membership.person_id == Person.id,
            or_(Membership.until.is_(None), Membership.until >= today),
        )
        .scalar_subquery()
    )
    count = select(func.count()).where(Delivery.person_id == Person.id).scalar_subquery()
    last = (
        select(func.max(Delivery.delivered_on))
        .where(Delivery.person_id == Person.id)
        .scalar_subquery()
    )
    return (
        area.label("x_area"),
        groups.label("x_groups"),
        count.label("x_deliveries"),
        last.label("x_last_delivery"),
    )


def from_rows(rows: Sequence[Row[Any]]) -> dict[int, Extras]:
    """The extras read off page rows selected with :func:`columns`."""
    return {
        r.id: Extras(r.x_area, r.x_groups or "", int(r.x_deliveries), r.x_last_delivery)
        for r in rows
    }


def batched(session: Session, ids: Sequence[int], today: dt.date) -> dict[int, Extras]:
    """The extras of ``ids`` in three batch queries (a local file)."""
    # Imported here: the engagement package imports the mapping services (cycle).
    from desktop.services.engagement.ledger import delivery_stats

    connection = session.connection()
    areas, groups = _areas_of(connection, ids), _groups_of(connection, ids, today)
    stats = delivery_stats(session, ids)
    return {
        i: Extras(
            areas.get(i),
            ", ".join(groups.get(i, ())),
            stats[i].count if i in stats else 0,
            stats[i].last_on if i in stats else None,
        )
        for i in ids
    }


def _areas_of(connection: Connection, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = connection.execute(
        select(Address.person_id, Address.area)
        .where(Address.person_id.in_(ids), Address.valid_to.is_(None), Address.area.is_not(None))
        .order_by(Address.valid_from)
    ).all()
    return {r.person_id: r.area for r in rows}


def _groups_of(connection: Connection, ids: Sequence[int], today: dt.date) -> dict[int, list[str]]:
    if not ids:
        return {}
    rows = connection.execute(
        select(Membership.person_id, Group.name)
        .join(Group, Group.id == Membership.group_id)
        .where(
            Membership.person_id.in_(ids),
            or_(Membership.until.is_(None), Membership.until >= today),
        )
        .order_by(Group.name)
    ).all()
    result: dict[int, list[str]] = {}
    for r in rows:
        result.setdefault(r.person_id, []).append(r.name)
    return result
