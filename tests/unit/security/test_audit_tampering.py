"""Attacks on the audit log, each caught with the right first bad entry.

The attacker holds the data key (from the recovery code), opens the file raw and drops
the append-only triggers; without the audit HMAC key's chain they cannot hide it.
"""

from __future__ import annotations

import shutil

import pytest

from desktop.services.security.audit import ChainProblem, checkpoint_text, verify_chain
from desktop.services.uow import UnitOfWork
from desktop.store.audit_chain import checkpoint_path
from tests.factories import PASSWORD, fresh_database, locked
from tests.unit.security.helpers import attacker_connection

ENTRIES = 8


@pytest.fixture
def logged(tmp_path):
    fresh = fresh_database(tmp_path)
    for i in range(ENTRIES):
        with UnitOfWork(fresh.admin, "Test") as uow:
            uow.audit("person.read", "person", [100 + i])
    fresh.admin.lock()
    return fresh


def _verify(fresh):
    store = locked(fresh.path).unlock("admin", PASSWORD)
    try:
        return verify_chain(store)
    finally:
        store.lock()


def test_sound_chain_verifies(logged):
    report = _verify(logged)
    assert report.ok, report.message
    assert report.entries == ENTRIES
    assert report.checkpoint_seq == ENTRIES


def test_edited_entry(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    conn.execute("UPDATE audit_entry SET object_ids = '999' WHERE seq = 4")
    conn.close()
    report = _verify(logged)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.CHANGED, 4)


def test_edited_time_only(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    conn.execute("UPDATE audit_entry SET at = '2020-01-01 00:00:00.000000' WHERE seq = 6")
    conn.close()
    report = _verify(logged)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.CHANGED, 6)


def test_deleted_entry(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    conn.execute("DELETE FROM audit_entry WHERE seq = 3")
    conn.close()
    report = _verify(logged)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.MISSING, 3)


def test_deleted_and_renumbered(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    conn.execute("DELETE FROM audit_entry WHERE seq = 3")
    for seq in range(4, ENTRIES + 1):
        conn.execute("UPDATE audit_entry SET seq = ? WHERE seq = ?", (seq - 1, seq))
    conn.close()
    report = _verify(logged)
    assert report.first_bad_seq == 3
    assert report.problem in (ChainProblem.LINK_BROKEN, ChainProblem.CHANGED)


def test_reordered_entries(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    cols = (
        "at, user_id, role, agency_id, workstation, action, object_type, object_ids, "
        "purpose, detail, prev_hash, entry_hash"
    )
    row3 = conn.execute(f"SELECT {cols} FROM audit_entry WHERE seq = 3").fetchone()
    row5 = conn.execute(f"SELECT {cols} FROM audit_entry WHERE seq = 5").fetchone()
    sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
    conn.execute(f"UPDATE audit_entry SET {sets} WHERE seq = 3", row5)
    conn.execute(f"UPDATE audit_entry SET {sets} WHERE seq = 5", row3)
    conn.close()
    report = _verify(logged)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.LINK_BROKEN, 3)


def test_inserted_entry(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    for seq in range(ENTRIES, 4, -1):
        conn.execute("UPDATE audit_entry SET seq = ? WHERE seq = ?", (seq + 1, seq))
    prev = conn.execute("SELECT entry_hash FROM audit_entry WHERE seq = 4").fetchone()[0]
    conn.execute(
        "INSERT INTO audit_entry (seq, at, user_id, role, agency_id, workstation, action, "
        "object_type, object_ids, purpose, detail, prev_hash, entry_hash) VALUES "
        "(5, '2026-01-01 00:00:00.000000', 1, 'administrator', 1, 'x', 'person.read', "
        "'person', '1', NULL, '', ?, ?)",
        (prev, "f" * 64),
    )
    conn.close()
    report = _verify(logged)
    # Entries are signed since issue 15: an inserted unsigned entry is named as such.
    assert (report.problem, report.first_bad_seq) == (ChainProblem.UNSIGNED, 5)


def test_forged_entry_appended(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    prev = conn.execute("SELECT entry_hash FROM audit_entry WHERE seq = ?", (ENTRIES,))
    conn.execute(
        "INSERT INTO audit_entry (seq, at, user_id, role, agency_id, workstation, action, "
        "object_type, object_ids, purpose, detail, prev_hash, entry_hash) VALUES "
        "(?, '2026-01-01 00:00:00.000000', 1, 'administrator', 1, 'x', 'login', "
        "'user', '1', NULL, '', ?, ?)",
        (ENTRIES + 1, prev.fetchone()[0], "0" * 64),
    )
    conn.close()
    report = _verify(logged)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.UNSIGNED, ENTRIES + 1)


def test_truncated_log(logged):
    conn = attacker_connection(logged.path, logged.recovery_code)
    conn.execute("DELETE FROM audit_entry WHERE seq > 5")
    conn.close()
    report = _verify(logged)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.TRUNCATED, 6)


def test_whole_database_replaced_by_older_copy(tmp_path):
    fresh = fresh_database(tmp_path)
    for i in range(3):
        with UnitOfWork(fresh.admin, "Test") as uow:
            uow.audit("person.read", "person", [i + 1])
    older = tmp_path / "older.db"
    fresh.admin.backup_to(older)
    for i in range(3):
        with UnitOfWork(fresh.admin, "Test") as uow:
            uow.audit("person.read", "person", [i + 10])
    fresh.admin.lock()
    # The attacker puts the old file back; the checkpoint beside it stays current.
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"rondplan.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(older, fresh.path)
    report = _verify(fresh)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.TRUNCATED, 4)


def test_other_history_of_same_length_detected(tmp_path):
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Test") as uow:
        uow.audit("person.read", "person", [1])
    older = tmp_path / "older.db"
    fresh.admin.backup_to(older)
    with UnitOfWork(fresh.admin, "Test") as uow:
        uow.audit("person.read", "person", [2])
    saved = checkpoint_path(fresh.path).read_bytes()
    fresh.admin.lock()
    # Older copy plus one different entry: same length, another history.
    shutil.copyfile(older, fresh.path)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"rondplan.db{suffix}").unlink(missing_ok=True)
    other = locked(fresh.path).unlock("admin", PASSWORD)
    with UnitOfWork(other, "Test") as uow:
        uow.audit("person.read", "person", [3])
    other.lock()
    checkpoint_path(fresh.path).write_bytes(saved)
    report = _verify(fresh)
    assert (report.problem, report.first_bad_seq) == (ChainProblem.TRUNCATED, 2)


def test_edited_checkpoint_detected(logged):
    path = checkpoint_path(logged.path)
    path.write_text(path.read_text().replace('"seq": 8', '"seq": 3'))
    assert _verify(logged).problem is ChainProblem.CHECKPOINT_INVALID


def test_deleted_checkpoint_detected(logged):
    checkpoint_path(logged.path).unlink()
    assert _verify(logged).problem is ChainProblem.CHECKPOINT_MISSING


def test_checkpoint_printable(logged):
    store = locked(logged.path).unlock("admin", PASSWORD)
    text = checkpoint_text(store)
    store.lock()
    # Issue 15: the paper anchor names the head and the command that compares it.
    assert "Post: 8" in text and "rondplan audit compare" in text
