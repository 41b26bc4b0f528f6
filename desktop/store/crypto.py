"""Key derivation and wrapping. Nothing outside ``desktop.store`` sees a key.

Argon2id derives a key-encryption key (KEK) from a password; AES-256-GCM wraps the
random data key and the agency compartment keys under it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored with each keyslot so it can be raised later."""

    time_cost: int = 2
    memory_kib: int = 262_144
    parallelism: int = 2

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


# Tuned on the 2-core test machine to about 0.5 s (budget 0.3-1.0 s per unlock).
DEFAULT_KDF = KdfParams(time_cost=2, memory_kib=262_144, parallelism=2)
# Only for tests (RONDPLAN_TEST_KDF=1): a fresh encrypted database per test stays fast.
TEST_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


def default_kdf() -> KdfParams:
    return TEST_KDF if os.environ.get("RONDPLAN_TEST_KDF") == "1" else DEFAULT_KDF


class UnwrapError(Exception):
    """A wrapped key did not authenticate: wrong password or tampered slot."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive_kek(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """AES-256-GCM: a random nonce followed by ciphertext and tag."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise UnwrapError
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise UnwrapError from exc


def subkey(data_key: bytes, purpose: str) -> bytes:
    """A key for one purpose (e.g. the audit HMAC) derived from the data key."""
    return hmac.new(data_key, b"rondplan:" + purpose.encode(), hashlib.sha256).digest()


def new_recovery_code() -> str:
    """24 characters from an unambiguous alphabet, grouped for printing (~120 bits)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))
