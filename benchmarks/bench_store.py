"""Store figures: unlock time, and encrypted vs plain SQLite on the app's own workload.

The workload is the queries the pages make (person list page, search as you type, a
profile with addresses and memberships, the visits of a month, and one visit inserted
with its audit entry), run alternately on the same demo data in the encrypted file and
in a plain copy with the same connection settings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from benchmarks.core import Figure, median_seconds
from desktop.models import (
    Address,
    AuditEntry,
    Group,
    Membership,
    Person,
    Relative,
    Team,
    Visit,
    VisitStatus,
)
from desktop.store import crypto
from desktop.store import engine as store_engine
from desktop.store.audit_chain import AuditSigner
from desktop.store.creation import create_database
from desktop.store.database import LockedDatabase
from desktop.store.keyslots import keyslot_path

PASSWORD = "benchmark-lösenord-2026"
TODAY = dt.date(2026, 11, 18)


@contextlib.contextmanager
def _real_kdf() -> Iterator[None]:
    """The real Argon2id cost even if the test suite's cheap KDF is switched on."""
    saved = os.environ.pop("RONDPLAN_TEST_KDF", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["RONDPLAN_TEST_KDF"] = saved


def unlock_figure(folder: Path, repeat: int) -> Figure:
    with _real_kdf():
        path = folder / "unlock.db"
        create_database(path, "admin", "Admin", PASSWORD).store.lock()
        assert LockedDatabase(path).keyslots.slots["admin"].kdf == crypto.DEFAULT_KDF

        def unlock() -> None:
            store = LockedDatabase(path).unlock("admin", PASSWORD)
            with store.read_session() as s:
                s.execute(select(func.count()).select_from(Person)).scalar()
            store.lock()

        value = median_seconds(unlock, repeat)
    return Figure("unlock (Argon2id + open)", value, "s", "0.3–1.0 s", 0.3 <= value <= 1.0)


def _plain_engine(path: Path) -> Engine:
    """The same connection rules as the store's engine, without a key."""

    def connect() -> sqlcipher.Connection:
        conn = sqlcipher.connect(
            f"file:{path.as_posix()}?mode=rw",
            uri=True,
            check_same_thread=False,
            isolation_level=None,
        )
        for pragma in store_engine.PRAGMAS:
            conn.execute(pragma)
        return conn

    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=connect,
        poolclass=QueuePool,
        pool_size=4,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("rondplan_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Workload:
    """The app's own queries over one engine; ``round`` runs one mixed batch."""

    def __init__(self, engine: Engine, signer: AuditSigner, seed: int) -> None:
        self.engine = engine
        self.writer = engine.execution_options(rondplan_write=True)
        self.signer = signer
        self.rng = random.Random(seed)
        with Session(engine) as s:
            self.person_ids = list(s.scalars(select(Person.id)))
            self.team_ids = list(s.scalars(select(Team.id)))
            self.names = list(s.scalars(select(Person.last_name).distinct()))

    def list_page(self, s: Session) -> None:
        current = (
            select(Address.person_id, func.max(Address.id).label("address_id"))
            .where(Address.valid_to.is_(None))
            .group_by(Address.person_id)
            .subquery()
        )
        offset = self.rng.randrange(0, max(1, len(self.person_ids) - 100))
        s.execute(
            select(
                Person.id,
                Person.first_name,
                Person.last_name,
                Person.birth_date,
                Person.status,
                Address.area,
            )
            .outerjoin(current, current.c.person_id == Person.id)
            .outerjoin(Address, Address.id == current.c.address_id)
            .order_by(Person.last_name, Person.first_name, Person.id)
            .limit(100)
            .offset(offset)
        ).all()

    def search(self, s: Session) -> None:
        name = self.rng.choice(self.names)
        for end in range(3, min(len(name), 6) + 1):  # as the user types
            term = '"' + name[:end].replace('"', "") + '"'
            s.execute(
                text(
                    "SELECT p.id, p.first_name, p.last_name FROM person_search "
                    "JOIN person p ON p.id = person_search.rowid "
                    "WHERE person_search MATCH :q LIMIT 50"
                ),
                {"q": term},
            ).all()

    def profile(self, s: Session) -> None:
        pid = self.rng.choice(self.person_ids)
        s.get(Person, pid)
        s.execute(select(Address).where(Address.person_id == pid)).all()
        s.execute(select(Relative).where(Relative.person_id == pid)).all()
        s.execute(
            select(Membership.role, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.person_id == pid)
        ).all()
        s.execute(select(Visit.starts_at, Visit.status).where(Visit.person_id == pid)).all()

    def month(self, s: Session) -> None:
        start = dt.datetime(TODAY.year, TODAY.month, 1) - dt.timedelta(
            days=30 * self.rng.randrange(0, 6)
        )
        s.execute(
            select(
                Visit.id,
                Visit.starts_at,
                Visit.ends_at,
                Visit.status,
                Visit.team_id,
                Person.first_name,
                Person.last_name,
            )
            .join(Person, Person.id == Visit.person_id)
            .where(Visit.starts_at >= start, Visit.starts_at < start + dt.timedelta(days=31))
            .order_by(Visit.starts_at)
        ).all()

    def insert_visit(self) -> None:
        with Session(self.writer) as s, s.begin():
            starts = dt.datetime.combine(TODAY, dt.time(9)) + dt.timedelta(
                minutes=self.rng.randrange(0, 60 * 24 * 10)
            )
            visit = Visit(
                person_id=self.rng.choice(self.person_ids),
                team_id=self.rng.choice(self.team_ids),
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=1),
                status=VisitStatus.PLANNED,
            )
            s.add(visit)
            s.flush()
            last = s.execute(
                select(AuditEntry.seq, AuditEntry.entry_hash)
                .order_by(AuditEntry.seq.desc())
                .limit(1)
            ).one()
            fields = {
                "seq": last.seq + 1,
                "at": dt.datetime.now(),
                "user_id": 1,
                "role": "coordinator",
                "agency_id": 1,
                "workstation": "bench",
                "action": "visit.create",
                "object_type": "visit",
                "object_ids": str(visit.id),
                "purpose": None,
                "detail": "",
            }
            s.add(
                AuditEntry(
                    **fields,
                    prev_hash=last.entry_hash,
                    entry_hash=self.signer.entry_hash(last.entry_hash, fields),
                )
            )

    def round(self) -> None:
        with Session(self.engine) as s:
            for _ in range(5):
                self.list_page(s)
            for _ in range(10):
                self.search(s)
            for _ in range(5):
                self.profile(s)
            for _ in range(2):
                self.month(s)
        for _ in range(2):
            self.insert_visit()


def _timed(fn: Callable[[], None]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def encrypted_vs_plain_figure(folder: Path, persons: int, rounds: int) -> Figure:
    from desktop.services.demo import DEMO_PASSWORD, generate_demo

    path = folder / "enc.db"
    summary = generate_demo(path, persons=persons, seed=5, today=TODAY, kdf=crypto.TEST_KDF)
    keys = LockedDatabase(path).unlock_with_recovery(summary.recovery_code)
    plain = folder / "plain.db"
    conn = store_engine.connect_raw(path, keys.data_key)
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    store = LockedDatabase(path).unlock("samordnare.soc", DEMO_PASSWORD)
    plain_engine = _plain_engine(plain)
    try:
        encrypted = Workload(store.engine, store.audit_signer, 1)
        baseline = Workload(plain_engine, store.audit_signer, 1)
        encrypted.round()  # warm both page caches the same way
        baseline.round()
        enc_total = plain_total = 0.0
        for _ in range(rounds):
            enc_total += _timed(encrypted.round)
            plain_total += _timed(baseline.round)
    finally:
        store.lock()
        plain_engine.dispose()
    figure = Figure(
        "encrypted vs plain SQLite (workload)",
        enc_total / rounds,
        "s",
        "≤ 1.3 ×",
        enc_total / plain_total <= 1.3,
        plain_total / rounds,
        "plain SQLite",
    )
    assert keyslot_path(path).exists()
    return figure


def login_check_figure(folder: Path, entries: int) -> Figure:
    """The login's integrity check (issue 15) once the user has an anchor.

    The chain is walked from the user's own anchor; the first login of a user on a
    workstation (no anchor yet) checks every signature, like ``audit verify``.
    """
    from desktop.services.security import integrity
    from desktop.services.uow import UnitOfWork
    from desktop.store import anchors

    saved = os.environ.get(anchors.ANCHOR_DIR_ENV)
    os.environ[anchors.ANCHOR_DIR_ENV] = str(folder / "anchors")
    try:
        path = folder / "login.db"
        store = create_database(path, "admin", "Admin", PASSWORD).store
        for start in range(0, entries, 500):
            with UnitOfWork(store, "Läsning") as uow:
                for i in range(start, min(entries, start + 500)):
                    uow.audit("person.read", "person", [i])
        store.lock()  # writes the user's anchor
        store = LockedDatabase(path).unlock("admin", PASSWORD)
        value = median_seconds(lambda: integrity.check(store), 5)
        store.lock()
    finally:
        if saved is None:
            os.environ.pop(anchors.ANCHOR_DIR_ENV, None)
        else:
            os.environ[anchors.ANCHOR_DIR_ENV] = saved
    return Figure(
        f"login integrity check, {entries:,} signed entries (with anchor)",
        value,
        "s",
        "≤ 0.1 s (within the unlock budget)",
        value <= 0.1,
    )


def figures(quick: bool) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="rondplan-bench-") as tmp:
        folder = Path(tmp)
        return [
            unlock_figure(folder, 3 if quick else 5),
            login_check_figure(folder, 2_000 if quick else 20_000),
            encrypted_vs_plain_figure(folder, 2_000 if quick else 20_000, 10 if quick else 30),
        ]
