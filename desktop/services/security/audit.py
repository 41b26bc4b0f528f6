"""Verifying the audit chain: the first bad entry, and rollback via the checkpoint.

Tampering found, as ``ChainProblem``:
- an entry edited: its HMAC no longer matches (``CHANGED``);
- an entry deleted: a gap in the sequence (``MISSING``);
- entries reordered or inserted: the link to the previous hash breaks (``LINK_BROKEN``);
- the newest entries cut off, or the whole file replaced by an older copy: the
  checkpoint beside the database names a later or different entry (``TRUNCATED``);
- the checkpoint itself edited, or missing although entries exist.
"""

from __future__ import annotations

import enum
import hmac
from dataclasses import dataclass

from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.wording import count
from desktop.store.audit_chain import FIELDS, GENESIS, CheckpointInvalid, read_checkpoint
from desktop.store.database import Store
from desktop.store.engine import storage_errors


class ChainProblem(enum.StrEnum):
    CHANGED = "changed"
    MISSING = "missing"
    LINK_BROKEN = "link_broken"
    TRUNCATED = "truncated"
    CHECKPOINT_INVALID = "checkpoint_invalid"
    CHECKPOINT_MISSING = "checkpoint_missing"


_MESSAGES = {
    ChainProblem.CHANGED: "post {seq} har ändrats i efterhand",
    ChainProblem.MISSING: "post {seq} saknas (borttagen)",
    ChainProblem.LINK_BROKEN: "kedjan bryts vid post {seq} (poster flyttade eller infogade)",
    ChainProblem.TRUNCATED: (
        "posterna från och med {seq} saknas: loggen har kapats eller databasen har "
        "ersatts med en äldre kopia"
    ),
    ChainProblem.CHECKPOINT_INVALID: "kontrollpunktsfilen (.audit) är ändrad eller hör "
    "till en annan databas",
    ChainProblem.CHECKPOINT_MISSING: "kontrollpunktsfilen (.audit) saknas; flytta alltid "
    "den tillsammans med databasen",
}


@dataclass(frozen=True)
class ChainReport:
    """The result of a verification. ``first_bad_seq`` is None when the chain is sound."""

    entries: int
    problem: ChainProblem | None = None
    first_bad_seq: int | None = None
    checkpoint_seq: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        if self.problem is None:
            return f"behandlingsloggen är hel ({count(self.entries, 'post', 'poster')})"
        return _MESSAGES[self.problem].format(seq=self.first_bad_seq)


def verify_chain(store: Store) -> ChainReport:
    """Walk every entry in sequence order, then compare the end with the checkpoint."""
    signer = store.audit_signer
    expected_seq = 1
    prev_hash = GENESIS
    count = 0
    columns = [getattr(AuditEntry, name) for name in FIELDS]
    query = select(*columns, AuditEntry.prev_hash, AuditEntry.entry_hash).order_by(AuditEntry.seq)
    hashes: dict[int, str] = {}
    try:
        checkpoint = read_checkpoint(store.checkpoint_path, signer, store.database_id)
    except CheckpointInvalid:
        return ChainReport(0, ChainProblem.CHECKPOINT_INVALID)
    with storage_errors(), store.read_session() as session:
        for row in session.execute(query).yield_per(2000):
            fields = {name: getattr(row, name) for name in FIELDS}
            seq = int(fields["seq"])
            count += 1
            if seq != expected_seq:
                return ChainReport(count, ChainProblem.MISSING, expected_seq)
            if row.prev_hash != prev_hash:
                return ChainReport(count, ChainProblem.LINK_BROKEN, seq)
            computed = signer.entry_hash(row.prev_hash, fields)
            if not hmac.compare_digest(computed, row.entry_hash):
                return ChainReport(count, ChainProblem.CHANGED, seq)
            prev_hash = row.entry_hash
            if checkpoint is not None and seq == checkpoint.seq:
                hashes[seq] = row.entry_hash
            expected_seq += 1
    last_seq = expected_seq - 1
    if checkpoint is None:
        if count:
            return ChainReport(count, ChainProblem.CHECKPOINT_MISSING)
        return ChainReport(0)
    if checkpoint.seq > last_seq:
        return ChainReport(count, ChainProblem.TRUNCATED, last_seq + 1, checkpoint.seq)
    if not hmac.compare_digest(hashes.get(checkpoint.seq, ""), checkpoint.entry_hash):
        # Same length but another history: a different copy of the database.
        return ChainReport(count, ChainProblem.TRUNCATED, checkpoint.seq, checkpoint.seq)
    return ChainReport(count, checkpoint_seq=checkpoint.seq)


def checkpoint_text(store: Store) -> str:
    """The checkpoint as text for printing and keeping on paper (seq, hash, MAC)."""
    try:
        cp = read_checkpoint(store.checkpoint_path, store.audit_signer, store.database_id)
    except CheckpointInvalid:
        return "Kontrollpunkten är ogiltig."
    if cp is None:
        return "Ingen kontrollpunkt ännu."
    mac = store.audit_signer.checkpoint_mac(store.database_id, cp.seq, cp.entry_hash)
    return (
        f"Rondplan behandlingslogg – kontrollpunkt\n"
        f"Databas: {store.database_id}\nPost: {cp.seq}\nHash: {cp.entry_hash}\nMAC: {mac}\n"
    )
