"""SQL clauses that narrow a figure to a group, an area or an agency.

Group and area narrow the *persons* (membership or address valid during the period);
the agency narrows the *work*: visits and deliveries by a team with someone from the
agency, referrals the agency is responsible for. Mapping and call-ins belong to the
whole programme, so the agency filter leaves them alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from desktop.models import Address, Delivery, Membership, Referral, StaffMember, TeamMember, Visit
from desktop.services.statistics.rows import Period, StatsFilter


def members_of(group_id: int, period: Period) -> Select[Any]:
    """Persons who belonged to the group at some time during the period."""
    return select(Membership.person_id).where(
        Membership.group_id == group_id,
        or_(Membership.since.is_(None), Membership.since <= period.end),
        or_(Membership.until.is_(None), Membership.until >= period.start),
    )


def living_in(area: str, period: Period) -> Select[Any]:
    """Persons with an address in the area valid at some time during the period."""
    return select(Address.person_id).where(
        Address.area == area,
        or_(Address.valid_from.is_(None), Address.valid_from <= period.end),
        or_(Address.valid_to.is_(None), Address.valid_to >= period.start),
    )


def person_clauses(
    person_id: Any, filters: StatsFilter, period: Period
) -> list[ColumnElement[bool]]:
    """Clauses on a person-id column for the group and area filters."""
    clauses: list[ColumnElement[bool]] = []
    if filters.group_id is not None:
        clauses.append(person_id.in_(members_of(filters.group_id, period)))
    if filters.area:
        clauses.append(person_id.in_(living_in(filters.area, period)))
    return clauses


def agency_teams(agency_id: int) -> Select[Any]:
    """Teams with at least one member from the agency."""
    return (
        select(TeamMember.team_id)
        .join(StaffMember, StaffMember.id == TeamMember.staff_id)
        .where(StaffMember.agency_id == agency_id)
    )


def delivery_clauses(
    filters: StatsFilter, period: Period, table: Any = Delivery
) -> list[ColumnElement[bool]]:
    """Clauses on ``table`` (Delivery or an alias of it)."""
    clauses = person_clauses(table.person_id, filters, period)
    if filters.agency_id is not None:
        visits = select(Visit.id).where(Visit.team_id.in_(agency_teams(filters.agency_id)))
        clauses.append(table.visit_id.in_(visits))
    return clauses


def visit_clauses(filters: StatsFilter, period: Period) -> list[ColumnElement[bool]]:
    clauses = person_clauses(Visit.person_id, filters, period)
    if filters.agency_id is not None:
        clauses.append(Visit.team_id.in_(agency_teams(filters.agency_id)))
    return clauses


def referral_clauses(filters: StatsFilter, period: Period) -> list[ColumnElement[bool]]:
    clauses = person_clauses(Referral.person_id, filters, period)
    clauses.append(Referral.retracted_at.is_(None))  # retracted ones count nowhere
    if filters.agency_id is not None:
        clauses.append(Referral.responsible_agency_id == filters.agency_id)
    return clauses
