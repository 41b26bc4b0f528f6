"""kill -9 during writes: no acknowledged commit lost, no change without its audit entry."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from desktop.models import AuditEntry, Person
from desktop.services.security.audit import verify_chain
from desktop.store.database import LockedDatabase
from tests.factories import PASSWORD, fresh_database

WRITER = """
import sys
from desktop.models import Person
from desktop.services.uow import UnitOfWork
from desktop.store.database import LockedDatabase
store = LockedDatabase(__import__("pathlib").Path(sys.argv[1])).unlock("admin", sys.argv[2])
i = 0
while True:
    i += 1
    with UnitOfWork(store, "Skapa") as uow:
        person = Person(first_name="Skriv", last_name=f"Nr{i}")
        uow.session.add(person)
        uow.session.flush()
        uow.audit("person.create", "person", [person.id])
        pid = person.id
    print(pid, flush=True)
"""


def test_kill_loop(tmp_path):
    fresh = fresh_database(tmp_path)
    fresh.admin.lock()
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root)}
    acknowledged: list[int] = []
    for round_ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(fresh.path), PASSWORD],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # started and committing
        time.sleep(0.2 + 0.15 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged += [int(line) for line in (first + out).split()]
        store = LockedDatabase(fresh.path).unlock("admin", PASSWORD)
        try:
            with store.read_session() as session:
                persons = set(session.scalars(select(Person.id)))
                audited = {
                    int(ids)
                    for ids in session.scalars(
                        select(AuditEntry.object_ids).where(AuditEntry.action == "person.create")
                    )
                }
            report = verify_chain(store)
        finally:
            store.lock()
        assert set(acknowledged) <= persons, "an acknowledged commit was lost"
        assert persons == audited, "a change without its audit entry (or the reverse)"
        assert report.ok, report.message
    assert len(acknowledged) > 4
