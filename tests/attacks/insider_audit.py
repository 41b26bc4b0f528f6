"""The insider's tooling for the audit log of a local file (issue 15 attack tests).

The insider has the file, their own password and the source code. With their own slot
they unwrap the data key (and, since issue 15, their own signing key), open the raw file
with sqlcipher3, drop the append-only triggers, change entries and chain them again with
everything they can derive: the HMAC key every account derives from the data key, the
public hash of a signed entry, and a signature with their own key. Then they write the
checkpoint beside the file again the same way.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.store import audit_chain, crypto
from desktop.store.keyslots import KeyslotFile, keyslot_path

COLUMNS = (
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


class Insider:
    """One user's own keys and a raw connection to the file."""

    def __init__(self, path: Path, username: str, password: str) -> None:
        self.path = path
        slots = KeyslotFile.load(keyslot_path(path))
        self.database_id = slots.database_id
        keys = slots.unlock(username, password)
        self.data_key = keys.data_key
        # Since issue 15 a slot also holds its owner's signing key; before, none.
        self.signing_key: bytes | None = getattr(keys, "signing_key", None)
        self.conn = sqlcipher.connect(str(path), isolation_level=None)
        self.conn.execute(f"PRAGMA key = \"x'{self.data_key.hex()}'\"")
        self.conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        self.conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        self.user_id = self.conn.execute(
            "SELECT id FROM user_account WHERE username = ?", (username,)
        ).fetchone()[0]
        self.signed = any(
            row[1] == "signature" for row in self.conn.execute("PRAGMA table_info(audit_entry)")
        )

    def close(self) -> None:
        self.conn.close()

    # -- what the insider derives ----------------------------------------------------
    def _hmac_key(self) -> bytes:
        row = self.conn.execute("SELECT value FROM setting WHERE key = 'audit_key'").fetchone()
        if row is None:
            return crypto.subkey(self.data_key, "audit")
        wrap = crypto.subkey(self.data_key, "audit-wrap")
        return crypto.open_sealed(wrap, base64.b64decode(json.loads(row[0])), b"audit-key")

    def _hash(self, prev: str, fields: dict[str, object]) -> str:
        canonical = json.dumps(
            {name: fields.get(name) for name in COLUMNS}, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")
        if self.signed and self.signing_key is not None:
            return hashlib.sha256(b"rondplan-audit-v2:" + prev.encode() + canonical).hexdigest()
        return hmac.new(self._hmac_key(), prev.encode() + canonical, hashlib.sha256).hexdigest()

    def _sign(self, message: bytes) -> str:
        assert self.signing_key is not None
        sig = Ed25519PrivateKey.from_private_bytes(self.signing_key).sign(message)
        return base64.b64encode(sig).decode("ascii")

    # -- the attack ------------------------------------------------------------------
    def entries(self) -> list[dict[str, object]]:
        rows = self.conn.execute(
            f"SELECT {', '.join(COLUMNS)} FROM audit_entry ORDER BY seq"
        ).fetchall()
        return [dict(zip(COLUMNS, row, strict=True)) for row in rows]

    def rewrite(self, entries: list[dict[str, object]]) -> None:
        """Replace the whole log by ``entries`` (renumbered), chained and signed again."""
        self.conn.execute("DELETE FROM audit_entry")
        prev = "0" * 64
        for seq, given in enumerate(entries, start=1):
            fields = {**given, "seq": seq}
            # Times as the application stores and hashes them.
            at = str(fields["at"])
            fields["at"] = at.replace(" ", "T") if "T" not in at else at
            entry_hash = self._hash(prev, fields)
            values = [fields[name] for name in COLUMNS]
            values[1] = at
            columns = [*COLUMNS, "prev_hash", "entry_hash"]
            values += [prev, entry_hash]
            if self.signed and self.signing_key is not None:
                message = f"rondplan-audit-entry:{self.database_id}:{entry_hash}".encode()
                columns.append("signature")
                values.append(f"{self.user_id}:{self._sign(message)}")
            marks = ", ".join("?" for _ in columns)
            self.conn.execute(
                f"INSERT INTO audit_entry ({', '.join(columns)}) VALUES ({marks})", values
            )
            prev = entry_hash
        self._checkpoint(len(entries), prev)

    def _checkpoint(self, seq: int, entry_hash: str) -> None:
        path = audit_chain.checkpoint_path(self.path)
        if self.signing_key is not None:
            message = f"rondplan-checkpoint:{self.database_id}:{seq}:{entry_hash}".encode()
            payload: dict[str, object] = {
                "database_id": self.database_id,
                "seq": seq,
                "hash": entry_hash,
                "signer": self.user_id,
                "sig": self._sign(message),
            }
        else:
            mac = hmac.new(
                self._hmac_key(),
                f"checkpoint:{self.database_id}:{seq}:{entry_hash}".encode(),
                hashlib.sha256,
            ).hexdigest()
            payload = {"database_id": self.database_id, "seq": seq, "hash": entry_hash, "mac": mac}
        path.write_text(json.dumps(payload))
