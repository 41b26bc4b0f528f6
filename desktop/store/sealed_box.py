"""Sealing to an agency's public key, so anyone can write into a compartment they can't read.

A disclosure (utlämnande) copies a note into the receiving agency's compartment, but
the discloser holds no key of that agency. Each agency therefore has an X25519 key
pair derived from its compartment key: the public half is stored in the database,
the private half exists only in the memory of that agency's unlocked users.
A sealed box is: ephemeral public key (32) ‖ AES-256-GCM(HKDF(shared secret)).
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.store import crypto

_RAW = serialization.Encoding.Raw
_PUB = serialization.PublicFormat.Raw


def private_key_from(compartment_key: bytes) -> X25519PrivateKey:
    """The agency's private key: a deterministic function of its compartment key."""
    return X25519PrivateKey.from_private_bytes(crypto.subkey(compartment_key, "x25519"))


def public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(_RAW, _PUB)


def private_bytes(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=crypto.KEY_BYTES,
        salt=ephemeral + recipient,
        info=b"rondplan:sealed-box",
    ).derive(shared)


def seal_to(recipient_public: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """Encrypt for the holder of the private key matching ``recipient_public``."""
    ephemeral = X25519PrivateKey.generate()
    eph_pub = public_bytes(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    return eph_pub + crypto.seal(_box_key(shared, eph_pub, recipient_public), plaintext, aad)


def open_box(private: X25519PrivateKey, blob: bytes, aad: bytes = b"") -> bytes:
    """Decrypt a sealed box; raises ``crypto.UnwrapError`` if it is not for this key."""
    if len(blob) < 32:
        raise crypto.UnwrapError
    eph_pub, body = blob[:32], blob[32:]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError as exc:
        raise crypto.UnwrapError from exc
    return crypto.open_sealed(_box_key(shared, eph_pub, public_bytes(private)), body, aad)


def seal_for_agency(recipient_public: bytes, agency_code: str, text: str, context: str) -> bytes:
    """Seal ``text`` so that ``CompartmentCipher(agency_code).open_box`` opens it."""
    aad = f"compartment:{agency_code}:{context}".encode()
    return seal_to(recipient_public, text.encode("utf-8"), aad)
