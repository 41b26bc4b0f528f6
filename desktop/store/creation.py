"""A new encrypted database: its file, keyslots, trust root and first administrator."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Agency, AgencyKind, Role, Setting, User, utcnow
from desktop.store import crypto, migrate, sealed_box, signing, trust
from desktop.store.database import DATABASE_ID, LocalStore, LockedDatabase
from desktop.store.engine import connect_raw, make_engine, storage_errors
from desktop.store.errors import AlreadyExists
from desktop.store.keyslots import (
    PROTECTED_ADDRESSES,
    RECOVERY,
    KeyslotFile,
    UnlockedKeys,
    keyslot_path,
)

DEFAULT_AGENCIES: tuple[tuple[str, str, AgencyKind], ...] = (
    ("police", "Polisen", AgencyKind.POLICE),
    ("social", "Socialtjänsten", AgencyKind.SOCIAL),
    ("probation", "Kriminalvården", AgencyKind.PROBATION),
)


@dataclass(frozen=True)
class Created:
    store: LocalStore
    recovery_code: str


def seed_first_rows(
    session: Session,
    database_id: str,
    agencies: tuple[tuple[str, str, AgencyKind], ...],
    admin_username: str,
    admin_display_name: str,
    admin_agency: str,
) -> None:
    """A new database's id, its agencies and its first administrator (file or server)."""
    session.add(Setting(key=DATABASE_ID, value=database_id))
    by_code = {}
    for code, name, kind in agencies:
        agency = Agency(code=code, name=name, kind=kind)
        session.add(agency)
        by_code[code] = agency
    session.flush()
    session.add(
        User(
            username=admin_username,
            display_name=admin_display_name,
            role=Role.ADMINISTRATOR,
            agency_id=by_code[admin_agency].id,
            password_changed_at=utcnow(),
        )
    )


def create_database(
    path: Path,
    admin_username: str,
    admin_display_name: str,
    password: str,
    admin_agency: str = "social",
    agencies: tuple[tuple[str, str, AgencyKind], ...] = DEFAULT_AGENCIES,
) -> Created:
    """A new encrypted database, its keyslots and its first administrator.

    Nothing is left behind on failure: no half-made database, no plaintext file.
    """
    slots_path = keyslot_path(path)
    if path.exists() or slots_path.exists():
        raise AlreadyExists
    if admin_agency not in {code for code, _, _ in agencies}:
        raise ValueError(f"unknown agency {admin_agency!r}")
    data_key = crypto.new_key()
    compartments = {code: crypto.new_key() for code, _, _ in agencies}
    # Protected-identity addresses (issue 15): only the recovery slot at first; users
    # whose role needs it get it when created (desktop.services.protected_addresses).
    compartments[PROTECTED_ADDRESSES] = crypto.new_key()
    recovery_code = crypto.new_recovery_code()
    slots = KeyslotFile.new(slots_path)
    # Issue 15: the installation's trust root, held by the administrator and the
    # recovery code only, pinned in both slots.
    trust_key = signing.new_private()
    trust_root = signing.public_of(trust_key)
    slots.put(
        RECOVERY,
        recovery_code,
        UnlockedKeys(data_key, compartments),
        trust_root=trust_root,
        trust_key=trust_key,
    )
    slots.put(
        admin_username,
        password,
        UnlockedKeys(data_key, {admin_agency: compartments[admin_agency]}),
        trust_root=trust_root,
        trust_key=trust_key,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        slots.save()
        with storage_errors():
            connect_raw(path, data_key, create=True).close()
            engine = make_engine(path, lambda: data_key, pool_size=1)
            try:
                migrate.upgrade(engine)
                with Session(engine) as session, session.begin():
                    seed_first_rows(
                        session,
                        slots.database_id,
                        agencies,
                        admin_username,
                        admin_display_name,
                        admin_agency,
                    )
                    # Every agency's public key published now, so all are signed.
                    for code, _, _ in agencies:
                        key = compartments[code]
                        public = sealed_box.public_bytes(sealed_box.private_key_from(key))
                        session.add(
                            Setting(key=trust.AGENCY_KEY_PREFIX + code, value=signing.b64(public))
                        )
                    session.flush()
                    admin = session.scalars(
                        select(User).where(User.username == admin_username)
                    ).one()
                    admin_public = slots.slots[admin_username].sign_public
                    trust.establish(
                        session,
                        slots.database_id,
                        trust_key,
                        {admin.id: admin_public} if admin_public else {},
                    )
            finally:
                engine.dispose()
    except BaseException:
        for leftover in (path, slots_path, *path.parent.glob(path.name + "-*")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
    store = LockedDatabase(path).unlock(admin_username, password)
    return Created(store, recovery_code)
