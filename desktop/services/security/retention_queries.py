"""What a retention run reads and deletes: query helpers that receive the session.

The service (``retention.py``) decides when and by which rule; these run inside its
unit of work. Visit starts, delivery and referral dates are Stockholm wall time;
timestamps are naive UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desktop.models import (
    Delivery,
    Note,
    Person,
    Referral,
    ReferralEvent,
    RetentionCategory,
    RetentionRule,
    Task,
    Visit,
)
from desktop.services.security.ledger import record_deleted
from desktop.store.sql import sql_of

LOCAL_ZONE = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class ReviewRow:
    """A person with no activity since ``last_activity`` (names shown to the admin only)."""

    person_id: int
    name: str
    last_activity: dt.datetime


def to_local(utc: dt.datetime) -> dt.datetime:
    """Naive UTC to naive Stockholm wall time, to compare with visit starts and dates."""
    return utc.replace(tzinfo=dt.UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def _to_utc(local: dt.datetime) -> dt.datetime:
    """Naive Stockholm wall time to naive UTC, to compare with stored timestamps."""
    return local.replace(tzinfo=LOCAL_ZONE).astimezone(dt.UTC).replace(tzinfo=None)


def delete_notes(session: Session, cutoff: dt.datetime, agency_id: int | None) -> int:
    query = select(Note.id).where(Note.created_at < cutoff)
    if agency_id is not None:
        query = query.where(Note.agency_id == agency_id)
    return _delete_note_ids(session, list(session.scalars(query)), ledger=True)


def _delete_note_ids(session: Session, ids: list[int], ledger: bool = False) -> int:
    if not ids:
        return 0
    if ledger:
        record_deleted(session, "note", ids)
    # The disclosure register row goes with its note; the audit entry keeps the act. On
    # a server the foreign key's cascade deletes it (users may not delete it themselves).
    sql_of(session).drop_disclosures_of(session, ids)
    session.execute(
        update(Note).where(Note.disclosed_from_id.in_(ids)).values(disclosed_from_id=None)
    )
    session.execute(delete(Note).where(Note.id.in_(ids)))
    return len(ids)


def delete_visits(session: Session, cutoff: dt.datetime) -> int:
    ids = list(session.scalars(select(Visit.id).where(Visit.starts_at < cutoff)))
    if not ids:
        return 0
    record_deleted(session, "visit", ids)
    _delete_visits_by_id(session, ids)
    return len(ids)


def delete_deliveries(session: Session, cutoff: dt.date) -> int:
    ids = list(session.scalars(select(Delivery.id).where(Delivery.delivered_on < cutoff)))
    if not ids:
        return 0
    record_deleted(session, "delivery", ids)
    result: Any = session.execute(delete(Delivery).where(Delivery.id.in_(ids)))
    return int(result.rowcount or 0)


def delete_referrals(session: Session, cutoff: dt.date, agency_id: int | None) -> int:
    query = select(Referral.id).where(Referral.closed_on.is_not(None), Referral.closed_on < cutoff)
    if agency_id is not None:
        query = query.where(Referral.responsible_agency_id == agency_id)
    ids = list(session.scalars(query))
    if not ids:
        return 0
    record_deleted(session, "referral", ids)
    _delete_referrals_by_id(session, ids)
    return len(ids)


def _delete_referrals_by_id(session: Session, ids: list[int]) -> None:
    session.execute(update(Task).where(Task.referral_id.in_(ids)).values(referral_id=None))
    # By id, without loading the rows: on a server an administrator's run reads no
    # referral's content (issue 16). Its status history goes first.
    session.execute(delete(ReferralEvent).where(ReferralEvent.referral_id.in_(ids)))
    session.execute(delete(Referral).where(Referral.id.in_(ids)))
    session.flush()


def inactive_persons(
    session: Session, rules: Sequence[RetentionRule], now: dt.datetime
) -> list[ReviewRow]:
    days = [r.keep_days for r in rules if r.category is RetentionCategory.PERSON and r.active]
    if not days:
        return []
    cutoff = now - dt.timedelta(days=min(days))
    last: dict[int, dt.datetime] = {
        pid: updated
        for pid, updated in session.execute(select(Person.id, Person.updated_at))
        if updated is not None
    }

    def bump(rows: object, local: bool = False) -> None:
        for pid, when in rows:  # type: ignore[attr-defined]
            if pid is None or when is None:
                continue
            if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
                when = dt.datetime.combine(when, dt.time())
            if local:
                when = _to_utc(when)
            if pid not in last or when > last[pid]:
                last[pid] = when

    bump(
        session.execute(
            select(Visit.person_id, func.max(Visit.starts_at)).group_by(Visit.person_id)
        ),
        local=True,
    )
    bump(
        session.execute(
            select(Delivery.person_id, func.max(Delivery.delivered_on)).group_by(Delivery.person_id)
        ),
        local=True,
    )
    bump(
        session.execute(
            select(Referral.person_id, func.max(Referral.updated_at)).group_by(Referral.person_id)
        )
    )
    bump(
        session.execute(select(Note.person_id, func.max(Note.created_at)).group_by(Note.person_id))
    )
    stale = sorted((when, pid) for pid, when in last.items() if when < cutoff)
    names = dict(
        session.execute(
            select(Person.id, Person.first_name + " " + Person.last_name).where(
                Person.id.in_([pid for _, pid in stale])
            )
        ).all()
    )
    return [ReviewRow(pid, names.get(pid, ""), when) for when, pid in stale]


def _with_merged(session: Session, person_ids: list[int]) -> list[int]:
    """The persons and every record merged into them (recursively), merged-away first.

    A merged-away record describes the same person; keeping it would revive him.
    """
    ordered: list[int] = []
    frontier = list(dict.fromkeys(person_ids))
    while frontier:
        ordered.extend(frontier)
        found = session.scalars(select(Person.id).where(Person.merged_into_id.in_(frontier)))
        frontier = [pid for pid in dict.fromkeys(found) if pid not in ordered]
    # Deepest first, so no deleted row is still pointed at by a remaining one.
    return list(reversed(ordered))


def delete_persons(session: Session, person_ids: list[int], ledger: bool = True) -> list[int]:
    """Delete persons, the records merged into them and all that only describes them.

    Returns the ids actually deleted; ``ledger`` writes them in the retention ledger.
    """
    from desktop.models import Invitation, OperationTarget, Relative

    deleted: list[int] = []
    for pid in _with_merged(session, person_ids):
        person = session.get(Person, pid)
        if person is None:
            continue
        _delete_note_ids(
            session, list(session.scalars(select(Note.id).where(Note.person_id == pid)))
        )
        visit_ids = list(session.scalars(select(Visit.id).where(Visit.person_id == pid)))
        if visit_ids:
            _delete_visits_by_id(session, visit_ids)
        session.execute(delete(Delivery).where(Delivery.person_id == pid))
        for referral in session.scalars(select(Referral).where(Referral.person_id == pid)):
            session.execute(
                update(Task).where(Task.referral_id == referral.id).values(referral_id=None)
            )
            session.delete(referral)
        session.execute(update(Task).where(Task.person_id == pid).values(person_id=None))
        session.execute(delete(OperationTarget).where(OperationTarget.person_id == pid))
        invitation_ids = select(Invitation.id).where(Invitation.person_id == pid)
        session.execute(
            update(Task).where(Task.invitation_id.in_(invitation_ids)).values(invitation_id=None)
        )
        session.execute(
            update(Delivery)
            .where(Delivery.invitation_id.in_(invitation_ids))
            .values(invitation_id=None)
        )
        session.execute(delete(Invitation).where(Invitation.person_id == pid))
        session.execute(
            update(Relative).where(Relative.linked_person_id == pid).values(linked_person_id=None)
        )
        session.flush()
        session.delete(person)
        session.flush()
        deleted.append(pid)
    if ledger and deleted:
        record_deleted(session, "person", deleted)
    session.flush()
    return deleted


def delete_by_ids(session: Session, kind: str, ids: list[int]) -> int:
    """Delete the records of ``kind`` among ``ids`` that exist (a restore's re-run of the
    ledger); returns how many there were. Not written to the ledger again."""
    if kind == "incident":  # issue 20
        from desktop.models import Incident
        from desktop.services.incidents.retention import delete_incidents_by_id

        there = list(session.scalars(select(Incident.id).where(Incident.id.in_(ids))))
        delete_incidents_by_id(session, there)
        return len(there)
    column = {"note": Note.id, "visit": Visit.id, "delivery": Delivery.id, "referral": Referral.id}[
        kind
    ]
    found = list(session.scalars(select(column).where(column.in_(ids)))) if ids else []
    if not found:
        return 0
    if kind == "note":
        _delete_note_ids(session, found)
    elif kind == "visit":
        _delete_visits_by_id(session, found)
    elif kind == "delivery":
        session.execute(delete(Delivery).where(Delivery.id.in_(found)))
    else:
        _delete_referrals_by_id(session, found)
    session.flush()
    return len(found)


def _delete_visits_by_id(session: Session, ids: list[int]) -> None:
    # A visit's notes go through the note path so their disclosure rows go too.
    _delete_note_ids(session, list(session.scalars(select(Note.id).where(Note.visit_id.in_(ids)))))
    for column in (Delivery.visit_id, Referral.visit_id, Task.visit_id, Visit.revisit_of_id):
        session.execute(update(column.class_).where(column.in_(ids)).values({column.key: None}))
    session.execute(delete(Visit).where(Visit.id.in_(ids)))
