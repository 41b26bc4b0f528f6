"""Each user's last-seen audit head, kept outside the database file (issue 15).

The anchor lives in the user's own configuration folder (``platformdirs``), one file per
database id and user, signed with the user's own signing key. A rollback of the database
file, its WAL and its checkpoint together still leaves every user's anchor ahead of the
file: the next login of anyone who saw the later state reports it. A rollback that also
restores that user's configuration folder (a whole-disk image) is caught only by another
user's anchor, the paper anchor (``rondplan audit checkpoint``) or a server.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.store import signing
from desktop.store.files import atomic_write_bytes

ANCHOR_DIR_ENV = "RONDPLAN_ANCHOR_DIR"


@dataclass(frozen=True)
class Anchor:
    seq: int
    entry_hash: str


def anchor_folder() -> Path:
    if os.environ.get(ANCHOR_DIR_ENV):
        return Path(os.environ[ANCHOR_DIR_ENV])
    from platformdirs import user_config_path

    return user_config_path("Rondplan", appauthor=False) / "anchors"


def anchor_path(database_id: str, username: str) -> Path:
    safe_id = "".join(c for c in database_id if c.isalnum() or c in "-_.")[:80]
    safe_user = "".join(c for c in username if c.isalnum() or c in "-_.")[:80]
    return anchor_folder() / safe_id / f"{safe_user}.json"


def _message(database_id: str, username: str, seq: int, entry_hash: str) -> bytes:
    return f"rondplan-anchor:{database_id}:{username}:{seq}:{entry_hash}".encode()


class AnchorInvalid(Exception):
    """The anchor file exists but is not this user's signature (edited or foreign)."""


def read_anchor(database_id: str, username: str, public: bytes | None) -> Anchor | None:
    """This user's anchor of this database, None if there is none."""
    path = anchor_path(database_id, username)
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise AnchorInvalid from exc
    try:
        seq, entry_hash = int(data["seq"]), str(data["hash"])
        sig = signing.unb64(str(data["sig"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise AnchorInvalid from exc
    if not signing.valid(public, _message(database_id, username, seq, entry_hash), sig):
        raise AnchorInvalid
    return Anchor(seq, entry_hash)


def write_anchor(database_id: str, username: str, anchor: Anchor, sign: object) -> None:
    """Write the anchor, signed by ``sign`` (the user's ``EntrySigner.sign_bytes``)."""
    signature = sign(_message(database_id, username, anchor.seq, anchor.entry_hash))  # type: ignore[operator]
    path = anchor_path(database_id, username)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "database_id": database_id,
        "user": username,
        "seq": anchor.seq,
        "hash": anchor.entry_hash,
        "sig": signing.b64(signature),
    }
    atomic_write_bytes(path, json.dumps(payload).encode("utf-8"))
