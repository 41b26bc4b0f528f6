"""The retention ledger: what retention deleted, by table and id, never by name.

Every retention delete (a run, or an administrator's deletion of reviewed persons)
writes one ledger row per deleted record in the same unit of work. A restore reads the
ledger of the database it is about to replace (the newer one, opened with the same
user's password) and deletes again, in the restored copy, every record deleted after
the copy was taken (``reapply``); the copy then carries those ledger rows too, so a
later restore of an even older backup still knows them.

"After the copy was taken" is decided by time, not by id alone: SQLite may give a
deleted row's id to a newer row, and a backup taken after that holds a different record
under the same id. The copy's time is its newest audit entry (a backup writes one just
before the copy is made).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import AuditEntry, RetentionLedger, utcnow

KINDS = ("person", "note", "visit", "delivery", "referral", "incident")


@dataclass(frozen=True)
class LedgerEntry:
    kind: str
    record_id: int
    deleted_at: dt.datetime


def record_deleted(session: Session, kind: str, ids: Iterable[int]) -> None:
    """Write down ``ids`` of ``kind`` as deleted by retention now."""
    assert kind in KINDS
    now = utcnow()
    session.add_all(
        RetentionLedger(kind=kind, record_id=int(i), deleted_at=now) for i in dict.fromkeys(ids)
    )


def read_ledger(session: Session) -> list[LedgerEntry]:
    return [
        LedgerEntry(kind, record_id, at)
        for kind, record_id, at in session.execute(
            select(
                RetentionLedger.kind, RetentionLedger.record_id, RetentionLedger.deleted_at
            ).order_by(RetentionLedger.id)
        )
    ]


def copy_time(session: Session) -> dt.datetime | None:
    """When this copy was taken: its newest audit entry (None for an empty log)."""
    return session.scalar(select(func.max(AuditEntry.at)))


def reapply(session: Session, entries: Iterable[LedgerEntry], since: dt.datetime | None) -> int:
    """Delete again what ``entries`` deleted after ``since``; returns how many were here.

    Entries are also added to this database's ledger when it does not have them.
    """
    from desktop.services.security import retention_queries as q

    later = [e for e in entries if since is None or e.deleted_at >= since]
    known = {(e.kind, e.record_id, e.deleted_at) for e in read_ledger(session)}
    session.add_all(
        RetentionLedger(kind=e.kind, record_id=e.record_id, deleted_at=e.deleted_at)
        for e in later
        if (e.kind, e.record_id, e.deleted_at) not in known
    )
    removed = 0
    by_kind: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for e in later:
        if e.kind in by_kind:
            by_kind[e.kind].append(e.record_id)
    # Persons first: a person's notes, visits and deliveries go with them.
    removed += len(q.delete_persons(session, by_kind["person"], ledger=False))
    removed += q.delete_by_ids(session, "note", by_kind["note"])
    removed += q.delete_by_ids(session, "visit", by_kind["visit"])
    removed += q.delete_by_ids(session, "delivery", by_kind["delivery"])
    removed += q.delete_by_ids(session, "referral", by_kind["referral"])
    removed += q.delete_by_ids(session, "incident", by_kind["incident"])
    session.flush()
    return removed
