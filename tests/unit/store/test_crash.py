"""A kill -9 loop during writes loses no acknowledged commit and no audit entry.

A child process commits one person per unit of work (with an audit entry naming its id)
and writes each id to a pipe only after the commit returned. The parent kills it with SIGKILL at
random moments, reopens the database and checks every acknowledged id, the integrity of
the file and that no change lacks its audit entry.
"""

from __future__ import annotations

import os
import random
import signal
import time
import traceback
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.models import AuditEntry, Person
from desktop.services.uow import UnitOfWork
from desktop.store.audit_chain import FIELDS, GENESIS
from desktop.store.database import LockedDatabase
from tests.factories import PASSWORD, fresh_database, login

KILLS = 24


def _writer(path: Path, out: int) -> None:
    """The child: commit one person per unit of work, acknowledge each id after commit."""
    store = LockedDatabase(path).unlock("admin", PASSWORD)
    os.write(out, b"ready\n")
    n = 0
    while True:
        n += 1
        with UnitOfWork(store, "Kraschtest") as uow:
            person = Person(first_name="Krasch", last_name=f"Test {n}", aliases="x" * (n % 700))
            uow.session.add(person)
            uow.session.flush()
            uow.audit("person.create", "person", [person.id])
        os.write(out, f"{person.id}\n".encode())


def _run_and_kill(path: Path, rng: random.Random) -> list[int]:
    """Fork a writer, SIGKILL it at a random moment, return the ids it acknowledged.

    A fork (rather than a fresh interpreter) skips the imports, so 20+ kills fit in
    CI time; the child is still a separate process that dies without any cleanup.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_end)
        try:
            _writer(path, write_end)
        except BaseException:
            os.write(write_end, b"error\n" + traceback.format_exc().encode())
        finally:
            os._exit(1)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        ready = stream.readline()
        assert ready == b"ready\n", ready + stream.read()
        # Wait for the first commit, so every kill lands while the child is writing.
        first = stream.readline()
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        out = (first + stream.read()).decode()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, out
    # A line cut off by the kill was never fully acknowledged.
    lines = out.split("\n")[:-1]
    return [int(line) for line in lines]


@pytest.mark.slow
def test_kill_9_during_writes_loses_no_acknowledged_commit(tmp_path):
    fresh = fresh_database(tmp_path)
    fresh.admin.lock()
    rng = random.Random(20181001)
    acknowledged: list[int] = []
    for _ in range(KILLS):
        acknowledged += _run_and_kill(fresh.path, rng)
    assert len(acknowledged) >= KILLS  # each child committed before it was killed

    store = login(fresh.path, "admin")
    with store.read_session() as s:
        persons = set(s.scalars(select(Person.id)))
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        integrity = s.execute(text("PRAGMA integrity_check")).scalars().all()
        cipher = s.execute(text("PRAGMA cipher_integrity_check")).scalars().all()
    assert integrity == ["ok"]
    assert cipher == []
    assert set(acknowledged) <= persons
    # Every committed change has its audit entry: they share one transaction.
    audited = {int(e.object_ids) for e in entries if e.action == "person.create"}
    assert audited == persons
    prev = GENESIS
    for entry in entries:
        fields = {name: getattr(entry, name) for name in FIELDS}
        assert entry.prev_hash == prev
        assert store.audit_signer.entry_hash(prev, fields) == entry.entry_hash
        prev = entry.entry_hash
    store.lock()
