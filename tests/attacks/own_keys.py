"""The insider's own tooling: unwrap the keys of their own slot from the ``.keys`` JSON.

Written from the file format alone (Argon2id, AES-256-GCM with the slot's associated
data), not with Rondplan's code, as someone with the file and their password would.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE = 12


@dataclass(frozen=True)
class OwnKeys:
    data_key: bytes
    compartments: dict[str, bytes]
    # Codes of keys sealed to the slot's box key since it was written (opened by the
    # next unlock); their presence is enough to know the user will hold them.
    pending_codes: frozenset[str] = frozenset()


def _open(kek: bytes, blob: bytes, aad: bytes) -> bytes:
    return AESGCM(kek).decrypt(blob[:NONCE], blob[NONCE:], aad)


def own_keys(db_path: Path, username: str, password: str) -> OwnKeys:
    """The data key and every compartment key the user's own slot opens."""
    data = json.loads(db_path.with_name(db_path.name + ".keys").read_bytes())
    slot = data["slots"][username]
    kdf = slot["kdf"]
    kek = hash_secret_raw(
        password.encode("utf-8"),
        base64.b64decode(slot["salt"]),
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )
    prefix = f"rondplan:{data['database_id']}:{username}:"
    data_key = _open(kek, base64.b64decode(slot["data_key"]), (prefix + "data").encode())
    compartments = {}
    for code, blob in slot.get("compartments", {}).items():
        try:
            compartments[code] = _open(
                kek, base64.b64decode(blob), (prefix + f"compartment:{code}").encode()
            )
        except InvalidTag:
            continue
    pending = frozenset(str(code) for code in slot.get("pending_compartments") or {})
    return OwnKeys(data_key, compartments, pending)
