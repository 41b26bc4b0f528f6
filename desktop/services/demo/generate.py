"""``generate_demo``: a believable, clearly fictitious Swedish dataset with a fixed seed.

Malmö scale by default (about 200 persons, 15 groups, one two-week operation with 36
visits); ``persons=100_000`` scales everything for the benchmarks. Everything is written
in one unit of work with one ``demo.generate`` audit entry, so the chain stays valid.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faker import Faker
from sqlalchemy import func, select

from desktop.models import Agency, Person, Setting, User
from desktop.services.demo import accounts, engagement, fieldwork, incidents, mapping, notes
from desktop.services.demo.accounts import ADMIN, DEMO_PASSWORD, DemoAccount, demo_accounts
from desktop.services.demo.sink import Sink
from desktop.services.uow import UnitOfWork
from desktop.store.compartment import CompartmentCipher
from desktop.store.creation import create_database
from desktop.store.crypto import KdfParams
from desktop.store.database import LockedDatabase
from desktop.store.errors import AlreadyExists
from desktop.store.interface import Store

DEFAULT_SEED = 2018
DEFAULT_PERSONS = 200
DEMO_SETTING = "demo_dataset"


class DemoStep(enum.StrEnum):
    """What ``generate_demo`` is doing; the views put it in words."""

    DATABASE = "database"  # the encrypted file, its keys and the administrator
    DATA = "data"  # persons, groups, the operation, call-ins, support, notes
    ACCOUNTS = "accounts"  # a keyslot per demo account: one Argon2id derivation each


# step, done, total (total 0 when the step has no count).
DemoProgress = Callable[[DemoStep, int, int], None]


def _no_progress(step: DemoStep, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class DemoSummary:
    """What was made: where, with which seed and reference date, how many of each."""

    path: Path
    seed: int
    today: dt.date
    counts: dict[str, int]
    accounts: tuple[DemoAccount, ...]
    password: str
    recovery_code: str
    operation_id: int


def generate_demo(
    path: Path,
    persons: int = DEFAULT_PERSONS,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    *,
    recovery_code: str | None = None,
    admin: Store | None = None,
    kdf: KdfParams | None = None,
    progress: DemoProgress = _no_progress,
) -> DemoSummary:
    """Fill ``path`` with fictitious data and demo accounts (password ``DEMO_PASSWORD``).

    A missing database is created with the administrator ``admin``. An existing one must
    hold no persons yet, and needs an unlocked administrator store and the recovery code
    (the notes of every agency are encrypted, so every compartment key is needed).
    The administrator's store is locked afterwards; log in again with any demo account.

    Args:
        path: The database file.
        persons: How many persons; groups, visits and deliveries scale with it.
        seed: The same seed and ``today`` give the same data.
        today: The reference date; the operation's visits before it have outcomes.
        recovery_code: For an existing database only.
        admin: For an existing database only: an unlocked administrator.
        kdf: Argon2id cost for the new accounts' keyslots (default: the real cost).
        progress: Told each step as it starts and each account's keyslot as it is made
            (called on the generating thread).
    """
    today = today or dt.date.today()
    if admin is None:
        if path.exists():
            raise AlreadyExists("demo.database_exists")
        progress(DemoStep.DATABASE, 0, 0)
        created = create_database(path, ADMIN, accounts.DISPLAY[ADMIN], DEMO_PASSWORD)
        admin, recovery_code = created.store, created.recovery_code
        # The administrator's slot was made at the default cost; rewrap it at ``kdf`` too.
        rewrap = {ADMIN} if kdf is not None else set()
    elif recovery_code is None:
        raise ValueError("recovery_code is needed for an existing database")
    else:
        rewrap = set()
    keys = LockedDatabase(path).unlock_with_recovery(recovery_code)
    ciphers = {code: CompartmentCipher(code, key) for code, key in keys.compartments.items()}
    try:
        progress(DemoStep.DATA, 0, 0)
        counts, new_users, operation_id = _fill(admin, persons, seed, today, ciphers)
        accounts.add_keyslots(
            admin.keyslots,
            keys,
            new_users | rewrap,
            kdf,
            lambda done, total: progress(DemoStep.ACCOUNTS, done, total),
            trust_root=admin.trust_root,
            trust_key=admin.trust_key,
        )
        _sign_accounts(admin, new_users | rewrap)
    finally:
        admin.lock()
    return DemoSummary(
        path, seed, today, counts, demo_accounts(), DEMO_PASSWORD, recovery_code, operation_id
    )


def _sign_accounts(admin: Store, names: set[str]) -> None:
    """The demo accounts signed with the trust root, as an administrator's creation is."""
    from desktop.services.security.integrity import sign_account

    if not names:
        return
    with UnitOfWork(admin, "Signera demokonton") as uow:
        signed = []
        for user in uow.session.scalars(select(User).where(User.username.in_(names))):
            slot = admin.keyslots.slots.get(user.username)
            sign_account(uow.session, admin, user, slot.sign_public if slot else None)
            signed.append(user.id)
        uow.audit("records.sign", "user", sorted(signed))


def _fill(
    store: Store, persons: int, seed: int, today: dt.date, ciphers: dict[str, CompartmentCipher]
) -> tuple[dict[str, int], set[str], int]:
    rng = random.Random(seed)
    fake = Faker("sv_SE")
    fake.seed_instance(seed)
    streets = sorted({fake.street_name() for _ in range(400)})
    scale = persons / DEFAULT_PERSONS
    now = dt.datetime.combine(today, dt.time(7, 30))
    with UnitOfWork(store, "Skapa demodata") as uow:
        session = uow.session
        if session.execute(select(func.count()).select_from(Person)).scalar():
            raise AlreadyExists("demo.database_not_empty")
        agency_ids = {a.code: a.id for a in session.scalars(select(Agency))}
        existing = set(session.scalars(select(User.username)))
        sink = Sink(session)
        users = accounts.add_users(sink, agency_ids, now, existing)
        new_users = set(users)
        users |= {
            name: uid
            for name, uid in session.execute(select(User.username, User.id))
            if name in existing
        }
        m = mapping.Mapped()
        mapping.build_groups(sink, rng, max(15, round(15 * scale)), today, m)
        mapping.build_relations(sink, rng, today, m)
        mapping.build_persons(sink, rng, persons, today, streets, m)
        staff = max(30, round(30 * math.sqrt(scale)))
        work = fieldwork.build_staff(sink, rng, staff, agency_ids, users)
        coordinator = users.get("samordnare.soc")
        fieldwork.build_main_operation(sink, rng, today, m, work, coordinator)
        history = 5 * persons - fieldwork.MAIN_VISITS if persons > DEFAULT_PERSONS else 0
        fieldwork.build_history(sink, rng, history, m, work, coordinator)
        # Violence and the response (issue 20): before the ledger and support stages,
        # which take the urgent visits as any other.
        incidents.build_incidents(
            sink,
            rng,
            today,
            m,
            work,
            max(incidents.PER_DEFAULT_DEMO, round(incidents.PER_DEFAULT_DEMO * scale)),
            (agency_ids["police"], users.get("handlaggare.polis")),
            ciphers.get("police"),
            coordinator,
        )
        no_shows = engagement.build_call_ins(sink, rng, today, m, work, persons // 2000)
        engagement.complete_ledger(sink, rng, m, work)
        referrals = engagement.build_support(sink, rng, today, m, work, agency_ids, users, 0.12)
        engagement.build_tasks(
            sink, rng, today, m, work, users, no_shows, referrals, max(8, persons // 20)
        )
        notes.build_notes(sink, rng, today, m, work, agency_ids, users, ciphers)
        notes.build_templates(sink, users.get(ADMIN) or store.identity.user_id, now)
        sink.add(
            Setting,
            {
                "key": DEMO_SETTING,
                "value": {
                    "fictitious": True,
                    "seed": seed,
                    "reference_date": today.isoformat(),
                    "persons": persons,
                },
            },
        )
        sink.flush()
        counts = dict(sorted(sink.counts.items()))
        uow.audit(
            "demo.generate",
            "database",
            (),
            detail=";".join(f"{name}={n}" for name, n in counts.items()),
        )
    return counts, new_users, work.operation_id
