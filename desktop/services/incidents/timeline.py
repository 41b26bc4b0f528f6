"""Incident timelines per group and per person, and the week-by-district overview."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    Incident,
    IncidentGroup,
    IncidentKind,
    IncidentPerson,
    Membership,
    Operation,
    Visit,
)
from desktop.services.incidents import queries as q
from desktop.services.incidents.rows import TimelineRow, WeekDistrictRow
from desktop.services.incidents.sealed_links import merged_ids, readable_links
from desktop.store.interface import Store


def _row(i: Incident, part: str, group_id: int | None) -> TimelineRow:
    return TimelineRow(
        i.id,
        i.reference,
        i.occurred_at,
        i.kind,
        i.certainty,
        i.district,
        i.injured,
        i.killed,
        part,
        group_id,
    )


def group_timeline(
    session: Session, group_id: int, first: dt.date | None, last: dt.date | None
) -> list[TimelineRow]:
    return [
        _row(incident, side.value, group_id)
        for incident, side in session.execute(
            select(Incident, IncidentGroup.side)
            .join(IncidentGroup, IncidentGroup.incident_id == Incident.id)
            .where(IncidentGroup.group_id == group_id, q.in_period(first, last))
            .order_by(Incident.occurred_at.desc(), Incident.id.desc())
        )
    ]


def person_timeline(
    session: Session, store: Store, person_id: int, agency_id: int
) -> list[TimelineRow]:
    """His own links (his merged-away records' too) that the agency may see, plain or
    sealed, and his groups' incidents while he was a member."""
    rows: dict[tuple[int, str, int | None], TimelineRow] = {}
    his = sorted(merged_ids(session, person_id))
    for incident, role in session.execute(
        select(Incident, IncidentPerson.role)
        .join(IncidentPerson, IncidentPerson.incident_id == Incident.id)
        .where(IncidentPerson.person_id.in_(his), q.person_visible(agency_id))
    ):
        rows[(incident.id, role.value, None)] = _row(incident, role.value, None)
    # The sealed links the user's keys open, found by opening them (no index can name him).
    sealed, _ = readable_links(session, store)
    parts = {(link.incident_id, link.role.value) for link in sealed if link.person_id in his}
    ids = sorted({incident_id for incident_id, _ in parts})
    for n in range(0, len(ids), 500):
        for incident in session.scalars(select(Incident).where(Incident.id.in_(ids[n : n + 500]))):
            for incident_id, part in parts:
                if incident_id == incident.id:
                    rows[(incident.id, part, None)] = _row(incident, part, None)
    day = Incident.occurred_at
    for incident, side, group_id in session.execute(
        select(Incident, IncidentGroup.side, IncidentGroup.group_id)
        .join(IncidentGroup, IncidentGroup.incident_id == Incident.id)
        .join(
            Membership,
            and_(
                Membership.group_id == IncidentGroup.group_id,
                Membership.person_id == person_id,
            ),
        )
        .where(
            or_(Membership.since.is_(None), Membership.since <= day),
            or_(Membership.until.is_(None), Membership.until >= day),
        )
    ):
        rows[(incident.id, side.value, group_id)] = _row(incident, side.value, group_id)
    return sorted(rows.values(), key=lambda r: (r.occurred_at, r.incident_id), reverse=True)


def week_overview(session: Session, first: dt.date, last: dt.date) -> list[WeekDistrictRow]:
    counts: dict[tuple[dt.date, str], list[tuple[int, IncidentKind]]] = defaultdict(list)
    for incident_id, occurred_at, district, kind in session.execute(
        select(Incident.id, Incident.occurred_at, Incident.district, Incident.kind).where(
            q.in_period(first, last)
        )
    ):
        day = occurred_at.date()
        monday = day - dt.timedelta(days=day.weekday())
        counts[(monday, district)].append((incident_id, kind))
    ids = sorted({i for cell in counts.values() for i, _ in cell})
    responded: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for start in range(0, len(ids), 500):
        for responding, operation_id, name in session.execute(
            select(Visit.incident_id, Operation.id, Operation.name)
            .join(Operation, Operation.id == Visit.operation_id)
            .where(Visit.incident_id.in_(ids[start : start + 500]))
            .distinct()
        ):
            if responding is not None:
                responded[responding].add((operation_id, name))
    rows = []
    for (monday, district), cell in sorted(counts.items()):
        kinds = tuple(sorted({kind for _, kind in cell}, key=list(IncidentKind).index))
        operations = sorted({op for i, _ in cell for op in responded.get(i, ())})
        rows.append(WeekDistrictRow(monday, district, len(cell), kinds, tuple(operations)))
    return rows
