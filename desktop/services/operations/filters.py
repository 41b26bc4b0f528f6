"""The target filter as one SELECT of person ids, counted or listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, or_, select, union

from desktop.models import (
    Address,
    GroupRelation,
    GroupRelationKind,
    Membership,
    OperationTarget,
    Person,
    Visit,
)
from desktop.services.operations.queries import (
    CONTACT_STATUSES,
    current_address,
    current_membership,
)
from desktop.services.operations.rows import TargetFilter


def filter_query(flt: TargetFilter, today: dt.date) -> Select[*tuple[Any, ...]]:
    """The ids of the persons ``flt`` finds, as one SELECT (counted or listed)."""
    query = select(Person.id).where(Person.merged_into_id.is_(None))
    if flt.group_ids:
        query = query.where(
            Person.id.in_(
                select(Membership.person_id).where(
                    Membership.group_id.in_(sorted(flt.group_ids)), current_membership(today)
                )
            )
        )
    if flt.areas:
        query = query.where(
            Person.id.in_(
                select(Address.person_id).where(
                    Address.area.in_(sorted(flt.areas)), current_address(today)
                )
            )
        )
    if flt.statuses:
        query = query.where(Person.status.in_(sorted(flt.statuses)))
    if flt.min_priority is not None:
        query = query.where(Person.priority >= flt.min_priority)
    if flt.not_visited_days is not None:
        since = dt.datetime.combine(today - dt.timedelta(days=flt.not_visited_days), dt.time())
        query = query.where(
            Person.id.not_in(
                select(Visit.person_id).where(
                    Visit.status.in_(CONTACT_STATUSES), Visit.starts_at >= since
                )
            )
        )
    if flt.active_conflict_only:
        conflict = (GroupRelation.kind == GroupRelationKind.ACTIVE_CONFLICT) & or_(
            GroupRelation.until.is_(None), GroupRelation.until >= today
        )
        groups = union(
            select(GroupRelation.group_a_id).where(conflict),
            select(GroupRelation.group_b_id).where(conflict),
        )
        query = query.where(
            Person.id.in_(
                select(Membership.person_id).where(
                    Membership.group_id.in_(groups), current_membership(today)
                )
            )
        )
    if flt.exclude_operation_id is not None:
        query = query.where(
            Person.id.not_in(
                select(OperationTarget.person_id).where(
                    OperationTarget.operation_id == flt.exclude_operation_id
                )
            )
        )
    return query
