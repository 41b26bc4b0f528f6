"""What an unlock checks: the account against the trust root, which key opens the file,
and the audit key stored in the database (shared by the file and the server stores)."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from desktop.models import Setting, User
from desktop.store import crypto, trust
from desktop.store.engine import connect_raw
from desktop.store.errors import StoreError, TamperedRecord
from desktop.store.interface import Identity
from desktop.store.keyslots import KeyslotFile, UnlockedKeys

AUDIT_KEY = "audit_key"


def stored_audit_key(engine: Engine, data_key: bytes) -> bytes:
    """The audit HMAC key: derived from the first data key, kept across rotations."""
    with Session(engine) as session:
        row = session.get(Setting, AUDIT_KEY)
    if row is None:
        return crypto.subkey(data_key, "audit")
    wrap = crypto.subkey(data_key, "audit-wrap")
    # Wrapped under the key of the last rotation and the one before it: whichever
    # a kill during the rekey left the file under, it opens (issue 15).
    for part in str(row.value).split(","):
        try:
            return crypto.open_sealed(wrap, base64.b64decode(part), b"audit-key")
        except crypto.UnwrapError:
            continue
    raise crypto.UnwrapError


def attested(
    session: Session, slots: KeyslotFile, keys: UnlockedKeys, user: User, identity: Identity
) -> tuple[Identity, str | None]:
    """Check the account and its agency against the trust root (issue 15).

    Returns the identity with its attestation and, if something was tampered with, a
    code for the login check to log and refuse (``services.security.integrity``).
    The first unlock after the trust root was made pins it in the user's slot.
    """
    if not slots.signs_records:
        # A server (issue 16): its grants and its own audit log enforce the account, as
        # at the server's login; the trust root's records (copied from a file by
        # migrate-to-server) are checked against a log only the auditor reads there.
        return identity, None
    try:
        records = trust.load(session, slots.database_id, keys.trust_pin)
        records.check_user(user)
        records.check_agency(user.agency)
    except TamperedRecord:
        return replace(identity, attestation=trust.broken(slots.database_id)), "record"
    if records.root is not None and keys.trust_pin is None:
        slots.pin_trust_root(user.username, keys, records.root)
    return replace(identity, attestation=trust.attest(records, user)), None


def opens(path: Path, key: bytes) -> bool:
    """Whether the database file at ``path`` opens with ``key``."""
    try:
        connect_raw(path, key).close()
    except StoreError:
        return False
    return True
