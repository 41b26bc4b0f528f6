"""Reads shared by the incident register, the timelines and the briefing (no audit here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session

from desktop.models import (
    Certainty,
    Group,
    Incident,
    IncidentGroup,
    IncidentPerson,
    IncidentResponse,
    IncidentRole,
    IncidentSide,
    Person,
    ResponseStatus,
    Visit,
)
from desktop.services.incidents.rows import WITHHELD_ROLES, GroupLinkRow, PersonLinkRow
from desktop.services.incidents.sealed_links import readable_links, resolve_persons
from desktop.store.interface import Store


def person_label(first: str, last: str) -> str:
    """As ``operations.queries.person_label`` (not imported: the briefing builder reads
    this module while the operations package imports the builder)."""
    return f"{first} {last}".strip()


def person_visible(agency_id: int) -> ColumnElement[bool]:
    """A plain person link the agency may see: a suspect's, or any within its own incidents.

    The same rule as the server's row policy on ``incident_person`` (migration 0016). A
    victim's, injured person's or witness's link is sealed (``sealed_links``); a plain one
    remains only where migration 0019 found no public key of the recording agency.
    """
    return or_(
        IncidentPerson.role.not_in(tuple(WITHHELD_ROLES)),
        IncidentPerson.incident_id.in_(select(Incident.id).where(Incident.agency_id == agency_id)),
    )


def group_links(session: Session, incident_ids: Iterable[int]) -> dict[int, list[GroupLinkRow]]:
    ids = sorted(set(incident_ids))
    result: dict[int, list[GroupLinkRow]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for link, name in session.execute(
            select(IncidentGroup, Group.name)
            .join(Group, Group.id == IncidentGroup.group_id)
            .where(IncidentGroup.incident_id.in_(ids[start : start + 500]))
            .order_by(IncidentGroup.side, Group.name, IncidentGroup.id)
        ):
            result[link.incident_id].append(
                GroupLinkRow(link.id, link.group_id, name, link.side, link.source, link.certainty)
            )
    return result


def person_links(
    session: Session, store: Store, incident_id: int, agency_id: int
) -> tuple[list[PersonLinkRow], int]:
    """The links the agency may see (merged-away persons resolved), and how many it may not."""
    plain = session.scalars(
        select(IncidentPerson).where(
            IncidentPerson.incident_id == incident_id, person_visible(agency_id)
        )
    ).all()
    total_plain = (
        session.scalar(select(func.count()).where(IncidentPerson.incident_id == incident_id)) or 0
    )
    sealed, closed = readable_links(session, store, [incident_id])
    found: list[tuple[int, int, IncidentRole, str, Certainty, bool]] = [
        (p.id, p.person_id, p.role, p.source, p.certainty, False) for p in plain
    ] + [(s.id, s.person_id, s.role, s.source, s.certainty, True) for s in sealed]
    live = resolve_persons(session, [f[1] for f in found])
    names = {
        pid: person_label(first, last)
        for pid, first, last in session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                Person.id.in_(sorted(set(live.values())))
            )
        )
    }
    links: dict[tuple[int, IncidentRole], PersonLinkRow] = {}
    for link_id, person_id, role, source, certainty, is_sealed in found:
        now = live.get(person_id)
        if now is None:
            continue  # deleted by retention
        links.setdefault(
            (now, role),
            PersonLinkRow(link_id, now, names[now], role, source, certainty, is_sealed),
        )
    ordered = sorted(links.values(), key=lambda r: (r.role.value, r.person_label, r.id))
    return ordered, total_plain - len(plain) + closed


def group_names_by_side(
    links: dict[int, list[GroupLinkRow]], incident_id: int, side: IncidentSide
) -> tuple[str, ...]:
    return tuple(link.group_name for link in links.get(incident_id, ()) if link.side is side)


def latest_responses(session: Session, incident_ids: Iterable[int]) -> dict[int, ResponseStatus]:
    """Each incident's newest response status."""
    ids = sorted(set(incident_ids))
    result: dict[int, ResponseStatus] = {}
    for start in range(0, len(ids), 500):
        for incident_id, status in session.execute(
            select(IncidentResponse.incident_id, IncidentResponse.status)
            .where(IncidentResponse.incident_id.in_(ids[start : start + 500]))
            .order_by(IncidentResponse.id)
        ):
            result[incident_id] = status
    return result


def urgent_counts(session: Session, incident_ids: Iterable[int]) -> dict[int, int]:
    ids = sorted(set(incident_ids))
    result: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        for incident_id, count in session.execute(
            select(Visit.incident_id, func.count())
            .where(Visit.incident_id.in_(ids[start : start + 500]))
            .group_by(Visit.incident_id)
        ):
            if incident_id is not None:
                result[incident_id] = count
    return result


def in_period(first: dt.date | None, last: dt.date | None) -> ColumnElement[bool]:
    """Incidents from day ``first`` through day ``last`` (either may be None)."""
    where: list[ColumnElement[bool]] = []
    if first is not None:
        where.append(Incident.occurred_at >= dt.datetime.combine(first, dt.time()))
    if last is not None:
        where.append(
            Incident.occurred_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        )
    return and_(true(), *where)
