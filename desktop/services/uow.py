"""A user action is one unit of work: permission check, change and audit commit together.

Usage::

    with UnitOfWork(store, "Redigera person") as uow:
        person = uow.session.get(Person, person_id)
        ...
        uow.audit("person.update", "person", [person.id])
        uow.touched("person", person.id)
    return uow.changes
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from types import TracebackType

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.models import AuditEntry, utcnow
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError
from desktop.store.audit_chain import GENESIS, Checkpoint, write_checkpoint
from desktop.store.database import Store
from desktop.store.engine import translate

WORKSTATION = socket.gethostname()[:64]


def append_audit(
    session: Session,
    store: Store,
    action: str,
    object_type: str | None = None,
    object_ids: Iterable[int] = (),
    purpose: str | None = None,
    detail: str = "",
    user_id: int | None = None,
    overrides: dict[str, object] | None = None,
) -> AuditEntry:
    """Add one chained audit entry inside the caller's (write) transaction.

    ``detail`` holds codes and counts only, never names or free text.
    """
    identity = store.identity
    store.hold_audit_chain(session)
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq = (last.seq + 1) if last else 1
    prev_hash = last.entry_hash if last else GENESIS
    fields = {
        "seq": seq,
        "at": utcnow(),
        "user_id": identity.user_id if user_id is None else user_id,
        "role": identity.role.value,
        "agency_id": identity.agency_id,
        "workstation": WORKSTATION,
        "action": action,
        "object_type": object_type,
        "object_ids": ",".join(str(i) for i in object_ids),
        "purpose": purpose,
        "detail": detail,
    }
    # E.g. a failed login logged later: its own time, no role or agency of the logger.
    fields.update(overrides or {})
    entry = AuditEntry(
        **fields,
        prev_hash=prev_hash,
        entry_hash=store.audit_signer.entry_hash(prev_hash, fields),
    )
    session.add(entry)
    session.flush()
    return entry


class UnitOfWork:
    """One transaction with its actor, its description and its audit entries."""

    def __init__(self, store: Store, description: str) -> None:
        self.store = store
        self.description = description
        self.session: Session = store.write_session()
        self._kinds: set[str] = set()
        self._ids: set[tuple[str, int]] = set()
        self._last_entry: AuditEntry | None = None
        self.changes = Changes(description)

    def __enter__(self) -> UnitOfWork:
        self.session.begin()
        return self

    def audit(
        self,
        action: str,
        object_type: str | None = None,
        object_ids: Iterable[int] = (),
        purpose: str | None = None,
        detail: str = "",
    ) -> None:
        self._last_entry = append_audit(
            self.session, self.store, action, object_type, object_ids, purpose, detail
        )

    def touched(self, kind: str, *ids: int) -> None:
        self._kinds.add(kind)
        self._ids.update((kind, i) for i in ids)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                try:
                    if self._kinds:
                        self.store.announce(
                            self.session, frozenset(self._kinds), frozenset(self._ids)
                        )
                    self.session.commit()
                except StaleDataError as stale:
                    self.session.rollback()
                    raise ConflictError() from stale
                except Exception as error:
                    self.session.rollback()
                    translated = translate(error)
                    if translated is error:
                        raise
                    raise translated from None
                self.changes = Changes(
                    self.description, frozenset(self._kinds), frozenset(self._ids)
                )
                if self._last_entry is not None:
                    write_checkpoint(
                        self.store.checkpoint_path,
                        self.store.audit_signer,
                        self.store.database_id,
                        Checkpoint(self._last_entry.seq, self._last_entry.entry_hash),
                    )
            else:
                self.session.rollback()
                if isinstance(exc, StaleDataError):
                    raise ConflictError() from exc
                translated = translate(exc)
                if translated is not exc:
                    raise translated from None
        finally:
            self.session.close()
