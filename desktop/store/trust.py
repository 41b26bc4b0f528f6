"""The trust root's signed records: accounts, agencies, agency keys, the installation.

What is signed (``signing.record_message``):

- ``installation``: the database id, the trust root's public key, the first audit
  sequence number that must be signed, and the agency codes whose public keys are signed;
- ``user``: id, user name, role, agency id, active flag and the user's signing key;
- ``agency``: id, code, name, kind;
- ``agency_key``: an agency's code and its published X25519 public key.

A database made before migration 0007 has no trust root until an administrator logs in
after the upgrade; until then records are checked for nothing (``legacy``) and the
signing keys users register are taken on trust. That administrator's login signs the
records *as they stand* (docs/security.md, "Upgrade").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Agency, AuditEntry, Setting, SignedRecord, User
from desktop.store import signing
from desktop.store.errors import TamperedRecord

TRUST_ROOT = "trust_root"
SIGNED_FROM = "audit_signed_from"
AGENCY_KEY_PREFIX = "agency_public_key:"
INSTALLATION = "installation"


def user_payload(user: User, signing_public: str | None) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "role": getattr(user.role, "value", user.role),
        "agency_id": user.agency_id,
        "active": bool(user.active),
        "signing_public": signing_public,
    }


def agency_payload(agency: Agency) -> dict[str, Any]:
    return {
        "id": agency.id,
        "code": agency.code,
        "name": agency.name,
        "kind": getattr(agency.kind, "value", agency.kind),
    }


def agency_key_payload(code: str, value: object) -> dict[str, Any]:
    return {"code": code, "public_key": str(value)}


# Freshness (issue 15 review): a signature says what a record was, not that it still
# is. So every signature the trust root gives is said again in the signed, chained audit
# log ("record.sign", detail "<kind>:<ref>:<digest>", written by the unit of work that
# signs). An older signature put back in signed_record (a demoted user's old account, an
# agency key from before a rotation) no longer matches the newest entry for its record
# and is refused as tampered. Records signed before this was written have no entry and
# are taken as signed (the honest limit of an upgrade).
SIGNED_IN_LOG = "record.sign"
PENDING_SIGNATURES = "rondplan_record_signatures"


def signature_digest(signature: str | None) -> str:
    return hashlib.sha256((signature or "").encode("ascii")).hexdigest()[:32]


@dataclass
class Records:
    """The signed records of one database as read in one session, checked on demand."""

    database_id: str
    root: bytes | None
    signed_from: int
    signed_agency_keys: frozenset[str] = frozenset()
    installation_signed: bool = False
    _rows: dict[tuple[str, str], SignedRecord] = field(default_factory=dict)
    # Records whose stored signature is not the newest the log names for them.
    _stale: frozenset[tuple[str, str]] = frozenset()

    @property
    def legacy(self) -> bool:
        """True while the database has no trust root yet (upgraded, no admin login)."""
        return self.root is None

    def _valid(self, kind: str, payload: dict[str, Any], signature: str | None) -> bool:
        return signing.valid(
            self.root,
            signing.record_message(self.database_id, kind, payload),
            signing.unb64(signature),
        )

    def user_key(self, user: User) -> tuple[bytes | None, bool]:
        """The user's signing key and whether the trust root vouches for it.

        Raises TamperedRecord if the account (role, agency, active, key) is not the one
        the trust root signed.
        """
        row = self._rows.get(("user", str(user.id)))
        public = row.public_key if row is not None else None
        if self.legacy:
            return signing.unb64(public), False
        if ("user", str(user.id)) in self._stale:
            raise TamperedRecord()
        signature = row.signature if row is not None else None
        if self._valid("user", user_payload(user, public), signature):
            return signing.unb64(public), True
        # Signed before the user had a signing key (an upgraded database): the account
        # is as signed; the key the user registered since is taken on trust.
        if self._valid("user", user_payload(user, None), signature):
            return signing.unb64(public), False
        raise TamperedRecord()

    def check_user(self, user: User) -> None:
        self.user_key(user)

    def check_agency(self, agency: Agency) -> None:
        if self.legacy:
            return
        row = self._rows.get(("agency", str(agency.id)))
        if ("agency", str(agency.id)) in self._stale:
            raise TamperedRecord()
        if not self._valid("agency", agency_payload(agency), row.signature if row else None):
            raise TamperedRecord()

    def check_agency_key(self, code: str, value: object) -> None:
        if self.legacy:
            return
        row = self._rows.get(("agency_key", code))
        if ("agency_key", code) in self._stale:
            raise TamperedRecord()
        signature = row.signature if row else None
        if not self._valid("agency_key", agency_key_payload(code, value), signature):
            raise TamperedRecord()

    def installation_payload(self, agency_keys: frozenset[str] | None = None) -> dict[str, Any]:
        assert self.root is not None
        keys = self.signed_agency_keys if agency_keys is None else agency_keys
        return {
            "database_id": self.database_id,
            "trust_root": signing.b64(self.root),
            "audit_signed_from": self.signed_from,
            "agency_keys": sorted(keys),
        }


def load(session: Session, database_id: str, pin: bytes | None) -> Records:
    """Read the trust root and the signed records; check the installation record.

    ``pin``: the trust root this user's slot pinned. Raises TamperedRecord if the
    database names another trust root, none although the slot pinned one, or if the
    installation record is not the trust root's.
    """
    settings = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_([TRUST_ROOT, SIGNED_FROM]))
        ).all()
    )
    root = signing.unb64(str(settings[TRUST_ROOT])) if settings.get(TRUST_ROOT) else None
    if pin is not None and root != pin:
        raise TamperedRecord()
    try:
        signed_from = int(str(settings.get(SIGNED_FROM, 1)))
    except ValueError:
        raise TamperedRecord() from None
    rows = {(r.kind, r.ref): r for r in session.scalars(select(SignedRecord))}
    if root is None:
        # No trust root (an upgraded file before an administrator's login, a server):
        # nothing is checked against the log, which on a server only the auditor reads.
        return Records(database_id, root, signed_from, _rows=rows)
    records = Records(database_id, root, signed_from, _rows=rows, _stale=_stale(session, rows))
    if ("installation", INSTALLATION) in records._stale:
        raise TamperedRecord()
    install = rows.get(("installation", INSTALLATION))
    if install is None or not install.public_key:
        raise TamperedRecord()
    import json

    try:
        claimed = json.loads(install.public_key)
        records.signed_agency_keys = frozenset(str(c) for c in claimed.get("agency_keys", []))
    except (ValueError, AttributeError):
        raise TamperedRecord() from None
    if not records._valid("installation", records.installation_payload(), install.signature):
        raise TamperedRecord()
    records.installation_signed = True
    return records


def _stale(
    session: Session, rows: dict[tuple[str, str], SignedRecord]
) -> frozenset[tuple[str, str]]:
    """The records whose signature is not the newest one the audit log names."""
    newest: dict[tuple[str, str], str] = {}
    for (detail,) in session.execute(
        select(AuditEntry.detail).where(AuditEntry.action == SIGNED_IN_LOG).order_by(AuditEntry.seq)
    ):
        kind, _, rest = str(detail).partition(":")
        ref, _, digest = rest.rpartition(":")
        newest[(kind, ref)] = digest
    return frozenset(
        key
        for key, digest in newest.items()
        if signature_digest(rows[key].signature if key in rows else None) != digest
    )


def _put(session: Session, kind: str, ref: str, public: str | None, signature: str) -> None:
    row = session.get(SignedRecord, (kind, ref))
    if row is None:
        session.add(SignedRecord(kind=kind, ref=ref, public_key=public, signature=signature))
    else:
        row.public_key = public
        row.signature = signature
    # Said in the log by the unit of work that commits this (see SIGNED_IN_LOG).
    session.info.setdefault(PENDING_SIGNATURES, []).append(
        f"{kind}:{ref}:{signature_digest(signature)}"
    )


def _sign(records: Records, trust_key: bytes, kind: str, payload: dict[str, Any]) -> str:
    return signing.b64(
        signing.sign(trust_key, signing.record_message(records.database_id, kind, payload))
    )


def sign_user(
    session: Session, records: Records, trust_key: bytes, user: User, public: bytes | None
) -> None:
    """The trust root's signature of ``user`` as it is now (an administrator's change)."""
    text = signing.b64(public) if public else None
    _put(
        session,
        "user",
        str(user.id),
        text,
        _sign(records, trust_key, "user", user_payload(user, text)),
    )


def register_key(session: Session, user_id: int, public: bytes) -> None:
    """A user records their own signing key (first login after the upgrade)."""
    row = session.get(SignedRecord, ("user", str(user_id)))
    if row is None:
        session.add(SignedRecord(kind="user", ref=str(user_id), public_key=signing.b64(public)))
    elif not row.public_key:
        row.public_key = signing.b64(public)


def sign_agency(session: Session, records: Records, trust_key: bytes, agency: Agency) -> None:
    payload = agency_payload(agency)
    _put(session, "agency", str(agency.id), None, _sign(records, trust_key, "agency", payload))


def sign_agency_key(
    session: Session, records: Records, trust_key: bytes, code: str, value: object
) -> None:
    payload = agency_key_payload(code, value)
    _put(session, "agency_key", code, None, _sign(records, trust_key, "agency_key", payload))


def sign_installation(
    session: Session, records: Records, trust_key: bytes, agency_keys: frozenset[str]
) -> None:
    import json

    payload = records.installation_payload(agency_keys)
    _put(
        session,
        "installation",
        INSTALLATION,
        json.dumps({"agency_keys": payload["agency_keys"]}),
        _sign(records, trust_key, "installation", payload),
    )
    records.signed_agency_keys = agency_keys
    records.installation_signed = True


def establish(
    session: Session, database_id: str, trust_key: bytes, signing_keys: dict[int, bytes]
) -> Records:
    """Make ``trust_key`` the installation's trust root and sign every record as it is.

    At ``init`` (nothing to trust yet) and at the first administrator login after the
    upgrade to 0007 (whatever the file holds then is signed: the honest limit).
    """
    root = signing.public_of(trust_key)
    row = session.get(Setting, TRUST_ROOT)
    if row is None:
        session.add(Setting(key=TRUST_ROOT, value=signing.b64(root)))
    else:
        row.value = signing.b64(root)
    signed_from_row = session.get(Setting, SIGNED_FROM)
    signed_from = int(str(signed_from_row.value)) if signed_from_row is not None else 1
    if signed_from_row is None:
        session.add(Setting(key=SIGNED_FROM, value=1))
    session.flush()
    records = Records(database_id, root, signed_from)
    existing = {(r.kind, r.ref): r for r in session.scalars(select(SignedRecord))}
    for user in session.scalars(select(User)):
        current = existing.get(("user", str(user.id)))
        public = signing_keys.get(user.id) or (
            signing.unb64(current.public_key) if current is not None else None
        )
        sign_user(session, records, trust_key, user, public)
    for agency in session.scalars(select(Agency)):
        sign_agency(session, records, trust_key, agency)
    codes = set()
    for setting in session.scalars(
        select(Setting).where(Setting.key.startswith(AGENCY_KEY_PREFIX))
    ):
        code = setting.key[len(AGENCY_KEY_PREFIX) :]
        sign_agency_key(session, records, trust_key, code, setting.value)
        codes.add(code)
    sign_installation(session, records, trust_key, frozenset(codes))
    return records


@dataclass(frozen=True)
class Attestation:
    """The trust root's signature of the account a store was unlocked as.

    Carried by the ``Identity``; every permission decision checks it again against the
    identity's own fields, so an identity whose role or agency is not the signed one is
    refused (``desktop.services.permissions.require``).
    """

    root: bytes
    database_id: str
    signing_public: str | None
    signature: bytes | None
    # False when the record was found tampered at unlock: nothing is then permitted.
    intact: bool = True

    def holds(self, user_id: int, username: str, role: object, agency_id: int) -> bool:
        if not self.intact:
            return False
        for public in (self.signing_public, None):
            payload = {
                "id": user_id,
                "username": username,
                "role": getattr(role, "value", role),
                "agency_id": agency_id,
                "active": True,
                "signing_public": public,
            }
            message = signing.record_message(self.database_id, "user", payload)
            if signing.valid(self.root, message, self.signature):
                return True
        return False


def attest(records: Records, user: User) -> Attestation | None:
    """The attestation of ``user`` (None on a database without a trust root yet)."""
    if records.root is None:
        return None
    row = records._rows.get(("user", str(user.id)))
    return Attestation(
        records.root,
        records.database_id,
        row.public_key if row is not None else None,
        signing.unb64(row.signature) if row is not None else None,
    )


def broken(database_id: str) -> Attestation:
    """An attestation that permits nothing (the account or the installation was tampered)."""
    return Attestation(b"", database_id, None, None, intact=False)
