"""A restore of a backup taken before a retention deletion must not bring the person back.

Before issue 15 the restored copy simply held the deleted person again, silently. Now
the restore reads the retention ledger (ids, no names) of the database it replaces and
deletes again what was deleted after the copy was taken, logs it and says how many.
Then the restored file is searched with a user's own password and sqlcipher3 (the
administrator's here: any account's key opens the same pages).
"""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select

from desktop.models import AuditEntry, Person
from desktop.services.security import SecurityServices
from desktop.services.security.backups import restore
from desktop.services.uow import UnitOfWork
from tests.attacks.own_keys import own_keys
from tests.attacks.test_file_retention_traces import insider_plaintext_pages, trigrams
from tests.factories import PASSWORD, fresh_database, login

DOOMED = ("Öqåzäxöv", "Väqözåbä")


def test_restore_of_an_older_backup_brings_back_no_deleted_person(tmp_path):
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Data") as uow:
        doomed = Person(first_name=DOOMED[0], last_name=DOOMED[1])
        uow.session.add(doomed)
        uow.session.add(Person(first_name="Annika", last_name="Berglund"))
        uow.session.flush()
        doomed_id = doomed.id
    security = SecurityServices.build(fresh.admin, backup_folder=tmp_path / "b")
    backup = security.backups.backup_now()
    security.reauth.confirm(PASSWORD)
    security.retention.delete_reviewed_persons([doomed_id])
    fresh.admin.lock()

    lines = restore(backup, fresh.path, "admin", PASSWORD)

    # The insider, with their own password and the raw file: no trace of the person.
    key = own_keys(fresh.path, "admin", PASSWORD).data_key
    conn = sqlcipher.connect(str(fresh.path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    names = conn.execute("SELECT first_name, last_name FROM person ORDER BY id").fetchall()
    conn.close()
    assert names == [("Annika", "Berglund")]
    pages = insider_plaintext_pages(fresh.path, "admin")
    assert [t for t in trigrams(DOOMED) if t in pages] == []
    # The administrator is told how many were removed again.
    said = {line.name: line for line in lines}
    assert said["gallring"].ok
    assert said["gallring"].message.startswith("1 uppgifter som gallrats efter kopian")
    # The re-deletion is in the audit log of the restored database, with its count.
    admin = login(fresh.path, "admin")
    with admin.read_session() as session:
        details = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "retention.reapply")
        ).all()
    admin.lock()
    assert details == ["removed=1;ledger=read"]


def test_restore_keeps_a_person_created_after_the_deletion(tmp_path):
    """An id the deleted person had, reused by a newer person, is not deleted again."""
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Data") as uow:
        doomed = Person(first_name=DOOMED[0], last_name=DOOMED[1])
        uow.session.add(doomed)
        uow.session.flush()
        doomed_id = doomed.id
    security = SecurityServices.build(fresh.admin, backup_folder=tmp_path / "b")
    security.reauth.confirm(PASSWORD)
    security.retention.delete_reviewed_persons([doomed_id])
    with UnitOfWork(fresh.admin, "Data") as uow:
        newer = Person(first_name="Ny", last_name="Person")
        uow.session.add(newer)
        uow.session.flush()
        assert newer.id == doomed_id  # SQLite gave the id again
    backup = security.backups.backup_now()
    fresh.admin.lock()
    restore(backup, fresh.path, "admin", PASSWORD)
    admin = login(fresh.path, "admin")
    with admin.read_session() as session:
        left = session.scalars(select(Person.first_name)).all()
    admin.lock()
    assert left == ["Ny"]
