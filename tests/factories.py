"""Factories for tests: a fresh encrypted database per test, users of every role."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.models import Agency, Role, Setting, User
from desktop.services.security.integrity import sign_account
from desktop.services.uow import UnitOfWork
from desktop.store import signing
from desktop.store.creation import create_database
from desktop.store.database import LockedDatabase
from desktop.store.interface import Store
from desktop.store.keyslots import PROTECTED_ADDRESSES, UnlockedKeys
from desktop.store.trust import TRUST_ROOT

PASSWORD = "lösenord-för-test-123"


@dataclass
class Fresh:
    path: Path
    admin: Store
    recovery_code: str


def fresh_database(folder: Path, name: str = "rondplan.db") -> Fresh:
    created = create_database(folder / name, "admin", "Ada Administratör", PASSWORD)
    return Fresh(folder / name, created.store, created.recovery_code)


def add_user(fresh: Fresh, username: str, role: Role, agency_code: str) -> None:
    """A user row plus a keyslot holding the agency's compartment key.

    The compartment key comes from the recovery slot, as in an administrator's
    break-glass procedure.
    """
    admin = fresh.admin
    everything = recovery_keys(fresh)
    compartments = {agency_code: everything.compartments[agency_code]}
    if (
        role in (Role.COORDINATOR, Role.TEAM_LEAD)
        and PROTECTED_ADDRESSES in everything.compartments
    ):
        # Issue 15: the roles that plan visits and print packets hold protected addresses.
        compartments[PROTECTED_ADDRESSES] = everything.compartments[PROTECTED_ADDRESSES]
    keys = UnlockedKeys(everything.data_key, compartments)
    # As an administrator's "create user" does (issue 15): the slot pins the trust root
    # and the account is signed with the administrator's trust-root key.
    with admin.read_session() as session:
        root = session.get(Setting, TRUST_ROOT)
    admin.keyslots.put(
        username, PASSWORD, keys, trust_root=signing.unb64(str(root.value)) if root else None
    )
    admin.keyslots.save()
    with UnitOfWork(admin, "Skapa användare") as uow:
        agency = uow.session.query(Agency).filter_by(code=agency_code).one()
        user = User(
            username=username, display_name=username.title(), role=role, agency_id=agency.id
        )
        uow.session.add(user)
        uow.session.flush()
        sign_account(uow.session, admin, user, admin.keyslots.slots[username].sign_public)
        uow.audit("user.create", "user")


def fresh_with_users(folder: Path) -> Fresh:
    """A database with one user per role in the police and social-services agencies."""
    fresh = fresh_database(folder)
    for agency in ("police", "social", "probation"):
        for role in (Role.COORDINATOR, Role.TEAM_LEAD, Role.OFFICER):
            add_user(fresh, f"{role.value}_{agency}", role, agency)
    add_user(fresh, "auditor_social", Role.AUDITOR, "social")
    return fresh


def login(path: Path, username: str) -> Store:
    return locked(path).unlock(username, PASSWORD)


def locked(path: Path) -> LockedDatabase:
    """The database at ``path`` before anyone logs in (to unlock with any password)."""
    return LockedDatabase(path)


def recovery_keys(fresh: Fresh) -> UnlockedKeys:
    """Every key, from the recovery slot (an administrator's break-glass procedure)."""
    return LockedDatabase(fresh.path).unlock_with_recovery(fresh.recovery_code)


def database_args(path: Path) -> list[str]:
    """The command line's way to the database at ``path``."""
    return ["--db", str(path)]
