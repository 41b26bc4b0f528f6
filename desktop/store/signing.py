"""Ed25519 signatures: each user's own signing key, and the installation's trust root.

Every account can unwrap the data key, so nothing derived from it can authenticate
the audit log or the user table against an insider. Two kinds of key cannot be
derived from it:

- each user's *signing key*: the private half is sealed in that user's own keyslot
  under their password; it signs the audit entries they write, their checkpoints and
  their own out-of-file anchor;
- the *trust root*, made at ``init``: its private half is sealed only to the slots of
  administrators and the recovery slot; it signs user accounts (name, role, agency,
  active, signing key), agencies, agency public keys and the installation record.

Every slot's data-key seal commits to the trust root's public key (see
``keyslots``), so a swapped trust root opens no other user's slot.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_RAW = serialization.Encoding.Raw


def new_private() -> bytes:
    """32 random bytes: a new Ed25519 private key."""
    return Ed25519PrivateKey.generate().private_bytes(
        _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_of(private: bytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(_RAW, serialization.PublicFormat.Raw)
    )


def sign(private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def valid(public: bytes | None, message: bytes, signature: bytes | None) -> bool:
    """True if ``signature`` is ``public``'s signature of ``message``; never raises."""
    if not public or not signature:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None


def fingerprint(public: bytes) -> str:
    """A short, printable name of a public key (for paper and messages)."""
    return hashlib.sha256(public).hexdigest()[:16]


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()


def record_message(database_id: str, kind: str, payload: dict[str, Any]) -> bytes:
    """What the trust root signs for one record of ``kind``."""
    return f"rondplan-record:{database_id}:{kind}:".encode() + canonical(payload)
