"""The encrypted store: create, unlock, wrong password, never plaintext, backups."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select, text

from desktop.models import Person, Role
from desktop.services.uow import UnitOfWork
from desktop.store.creation import create_database
from desktop.store.database import LockedDatabase
from desktop.store.errors import (
    AccountLocked,
    AlreadyExists,
    MissingDatabase,
    NotADatabase,
    WrongPassword,
)
from desktop.store.keyslots import FREE_ATTEMPTS
from tests.factories import PASSWORD, fresh_database

CANARY = "Zebulon Qwertyström"


def test_create_and_unlock(tmp_path):
    fresh = fresh_database(tmp_path)
    assert fresh.admin.identity.role is Role.ADMINISTRATOR
    fresh.admin.lock()
    store = LockedDatabase(fresh.path).unlock("admin", PASSWORD)
    assert store.identity.username == "admin"
    store.lock()


def test_files_are_owner_only(tmp_path):
    fresh = fresh_database(tmp_path)
    for path in (fresh.path, fresh.path.with_name(fresh.path.name + ".keys")):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    fresh.admin.lock()


def test_wrong_password_and_unknown_user(tmp_path):
    fresh = fresh_database(tmp_path)
    locked = LockedDatabase(fresh.path)
    with pytest.raises(WrongPassword):
        locked.unlock("admin", "fel lösenord igen")
    with pytest.raises(WrongPassword):
        locked.unlock("nobody", PASSWORD)
    fresh.admin.lock()


def test_failures_delay_and_survive_restart(tmp_path):
    fresh = fresh_database(tmp_path)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword):
            LockedDatabase(fresh.path).unlock("admin", "fel lösenord igen")
    # A new LockedDatabase reads the file anew: the delay survives a restart.
    with pytest.raises(AccountLocked):
        LockedDatabase(fresh.path).unlock("admin", PASSWORD)
    fresh.admin.lock()


def test_refuses_to_overwrite_and_missing_file_is_not_created(tmp_path):
    fresh = fresh_database(tmp_path)
    with pytest.raises(AlreadyExists):
        create_database(fresh.path, "admin", "Ada", PASSWORD)
    missing = tmp_path / "saknas.db"
    with pytest.raises(MissingDatabase):
        LockedDatabase(missing)
    assert not missing.exists()
    fresh.admin.lock()


def test_not_a_database(tmp_path):
    fresh = fresh_database(tmp_path)
    fresh.admin.lock()
    fresh.path.write_bytes(os.urandom(8192))
    with pytest.raises(NotADatabase):
        LockedDatabase(fresh.path).unlock("admin", PASSWORD)


def test_no_plaintext_on_disk(tmp_path):
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Skapa person") as uow:
        uow.session.add(Person(first_name="Zebulon", last_name="Qwertyström"))
    # Keep a connection open so -wal and -shm exist while we scan.
    with fresh.admin.read_session() as session:
        assert session.scalars(select(Person.last_name)).one() == "Qwertyström"
        for path in tmp_path.iterdir():
            data = path.read_bytes()
            assert CANARY.encode() not in data, path
            assert "Qwertyström".encode() not in data, path
            assert "Qwertyström".encode("utf-16-le") not in data, path
    fresh.admin.lock()


def test_connection_rules(tmp_path):
    fresh = fresh_database(tmp_path)
    with fresh.admin.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    assert type(fresh.admin.engine.pool).__name__ == "QueuePool"
    fresh.admin.lock()


def test_encrypted_backup_opens_with_same_password(tmp_path):
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Skapa person") as uow:
        uow.session.add(Person(first_name="Zebulon", last_name="Qwertyström"))
    backup = tmp_path / "kopior" / "b.db"
    fresh.admin.backup_to(backup)
    assert b"Qwertystr" not in backup.read_bytes()
    restored = LockedDatabase(backup).unlock("admin", PASSWORD)
    with restored.read_session() as session:
        assert session.execute(text("select count(*) from person")).scalar() == 1
    restored.lock()
    fresh.admin.lock()


def test_audit_log_is_append_only(tmp_path):
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Test") as uow:
        uow.audit("test.action", "person", [1])
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), fresh.admin.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET action = 'x'"))
    with pytest.raises(IntegrityError), fresh.admin.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))
    fresh.admin.lock()


def test_lock_closes_connections_and_unlock_reopens(tmp_path):
    fresh = fresh_database(tmp_path)
    store = fresh.admin
    store.lock()
    assert store.locked
    with pytest.raises(WrongPassword), store.read_session() as session:
        session.execute(text("select 1")).all()
    with pytest.raises(WrongPassword):
        store.unlock("fel lösenord här")
    store.unlock(PASSWORD)
    with store.read_session() as session:
        assert session.execute(text("select count(*) from agency")).scalar() == 3
    store.lock()
