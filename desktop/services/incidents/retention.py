"""Retention of incidents (gallring, issue 20): an INCIDENT rule deletes incidents older
than its days, of one recording agency or of all.

An incident's links, corrections and responses go with it (the foreign keys cascade);
a visit, sanction period or task made in response keeps its own record and loses the
link. The ids go to the retention ledger, so a restore of an older backup deletes them
again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.models import Incident
from desktop.services.security.ledger import record_deleted


def delete_incidents(session: Session, cutoff: dt.datetime, agency_id: int | None) -> int:
    """Incidents whose time (local wall clock) is before ``cutoff``; how many."""
    query = select(Incident.id).where(Incident.occurred_at < cutoff)
    if agency_id is not None:
        query = query.where(Incident.agency_id == agency_id)
    ids = list(session.scalars(query))
    if ids:
        record_deleted(session, "incident", ids)
        delete_incidents_by_id(session, ids)
    return len(ids)


def delete_incidents_by_id(session: Session, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        session.execute(delete(Incident).where(Incident.id.in_(ids[start : start + 500])))
    session.flush()
