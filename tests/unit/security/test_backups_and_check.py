"""Backups in a rotation, restore that checks first, and ``rondplan check`` on attacks."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Note, Person, RetentionCategory
from desktop.services.errors import PermissionDenied
from desktop.services.security import SecurityServices
from desktop.services.security.backups import RestoreRejected, restore
from desktop.services.security.notes import NotesService
from desktop.services.uow import UnitOfWork
from tests.factories import PASSWORD, fresh_database, fresh_with_users, locked, login
from tests.unit.security.helpers import FakeClock, attacker_connection


def _fill(store, n=300):
    with UnitOfWork(store, "Fyll") as uow:
        for i in range(n):
            uow.session.add(Person(first_name=f"Förnamn{i}", last_name=f"Efternamn{i}"))
        uow.audit("person.create", "person")


def _persons(path):
    store = locked(path).unlock("admin", PASSWORD)
    with store.read_session() as session:
        count = session.scalar(select(func.count()).select_from(Person))
    store.lock()
    return count


def test_rotation_keeps_newest(tmp_path):
    fresh = fresh_database(tmp_path)
    clock = FakeClock()
    security = SecurityServices.build(fresh.admin, clock=clock, backup_folder=tmp_path / "b")
    object.__setattr__(security.backups, "keep", 3)
    for _ in range(5):
        security.backups.backup_now()
        clock.advance(hours=1)
    rows = security.backups.backups()
    assert len(rows) == 3
    assert rows[0].taken_at > rows[-1].taken_at
    assert len(list((tmp_path / "b").iterdir())) == 3 * 3  # db, keys, checkpoint each
    fresh.admin.lock()


def test_scheduled_backup_when_due(tmp_path):
    fresh = fresh_database(tmp_path)
    clock = FakeClock()
    security = SecurityServices.build(fresh.admin, clock=clock, backup_folder=tmp_path / "b")
    assert security.backups.backup_if_due() is not None
    clock.advance(hours=23)
    assert security.backups.backup_if_due() is None
    clock.advance(hours=2)
    assert security.backups.backup_if_due() is not None
    fresh.admin.lock()


def test_backup_needs_administrator(tmp_path):
    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "coordinator_social")
    with pytest.raises(PermissionDenied):
        SecurityServices.build(store, backup_folder=tmp_path / "b").backups.backup_now()
    store.lock()
    fresh.admin.lock()


def test_restore_checks_then_replaces(tmp_path, monkeypatch):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    fresh = fresh_database(tmp_path)
    _fill(fresh.admin, 5)
    security = SecurityServices.build(fresh.admin, backup_folder=tmp_path / "b")
    backup = security.backups.backup_now()
    _fill(fresh.admin, 5)
    fresh.admin.lock()
    assert _persons(fresh.path) == 10
    lines = restore(backup, fresh.path, "admin", PASSWORD)
    # integrity, cipher, audit chain, and the retention ledger of the replaced file
    assert [line.ok for line in lines] == [True, True, True, True]
    assert _persons(fresh.path) == 5
    # The restored file verifies, including its checkpoint.
    assert main(["check", "--db", str(fresh.path), "--user", "admin"]) == 0
    # The replaced file was kept aside, encrypted.
    assert list(tmp_path.glob("rondplan.db.före-återställning-*"))


def test_restore_rejects_tampered_audit_and_leaves_target(tmp_path):
    fresh = fresh_database(tmp_path)
    _fill(fresh.admin, 5)
    backup = tmp_path / "kopia.db"
    fresh.admin.backup_to(backup)
    fresh.admin.lock()
    conn = attacker_connection(backup, fresh.recovery_code)
    conn.execute("UPDATE audit_entry SET detail = 'x' WHERE seq = 1")
    conn.close()
    before = fresh.path.read_bytes()
    with pytest.raises(RestoreRejected):
        restore(backup, fresh.path, "admin", PASSWORD)
    assert fresh.path.read_bytes() == before
    assert not list(tmp_path.glob("*återställs*"))


def test_restore_runs_retention_before_use(tmp_path):
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="A", last_name="B")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    officer = login(fresh.path, "officer_social")
    NotesService(officer).write_note("gammal anteckning", person_id=person_id)
    officer.lock()
    clock = FakeClock()
    security = SecurityServices.build(fresh.admin, clock=clock)
    security.retention.save_rule(RetentionCategory.NOTE, None, 10, "Lag")
    backup = tmp_path / "kopia.db"
    fresh.admin.backup_to(backup)
    fresh.admin.lock()
    clock.now = clock.now.replace(year=clock.now.year + 1)
    restore(backup, fresh.path, "admin", PASSWORD, clock=clock)
    store = locked(fresh.path).unlock("admin", PASSWORD)
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 0
    store.lock()


def test_check_catches_tampered_page(tmp_path, monkeypatch, capsys):
    fresh = fresh_database(tmp_path)
    _fill(fresh.admin)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["check", "--db", str(fresh.path), "--user", "admin"]) == 0
    capsys.readouterr()
    data = bytearray(fresh.path.read_bytes())
    page = 4096
    offset = (len(data) // page - 2) * page + 200
    data[offset : offset + 8] = b"\x00" * 8
    fresh.path.write_bytes(bytes(data))
    assert main(["check", "--db", str(fresh.path), "--user", "admin"]) == 1
    out = capsys.readouterr()
    assert "FEL" in out.out + out.err


def test_check_and_verify_report_tampered_audit(tmp_path, monkeypatch, capsys):
    fresh = fresh_database(tmp_path)
    for _ in range(3):
        _fill(fresh.admin, 1)
    fresh.admin.lock()
    conn = attacker_connection(fresh.path, fresh.recovery_code)
    conn.execute("DELETE FROM audit_entry WHERE seq = 2")
    conn.close()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["audit", "verify", "--db", str(fresh.path), "--user", "admin"]) == 1
    assert "post 2 saknas" in capsys.readouterr().out
    assert main(["check", "--db", str(fresh.path), "--user", "admin"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    # integrity, encryption, the audit log, then the domain's invariants (issue 17).
    assert len(lines) == 4 and lines[2].startswith("behandlingslogg: FEL")
    assert lines[3].startswith("domän:")


def test_backup_and_restore_commands(tmp_path, monkeypatch, capsys):
    fresh = fresh_database(tmp_path)
    _fill(fresh.admin, 2)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "ut" / "kopia.db"
    assert main(["backup", "--db", str(fresh.path), "--user", "admin", "-o", str(out)]) == 0
    assert out.exists() and out.with_name("kopia.db.keys").exists()
    shutil.copyfile(out, tmp_path / "kopia2.db")
    assert main(["restore", "--db", str(fresh.path), "--user", "admin", str(out)]) == 0
    assert _persons(fresh.path) == 2


def test_check_output_says_what_was_found_once(tmp_path, monkeypatch, capsys):
    fresh = fresh_database(tmp_path)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["check", "--db", str(fresh.path), "--user", "admin"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "integritet: OK – databasfilens struktur är hel",
        "kryptering: OK – varje sida har rätt kontrollsumma",
    ]
    assert lines[2].startswith("behandlingslogg: OK – behandlingsloggen är hel (")
    # Not "integritet: OK – ok": the verdict is not repeated as the finding.
    assert not any(line.lower().endswith("– ok") for line in lines)
