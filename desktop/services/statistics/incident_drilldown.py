"""The persons behind the incident figures that count visits (issue 20).

The urgent-visit figures list the persons visited; ``visits_per_group_week`` (key: the
group's id) the group's members visited. The incident figures themselves count
incidents, not persons: the views list the incidents behind them from the register.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from desktop.models import Incident, Membership, Visit, VisitStatus
from desktop.services.statistics import scope
from desktop.services.statistics.incidents import ATTEMPTED, COMPLETED, member_on
from desktop.services.statistics.rows import Period, StatsFilter

_STATUSES: dict[str, tuple[VisitStatus, ...]] = {
    "response_visits_attempted": ATTEMPTED,
    "response_visits_completed": COMPLETED,
    "response_direct_contact": (VisitStatus.MET,),
    "response_family_only": (VisitStatus.FAMILY_ONLY,),
}


def incident_person_ids(
    code: str, key: str | None, period: Period, filters: StatsFilter
) -> Select[Any] | None:
    """The SELECT of person ids behind ``code``, or None for a code not of these."""
    in_period = (Visit.starts_at >= period.start_at, Visit.starts_at < period.end_exclusive)
    if code in _STATUSES:
        query = select(Visit.person_id).where(
            Visit.incident_id.is_not(None),
            *in_period,
            Visit.status.in_(_STATUSES[code]),
            *scope.visit_clauses(filters, period),
        )
        if filters.area:
            query = query.where(
                Visit.incident_id.in_(select(Incident.id).where(Incident.district == filters.area))
            )
        return query
    if code == "visits_per_group_week" and key is not None and key.isdigit():
        query = (
            select(Visit.person_id)
            .join(Membership, Membership.person_id == Visit.person_id)
            .where(
                Membership.group_id == int(key),
                member_on(func.date(Visit.starts_at)),
                *in_period,
                Visit.status.in_(ATTEMPTED),
            )
        )
        if filters.agency_id is not None:
            query = query.where(Visit.team_id.in_(scope.agency_teams(filters.agency_id)))
        return query
    return None
