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
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.messages import Language, Phrase, words
from desktop.models import AuditEntry, Setting, User
from desktop.services.permissions import Action, allowed
from desktop.store import signing, trust
from desktop.store.audit_chain import (
    FIELDS,
    GENESIS,
    ChainSummary,
    Checkpoint,
    CheckpointInvalid,
    EntrySigner,
    checkpoint_message,
    entry_message,
    read_checkpoint,
    signed_entry_hash,
    split_signature,
)
from desktop.store.engine import storage_errors
from desktop.store.errors import TamperedRecord
from desktop.store.interface import Store


class ChainProblem(enum.StrEnum):
    CHANGED = "changed"
    MISSING = "missing"
    LINK_BROKEN = "link_broken"
    TRUNCATED = "truncated"
    CHECKPOINT_INVALID = "checkpoint_invalid"
    CHECKPOINT_MISSING = "checkpoint_missing"
    # Issue 15 (local file): an entry whose signature is not its author's, an unsigned
    # entry where every entry must be signed, a signed record (account, role, agency,
    # agency key) the trust root did not sign, a user's own anchor ahead of the file.
    SIGNATURE = "signature"
    UNSIGNED = "unsigned"
    RECORDS = "records"
    ANCHOR_AHEAD = "anchor_ahead"
    ANCHOR_INVALID = "anchor_invalid"


@dataclass(frozen=True)
class ChainReport:
    """The result of a verification. ``first_bad_seq`` is None when the chain is sound."""

    entries: int
    problem: ChainProblem | None = None
    first_bad_seq: int | None = None
    checkpoint_seq: int | None = None
    # The newest entry (seq, hash), and the hashes asked for with ``remember``.
    head: tuple[int, str] | None = None
    hashes: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def code(self) -> str:
        """What the verification found, a code the catalogue words (issue 18)."""
        if self.problem is None:
            return "chain.sound_one" if self.entries == 1 else "chain.sound"
        return f"chain.{self.problem.value}"

    @property
    def params(self) -> dict[str, object]:
        return {"entries": self.entries} if self.problem is None else {"seq": self.first_bad_seq}

    @property
    def message(self) -> str:
        """The Swedish words, for the audit log's own lines and ``rondplan check``."""
        return words(self.code, self.params)


def _signer_keys(session: Session, store: Store) -> tuple[dict[int, bytes], int] | None:
    """Each user's signing key the trust root vouches for, and the first signed seq.

    None if a signed record was tampered with.
    """
    try:
        records = trust.load(session, store.database_id, None)
        keys = {}
        for user in session.scalars(select(User)):
            public, _ = records.user_key(user)
            if public is not None:
                keys[user.id] = public
    except TamperedRecord:
        return None
    return keys, records.signed_from


def verify_chain(
    store: Store,
    signatures_after: int | None = None,
    remember: Iterable[int] = (),
    start: tuple[int, str] | None = None,
) -> ChainReport:
    """Walk every entry in sequence order, then compare the end with the checkpoint.

    On a local file every entry from ``audit_signed_from`` on must carry a valid
    signature of the user who wrote it. ``signatures_after``: check signatures only of
    entries after this seq (the login's check: earlier ones were checked by this user
    and are fixed by their anchor's hash); hashes and links are always checked.
    ``start``: the login's walk begins at the user's anchor (seq, hash) instead of the
    first entry: what came before is fixed by that hash against any re-chaining, and an
    edit in place before it stays in the log for ``audit verify`` to name. If the entry
    at ``start`` is missing or different, the report says ``ANCHOR_AHEAD``.
    """
    signer = store.audit_signer
    signed_mode = isinstance(signer, EntrySigner)
    expected_seq = 1
    prev_hash = GENESIS
    count = 0
    columns = [getattr(AuditEntry, name) for name in FIELDS]
    query = select(
        *columns, AuditEntry.prev_hash, AuditEntry.entry_hash, AuditEntry.signature
    ).order_by(AuditEntry.seq)
    if start is not None:
        query = query.where(AuditEntry.seq >= start[0])
        expected_seq = start[0]
    wanted = set(remember)
    hashes: dict[int, str] = {}
    store.settle_audit()  # a server chains what is still queued first
    invalid_checkpoint = False
    try:
        checkpoint = read_checkpoint(store.checkpoint_path, signer, store.database_id)
    except CheckpointInvalid:
        checkpoint, invalid_checkpoint = None, True
    if not allowed(store.identity.role, Action.AUDIT_READ):
        # On a server only the auditor reads the log: the server verifies it for the
        # others (issue 16; None on a local file, which every user's key opens).
        asked = sorted(wanted | ({checkpoint.seq} if checkpoint is not None else set()))
        with storage_errors():
            summary = store.audit_summary(asked)
        if summary is not None:
            return _summarised(summary, checkpoint, invalid_checkpoint)
    with storage_errors(), store.read_session() as session:
        keys: dict[int, bytes] = {}
        signed_from = 1
        if signed_mode:
            found = _signer_keys(session, store)
            if found is None:
                return ChainReport(0, ChainProblem.RECORDS)
            keys, signed_from = found
        if checkpoint is not None and checkpoint.signature is not None:
            if not signing.valid(
                keys.get(checkpoint.signer_id or 0),
                checkpoint_message(store.database_id, checkpoint.seq, checkpoint.entry_hash),
                checkpoint.signature,
            ):
                checkpoint, invalid_checkpoint = None, True
        elif checkpoint is not None and signed_mode and checkpoint.seq >= signed_from:
            # An HMAC checkpoint (anyone can make one) only for the log before 0007.
            checkpoint, invalid_checkpoint = None, True
        for row in session.execute(query).yield_per(2000):
            fields = {name: getattr(row, name) for name in FIELDS}
            seq = int(fields["seq"])
            count += 1
            if start is not None and count == 1:
                if seq != start[0] or row.entry_hash != start[1]:
                    return ChainReport(count, ChainProblem.ANCHOR_AHEAD, start[0])
                prev_hash = row.prev_hash  # what came before is fixed by the anchor
            if seq != expected_seq:
                return ChainReport(count, ChainProblem.MISSING, expected_seq)
            if row.prev_hash != prev_hash:
                return ChainReport(count, ChainProblem.LINK_BROKEN, seq)
            by_server = store.server_hash(row.prev_hash, fields)
            if by_server is not None:
                computed = by_server  # chained by the server itself (migration 0012)
            elif row.signature is not None:
                # A signed entry (a local file's, or one copied from it to a server,
                # where the server's own log takes over: its hash is checked there).
                computed = signed_entry_hash(row.prev_hash, fields)
            elif signed_mode and seq >= signed_from:
                return ChainReport(count, ChainProblem.UNSIGNED, seq)
            else:
                computed = signer.legacy_hash(row.prev_hash, fields)
            if not hmac.compare_digest(computed, row.entry_hash):
                return ChainReport(count, ChainProblem.CHANGED, seq)
            if (
                row.signature is not None
                and signed_mode
                and (signatures_after is None or seq > signatures_after)
            ):
                parts = split_signature(row.signature)
                # An entry is signed by the user it names; only events queued while
                # locked (no role: failed logins, a lock) are signed by whoever logged
                # in next and wrote them.
                if (
                    parts is not None
                    and fields["role"] is not None
                    and parts[0] != fields["user_id"]
                ):
                    parts = None
                if parts is None or not signing.valid(
                    keys.get(parts[0]),
                    entry_message(store.database_id, row.entry_hash),
                    parts[1],
                ):
                    return ChainReport(count, ChainProblem.SIGNATURE, seq)
            prev_hash = row.entry_hash
            if (checkpoint is not None and seq == checkpoint.seq) or seq in wanted:
                hashes[seq] = row.entry_hash
            expected_seq += 1
    last_seq = expected_seq - 1
    if start is not None and count == 0:
        return ChainReport(0, ChainProblem.ANCHOR_AHEAD, start[0])
    head = (last_seq, prev_hash) if last_seq else None
    return _against_checkpoint(count, head, hashes, checkpoint, invalid_checkpoint)


def _summarised(
    summary: ChainSummary, checkpoint: Checkpoint | None, invalid_checkpoint: bool
) -> ChainReport:
    """The server's verification as a report, compared with this workstation's checkpoint."""
    if summary.problem is not None:
        return ChainReport(summary.entries, ChainProblem(summary.problem), summary.first_bad)
    return _against_checkpoint(
        summary.entries, summary.head, summary.hashes, checkpoint, invalid_checkpoint
    )


def _against_checkpoint(
    count: int,
    head: tuple[int, str] | None,
    hashes: dict[int, str],
    checkpoint: Checkpoint | None,
    invalid_checkpoint: bool,
) -> ChainReport:
    last_seq = head[0] if head else 0
    if invalid_checkpoint:
        return ChainReport(count, ChainProblem.CHECKPOINT_INVALID, head=head, hashes=hashes)
    if checkpoint is None:
        if count:
            return ChainReport(count, ChainProblem.CHECKPOINT_MISSING, head=head, hashes=hashes)
        return ChainReport(0, head=head, hashes=hashes)
    if checkpoint.seq > last_seq:
        return ChainReport(
            count, ChainProblem.TRUNCATED, last_seq + 1, checkpoint.seq, head, hashes
        )
    if not hmac.compare_digest(hashes.get(checkpoint.seq, ""), checkpoint.entry_hash):
        # Same length but another history: a different copy of the database.
        return ChainReport(
            count, ChainProblem.TRUNCATED, checkpoint.seq, checkpoint.seq, head, hashes
        )
    return ChainReport(count, checkpoint_seq=checkpoint.seq, head=head, hashes=hashes)


def checkpoint_text(
    store: Store, db_label: str = "DATABAS", user: str = "NAMN", lang: Language = "sv"
) -> str:
    """The paper anchor: the verified head of the log and the command that compares it,
    in ``lang`` (issue 18).

    Kept on paper (or anywhere outside the computer), it catches a rollback of
    everything on the computer, the users' folders included (docs/security.md).
    """

    def line(code: str, **params: object) -> str:
        return words(code, params, lang)

    report = verify_chain(store)
    root = _trust_root_fingerprint(store)
    lines = [line("anchor.title"), line("anchor.database", id=str(store.database_id))]
    if root:
        lines.append(line("anchor.root_key", fingerprint=root))
    if report.head is None:
        lines.append(line("anchor.no_entry"))
        return "\n".join(lines) + "\n"
    seq, entry_hash = report.head
    if not report.ok:
        lines.append(line("anchor.warning", finding=words(report.code, report.params, lang)))
    lines += [
        line("anchor.entry", seq=str(seq)),
        f"Hash: {entry_hash}",
        line("anchor.compare_later"),
        f"  rondplan audit compare --db {db_label} --user {user} --seq {seq} --hash {entry_hash}",
    ]
    if store.checkpoint_path.exists() and not isinstance(store.audit_signer, EntrySigner):
        mac = store.audit_signer.checkpoint_mac(store.database_id, seq, entry_hash)
        lines.append(f"MAC: {mac}")
    return "\n".join(lines) + "\n"


def _trust_root_fingerprint(store: Store) -> str | None:
    with storage_errors(), store.read_session() as session:
        value = session.get(Setting, trust.TRUST_ROOT)
    raw = signing.unb64(str(value.value)) if value is not None else None
    return signing.fingerprint(raw) if raw else None


@dataclass(frozen=True)
class Comparison:
    """What the paper anchor's comparison found: a code the catalogue words."""

    ok: bool
    code: str
    params: dict[str, object] = field(default_factory=dict)


def compare_with_paper(store: Store, seq: int, entry_hash: str) -> Comparison:
    """Does the file still hold the paper anchor's entry, with the same history?"""
    entry_hash = entry_hash.strip().lower()
    if len(entry_hash) < 16 or any(c not in "0123456789abcdef" for c in entry_hash):
        return Comparison(False, "anchor.hash_format")
    report = verify_chain(store, remember=[seq])
    if not report.ok and report.problem not in (
        ChainProblem.TRUNCATED,
        ChainProblem.CHECKPOINT_MISSING,
        ChainProblem.CHECKPOINT_INVALID,
    ):
        finding = Phrase(report.code, report.params)
        return Comparison(False, "anchor.log_broken", {"finding": finding})
    last = report.head[0] if report.head else 0
    if seq > last:
        return Comparison(False, "anchor.rolled_back", {"last": str(last), "seq": str(seq)})
    if not report.hashes.get(seq, "").startswith(entry_hash):
        return Comparison(False, "anchor.other_history", {"seq": str(seq)})
    return Comparison(True, "anchor.matches", {"seq": str(seq)})
