"""The tamper-evident audit chain: linked entries and checkpoints outside the file.

Local file (issue 15): each entry's hash is SHA-256(previous hash ‖ canonical fields) and
the entry carries its author's Ed25519 signature of that hash (``EntrySigner``); the
checkpoint beside the database is signed the same way by the user who wrote it. No key
every user can derive authenticates anything. Entries from before migration 0007 (and a
server's log) use the older HMAC(audit key, previous hash ‖ fields) (``AuditSigner``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.store import signing
from desktop.store.files import atomic_write_bytes

GENESIS = "0" * 64
FIELDS = (
    "seq",
    "at",
    "user_id",
    "role",
    "agency_id",
    "workstation",
    "action",
    "object_type",
    "object_ids",
    "purpose",
    "detail",
)


def _canonical(fields: dict[str, Any]) -> bytes:
    def norm(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.isoformat(timespec="microseconds")
        return value

    return json.dumps(
        {name: norm(fields.get(name)) for name in FIELDS}, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


class AuditSigner:
    """Computes entry hashes and checkpoint MACs; holds the audit key privately.

    The interface every store's signer offers: ``entry_hash``, ``sign_entry`` (None when
    entries are not signed, as on a server) and ``checkpoint_mac``.
    """

    signer_id: int | None = None

    def __init__(self, key: bytes) -> None:
        self.__key = key

    def legacy_hash(self, prev_hash: str, fields: dict[str, Any]) -> str:
        """The HMAC hash of an entry written before entries were signed."""
        return AuditSigner.entry_hash(self, prev_hash, fields)

    def sign_entry(self, entry_hash: str) -> str | None:
        return None

    def entry_hash(self, prev_hash: str, fields: dict[str, Any]) -> str:
        return hmac.new(
            self.__key, prev_hash.encode("ascii") + _canonical(fields), hashlib.sha256
        ).hexdigest()

    def checkpoint_mac(self, database_id: str, seq: int, entry_hash: str) -> str:
        message = f"checkpoint:{database_id}:{seq}:{entry_hash}".encode()
        return hmac.new(self.__key, message, hashlib.sha256).hexdigest()


def signed_entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """The hash of a signed entry: anyone can compute it, only its author can sign it."""
    return hashlib.sha256(
        b"rondplan-audit-v2:" + prev_hash.encode("ascii") + _canonical(fields)
    ).hexdigest()


def entry_message(database_id: str, entry_hash: str) -> bytes:
    return f"rondplan-audit-entry:{database_id}:{entry_hash}".encode()


def checkpoint_message(database_id: str, seq: int, entry_hash: str) -> bytes:
    return f"rondplan-checkpoint:{database_id}:{seq}:{entry_hash}".encode()


class EntrySigner(AuditSigner):
    """A local file's signer: the user's own Ed25519 key signs every entry they write."""

    def __init__(self, legacy_key: bytes, database_id: str, signer_id: int, private: bytes):
        super().__init__(legacy_key)
        self.database_id = database_id
        self.signer_id = signer_id
        self.__private = private

    def entry_hash(self, prev_hash: str, fields: dict[str, Any]) -> str:
        return signed_entry_hash(prev_hash, fields)

    def sign_entry(self, entry_hash: str) -> str | None:
        message = entry_message(self.database_id, entry_hash)
        return f"{self.signer_id}:{signing.b64(signing.sign(self.__private, message))}"

    def sign_checkpoint(self, seq: int, entry_hash: str) -> str:
        message = checkpoint_message(self.database_id, seq, entry_hash)
        return signing.b64(signing.sign(self.__private, message))

    def sign_bytes(self, message: bytes) -> bytes:
        """A signature of ``message`` by this user (their out-of-file anchor)."""
        return signing.sign(self.__private, message)


def split_signature(value: str | None) -> tuple[int, bytes] | None:
    """(signer id, signature) of an entry's ``signature`` column, None if unusable."""
    if not value or ":" not in value:
        return None
    who, _, sig = value.partition(":")
    raw = signing.unb64(sig)
    if not who.isdigit() or raw is None:
        return None
    return int(who), raw


@dataclass(frozen=True)
class ChainSummary:
    """The chain as a server verified it for a role that may not read it (issue 16).

    ``problem``: ``missing``, ``link_broken`` or ``changed`` at ``first_bad``, else None;
    ``hashes``: the entry hash at each seq asked for that exists.
    """

    entries: int
    problem: str | None
    first_bad: int | None
    head: tuple[int, str] | None
    hashes: dict[int, str]


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_hash: str
    # A signed checkpoint (local file since 0007): who signed it, and the signature.
    signer_id: int | None = None
    signature: bytes | None = None


def checkpoint_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit")


def write_checkpoint(path: Path, signer: AuditSigner, database_id: str, cp: Checkpoint) -> None:
    """Write the checkpoint; a signed one is never written over a later one (issue 15)."""
    if isinstance(signer, EntrySigner):
        try:
            on_disk = json.loads(path.read_bytes())
            if on_disk.get("database_id") == database_id and int(on_disk.get("seq", 0)) >= cp.seq:
                return  # never replace a later state with an older one
        except (OSError, ValueError, TypeError, AttributeError):
            pass
        payload: dict[str, object] = {
            "database_id": database_id,
            "seq": cp.seq,
            "hash": cp.entry_hash,
            "signer": signer.signer_id,
            "sig": signer.sign_checkpoint(cp.seq, cp.entry_hash),
        }
    else:
        payload = {
            "database_id": database_id,
            "seq": cp.seq,
            "hash": cp.entry_hash,
            "mac": signer.checkpoint_mac(database_id, cp.seq, cp.entry_hash),
        }
    atomic_write_bytes(path, json.dumps(payload).encode("utf-8"))


class CheckpointInvalid(Exception):
    """The checkpoint file was edited, or belongs to another database."""


def read_checkpoint(path: Path, signer: AuditSigner, database_id: str) -> Checkpoint | None:
    """The last checkpoint, None if there is none yet; raises if it was tampered with."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except ValueError as exc:
        raise CheckpointInvalid from exc
    try:
        seq, entry_hash = int(data["seq"]), str(data["hash"])
        if "sig" in data:
            # Signed (issue 15): the caller checks the signature with the signer's key.
            if data.get("database_id") != database_id:
                raise CheckpointInvalid
            sig = signing.unb64(str(data["sig"]))
            if sig is None:
                raise CheckpointInvalid
            return Checkpoint(seq, entry_hash, int(data["signer"]), sig)
        expected = signer.checkpoint_mac(database_id, seq, entry_hash)
        if data.get("database_id") != database_id or not hmac.compare_digest(
            expected, str(data["mac"])
        ):
            raise CheckpointInvalid
    except (KeyError, TypeError, ValueError) as exc:
        raise CheckpointInvalid from exc
    return Checkpoint(seq, entry_hash)
