"""Column selects shared by the operation services (they receive the session)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    Address,
    Group,
    GroupRelation,
    GroupRelationKind,
    Membership,
    Person,
    VisitStatus,
)
from desktop.services.relations import relation_valid

UNKNOWN_AREA = "Okänt område"

# A visit where the team reached someone at the door; "not visited in N days" counts these.
CONTACT_STATUSES = (VisitStatus.MET, VisitStatus.FAMILY_ONLY, VisitStatus.REFUSED)
# Visits that hold a place in the schedule.
SCHEDULED_STATUSES = (VisitStatus.PROPOSED, VisitStatus.PLANNED)


def current_membership(today: dt.date) -> ColumnElement[bool]:
    return or_(Membership.until.is_(None), Membership.until >= today)


def current_address(today: dt.date) -> ColumnElement[bool]:
    return or_(Address.valid_to.is_(None), Address.valid_to >= today)


def person_label(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def current_addresses(
    session: Session, person_ids: Iterable[int], today: dt.date
) -> dict[int, tuple[int, str]]:
    """Person id to (address id, area) of the address valid on ``today``."""
    from desktop.services.visit_address import addresses_on

    return {
        pid: (place.id, place.area or UNKNOWN_AREA)
        for pid, place in addresses_on(session, person_ids, today).items()
    }


def person_groups(
    session: Session, person_ids: Iterable[int], today: dt.date
) -> dict[int, list[tuple[int, str]]]:
    """Person id to the (group id, name) pairs of current memberships."""
    ids = sorted(set(person_ids))
    result: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Membership.person_id, Group.id, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.person_id.in_(ids[start : start + 500]), current_membership(today))
            .order_by(Group.name)
        ).all()
        for row in rows:
            result[row.person_id].append((row.id, row.name))
    return result


def rival_pairs(
    session: Session, today: dt.date, last: dt.date | None = None
) -> list[tuple[int, int]]:
    """Group pairs in a rivalry or active conflict valid on ``today`` (or up to ``last``)."""
    rows = session.execute(
        select(GroupRelation.group_a_id, GroupRelation.group_b_id).where(
            GroupRelation.kind.in_((GroupRelationKind.RIVALRY, GroupRelationKind.ACTIVE_CONFLICT)),
            relation_valid(today, last),
        )
    ).all()
    return [(a, b) for a, b in rows]


def labels(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(person_ids))
    result: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                Person.id.in_(ids[start : start + 500])
            )
        ).all()
        result.update({r.id: person_label(r.first_name, r.last_name) for r in rows})
    return result
