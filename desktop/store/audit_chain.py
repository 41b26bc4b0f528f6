"""The tamper-evident audit chain: HMAC-linked entries and checkpoints outside the file.

Each entry's hash is HMAC(audit key, previous hash ‖ canonical fields). A checkpoint file
beside the database records the newest (seq, hash) under the same key, so replacing the
whole database with an older copy is detected too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """Computes entry hashes and checkpoint MACs; holds the audit key privately."""

    def __init__(self, key: bytes) -> None:
        self.__key = key

    def entry_hash(self, prev_hash: str, fields: dict[str, Any]) -> str:
        return hmac.new(
            self.__key, prev_hash.encode("ascii") + _canonical(fields), hashlib.sha256
        ).hexdigest()

    def checkpoint_mac(self, database_id: str, seq: int, entry_hash: str) -> str:
        message = f"checkpoint:{database_id}:{seq}:{entry_hash}".encode()
        return hmac.new(self.__key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_hash: str


def checkpoint_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit")


def write_checkpoint(path: Path, signer: AuditSigner, database_id: str, cp: Checkpoint) -> None:
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
        expected = signer.checkpoint_mac(database_id, seq, entry_hash)
        if data.get("database_id") != database_id or not hmac.compare_digest(
            expected, str(data["mac"])
        ):
            raise CheckpointInvalid
    except (KeyError, TypeError, ValueError) as exc:
        raise CheckpointInvalid from exc
    return Checkpoint(seq, entry_hash)
