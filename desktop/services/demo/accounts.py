"""Demo login accounts: every role in every agency, one documented password."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.models import Role, User
from desktop.services.demo.sink import Sink
from desktop.services.protected_addresses import needs_key
from desktop.store.crypto import KdfParams
from desktop.store.keyslots import PROTECTED_ADDRESSES, KeyslotFile, UnlockedKeys

#: The one password of every demo account (documented in the README).
DEMO_PASSWORD = "demo-lösenord-2026"
ADMIN = "admin"

AGENCY_SUFFIX = {"police": "polis", "social": "soc", "probation": "kriminalvarden"}
ROLE_PREFIX = {
    Role.COORDINATOR: "samordnare",
    Role.TEAM_LEAD: "teamledare",
    Role.OFFICER: "handlaggare",
}
DISPLAY = {
    "samordnare.polis": "Karin Lindqvist",
    "samordnare.soc": "Amina Farah",
    "samordnare.kriminalvarden": "Tomasz Nowak",
    "teamledare.polis": "Emir Hodžić",
    "teamledare.soc": "Malin Åberg",
    "teamledare.kriminalvarden": "Layla Haddad",
    "handlaggare.polis": "Oskar Bengtsson",
    "handlaggare.soc": "Zeynep Yılmaz",
    "handlaggare.kriminalvarden": "Minh Nguyễn",
    "granskare": "Ingrid Sjöberg",
    ADMIN: "Demo Administratör",
}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    agency_code: str
    display_name: str


def demo_accounts() -> tuple[DemoAccount, ...]:
    """The accounts the demo creates, the administrator first."""
    accounts = [DemoAccount(ADMIN, Role.ADMINISTRATOR, "social", DISPLAY[ADMIN])]
    for role, prefix in ROLE_PREFIX.items():
        for code, suffix in AGENCY_SUFFIX.items():
            name = f"{prefix}.{suffix}"
            accounts.append(DemoAccount(name, role, code, DISPLAY[name]))
    accounts.append(DemoAccount("granskare", Role.AUDITOR, "social", DISPLAY["granskare"]))
    return tuple(accounts)


def add_users(
    sink: Sink, agency_ids: dict[str, int], now: dt.datetime, existing: set[str]
) -> dict[str, int]:
    """User rows for every demo account not already in the database; name -> id."""
    ids: dict[str, int] = {}
    for account in demo_accounts():
        if account.username in existing:
            continue
        uid = sink.next_id(User)
        ids[account.username] = uid
        sink.add(
            User,
            {
                "id": uid,
                "username": account.username,
                "display_name": account.display_name,
                "role": account.role,
                "agency_id": agency_ids[account.agency_code],
                "active": True,
                "last_login_at": None,
                "password_changed_at": now,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            },
        )
    return ids


def add_keyslots(
    keyslots: KeyslotFile,
    keys: UnlockedKeys,
    names: set[str],
    kdf: KdfParams | None,
    progress: Callable[[int, int], None] | None = None,
    trust_root: bytes | None = None,
    trust_key: bytes | None = None,
) -> None:
    """A slot per new account: the data key and its own agency's compartment key.

    Coordinators and team leads also get the protected-address key.

    The auditor reads the access log, not case notes, so holds no compartment key.
    ``progress(done, total)`` follows the slots, one Argon2id derivation each.
    """
    wanted = [account for account in demo_accounts() if account.username in names]
    for done, account in enumerate(wanted):
        if progress is not None:
            progress(done, len(wanted))
        compartments = (
            {}
            if account.role is Role.AUDITOR
            else {account.agency_code: keys.compartments[account.agency_code]}
        )
        # Issue 15: the roles that plan visits and print packets hold the protected-address
        # key (from the recovery slot), so their first login seals the demo's addresses;
        # otherwise nobody would ever hold it and they would stay plain.
        if needs_key(account.role) and PROTECTED_ADDRESSES in keys.compartments:
            compartments[PROTECTED_ADDRESSES] = keys.compartments[PROTECTED_ADDRESSES]
        # Issue 15: each slot pins the trust root; administrators' also hold its key.
        admin = account.role is Role.ADMINISTRATOR
        keyslots.put(
            account.username,
            DEMO_PASSWORD,
            UnlockedKeys(keys.data_key, compartments),
            kdf,
            trust_root=trust_root,
            trust_key=trust_key if admin else None,
        )
    keyslots.save()
    if progress is not None:
        progress(len(wanted), len(wanted))
