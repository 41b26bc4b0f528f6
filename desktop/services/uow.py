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
from collections.abc import Iterable, Sequence
from types import TracebackType

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.models import AuditEntry, utcnow
from desktop.services import protected_addresses  # noqa: F401  (seals on flush, issue 15)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError
from desktop.store.audit_chain import GENESIS, Checkpoint, write_checkpoint
from desktop.store.engine import translate
from desktop.store.interface import Notice, Store
from desktop.store.trust import PENDING_SIGNATURES, SIGNED_IN_LOG

WORKSTATION = socket.gethostname()[:64]
_AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]


def audit_fields(
    store: Store,
    action: str,
    object_type: str | None = None,
    object_ids: Iterable[int] = (),
    purpose: str | None = None,
    detail: str = "",
    user_id: int | None = None,
    overrides: dict[str, object] | None = None,
) -> dict[str, object]:
    """The fields of one audit entry, without its place in the chain (seq, hashes).

    ``detail`` holds codes and counts only, never names or free text. ``at`` is left
    out unless ``overrides`` gives it: :func:`append_chain` stamps it under the lock.
    """
    identity = store.identity
    fields: dict[str, object] = {
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
    return fields


def append_chain(
    session: Session,
    store: Store,
    pending: Sequence[dict[str, object]],
    notice: Notice | None = None,
) -> Checkpoint | None:
    """Chain ``pending`` entries onto the log as the last step of a write transaction.

    The chain's lock is held from here to the commit that follows, so the caller does
    all its other work (flushes, triggers) first: the lock then covers only the head's
    read, one INSERT and the commit. ``notice`` (what changed, for other workstations)
    goes with the head's read. Returns the newest entry's checkpoint.
    """
    if not pending:
        if notice is not None:
            store.announce(session, *notice)
        return None
    if store.queue_audit(session, list(pending), notice):
        return None  # the server chains them after the commit (Store.audit_committed)
    last = store.audit_chain_head(session, notice)
    seq, prev_hash = last if last is not None else (0, GENESIS)
    now = utcnow()
    rows = []
    for given in pending:
        seq += 1
        fields = {"seq": seq, "at": now, **given}
        entry_hash = store.audit_signer.entry_hash(prev_hash, fields)
        row = {**fields, "prev_hash": prev_hash, "entry_hash": entry_hash}
        # A local file's entries carry their author's signature (issue 15).
        signature = store.audit_signer.sign_entry(entry_hash)
        if signature is not None:
            row["signature"] = signature
        rows.append(row)
        prev_hash = entry_hash
    # Core, not the ORM's bulk path: the entries are never read back as objects.
    session.connection().execute(insert(_AUDIT_TABLE), rows)
    return Checkpoint(seq, prev_hash)


class UnitOfWork:
    """One transaction with its actor, its description and its audit entries."""

    def __init__(self, store: Store, description: str) -> None:
        self.store = store
        self.description = description
        self.session: Session = store.write_session()
        self._kinds: set[str] = set()
        self._ids: set[tuple[str, int]] = set()
        self._pending: list[dict[str, object]] = []
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
        *,
        user_id: int | None = None,
        overrides: dict[str, object] | None = None,
    ) -> None:
        """Record one audit entry; it is chained and inserted just before the commit."""
        self._pending.append(
            audit_fields(
                self.store,
                action,
                object_type,
                object_ids,
                purpose,
                detail,
                user_id=user_id,
                overrides=overrides,
            )
        )
        # The unit's own changes reach the database now, as before, so ids and
        # conflicts show up where the service expects them; only the entry waits.
        self.session.flush()

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
                checkpoint = None
                try:
                    self.session.flush()
                    # Each signature the trust root gave in this unit, said in the log so
                    # an older one put back is known as stale (desktop.store.trust).
                    for said in self.session.info.pop(PENDING_SIGNATURES, []):
                        self._pending.append(
                            audit_fields(self.store, SIGNED_IN_LOG, "signed_record", (), None, said)
                        )
                    notice = (frozenset(self._kinds), frozenset(self._ids)) if self._kinds else None
                    # Last: the chain's lock (on the server) is held from here to commit.
                    checkpoint = append_chain(self.session, self.store, self._pending, notice)
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
                if checkpoint is not None:
                    self.store.note_head(checkpoint.seq, checkpoint.entry_hash)
                if checkpoint is not None and not self.store.checkpoint_frozen:
                    write_checkpoint(
                        self.store.checkpoint_path,
                        self.store.audit_signer,
                        self.store.database_id,
                        checkpoint,
                    )
                if checkpoint is None and self._pending:
                    self.store.audit_committed()  # the server chains them now
            else:
                self.session.rollback()
                if isinstance(exc, StaleDataError):
                    raise ConflictError() from exc
                translated = translate(exc)
                if translated is not exc:
                    raise translated from None
        finally:
            self.session.close()
