"""Rollback of a local database, with no tampering inside the file.

Before issue 15 every command and the GUI appended a login entry and rewrote the
checkpoint *before* anything compared with it: ``cp old.db demo.db; rm demo.db-wal;
rondplan audit verify`` printed OK, and a deleted checkpoint, another database's
checkpoint and a truncated tail went unreported.

Now the login verifies the chain, the checkpoint beside the file and the user's own
anchor (in their configuration folder) before its first append; what it finds is told
in one Swedish line and written to the log as ``integrity.alarm``; a checkpoint ahead of
the file is never written over. Which anchor catches what (each test says):
- the checkpoint ``<db>.audit``: a rollback of the database file (with or without its
  WAL), a truncated tail, a deleted or foreign checkpoint;
- each user's own anchor: also a rollback of file, WAL and checkpoint together, at the
  next login of anyone who saw the later state;
- the paper anchor (``rondplan audit checkpoint`` / ``audit compare``): also a rollback of
  everything on the computer, the users' folders included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.models import Role
from desktop.services.security.session import SessionAudit
from desktop.services.uow import UnitOfWork
from desktop.store.database import LockedDatabase
from tests.attacks.insider_audit import Insider
from tests.factories import PASSWORD, add_user, fresh_database

AUDITOR = "granskare"
OFFICER = "handlaggare.polis"
ROLLBACK = "rullats tillbaka"


def _work(path: Path, username: str, n: int = 2) -> None:
    """A real session that writes a few entries."""
    store = LockedDatabase(path).unlock(username, PASSWORD)
    SessionAudit(store).record_login()
    for i in range(n):
        with UnitOfWork(store, "Arbete") as uow:
            uow.audit("person.read", "person", [i + 1])
    store.lock()


def _files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", ".audit")]


def _copy(path: Path, dest: Path, suffixes=("", "-wal", "-shm", ".audit")) -> None:
    dest.mkdir(exist_ok=True)
    for suffix in suffixes:
        src = path.with_name(path.name + suffix)
        if src.exists():
            shutil.copy2(src, dest / src.name)


def _put_back(saved: Path, path: Path, suffixes) -> None:
    for suffix in suffixes:
        target = path.with_name(path.name + suffix)
        src = saved / target.name
        target.unlink(missing_ok=True)
        if src.exists():
            shutil.copy2(src, target)


def _verify(path: Path, user: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["audit", "verify", "--db", str(path), "--user", user])
    out = capsys.readouterr()
    return code, out.out + out.err


def _alarms(path: Path) -> list[str]:
    insider = Insider(path, OFFICER, PASSWORD)
    try:
        return [str(e["detail"]) for e in insider.entries() if e["action"] == "integrity.alarm"]
    finally:
        insider.close()


@pytest.fixture
def office(tmp_path, monkeypatch):
    fresh = fresh_database(tmp_path)
    add_user(fresh, OFFICER, Role.OFFICER, "police")
    add_user(fresh, AUDITOR, Role.AUDITOR, "social")
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    _work(fresh.path, OFFICER)
    return fresh


def _old_state_then_more(office, capsys, tmp_path) -> Path:
    """Save the files now (the old state), then the auditor and the officer work on."""
    saved = tmp_path / "old"
    _copy(office.path, saved)
    assert _verify(office.path, AUDITOR, capsys)[0] == 0  # the auditor sees the later state
    _work(office.path, OFFICER, 3)
    return saved


def test_rollback_of_the_database_file_alone(office, capsys, tmp_path):
    """``cp old.db demo.db; rm demo.db-wal``: caught by the checkpoint beside the file."""
    saved = _old_state_then_more(office, capsys, tmp_path)
    _put_back(saved, office.path, ("", "-wal", "-shm"))
    office.path.with_name(office.path.name + "-wal").unlink(missing_ok=True)
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "Varning" in text and ROLLBACK in text
    # Not erased by that login: the next one (anyone's) still reports it.
    code, text = _verify(office.path, "admin", capsys)
    assert code == 1 and ROLLBACK in text
    assert any(a.startswith("truncated") for a in _alarms(office.path))


def test_rollback_of_database_and_wal(office, capsys, tmp_path):
    """The file and its WAL copied back together: caught by the checkpoint."""
    saved = _old_state_then_more(office, capsys, tmp_path)
    _put_back(saved, office.path, ("", "-wal", "-shm"))
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert ROLLBACK in text
    assert any(a.startswith("truncated") for a in _alarms(office.path))


def test_rollback_of_database_wal_and_checkpoint(office, capsys, tmp_path):
    """Everything beside the database copied back: caught by the auditor's own anchor."""
    saved = _old_state_then_more(office, capsys, tmp_path)
    _put_back(saved, office.path, ("", "-wal", "-shm", ".audit"))
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "du själv senast såg" in text
    assert any(a.startswith("anchor_ahead") for a in _alarms(office.path))


def test_truncated_tail(office, capsys):
    """The newest entries deleted from the raw file: caught by the checkpoint."""
    insider = Insider(office.path, OFFICER, PASSWORD)
    entries = insider.entries()
    insider.conn.execute("DELETE FROM audit_entry WHERE seq > ?", (len(entries) - 2,))
    insider.close()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "kapats" in text
    assert any(a.startswith("truncated") for a in _alarms(office.path))


def test_deleted_checkpoint(office, capsys):
    """Reported by the next login and logged (then a new checkpoint is written)."""
    office.path.with_name(office.path.name + ".audit").unlink()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "kontrollpunktsfilen (.audit) saknas" in text
    assert any(a.startswith("checkpoint_missing") for a in _alarms(office.path))


def test_another_databases_checkpoint(office, capsys, tmp_path):
    other = fresh_database(tmp_path / "annan")
    other.admin.lock()
    _work(other.path, "admin", 1)
    shutil.copy2(
        other.path.with_name(other.path.name + ".audit"),
        office.path.with_name(office.path.name + ".audit"),
    )
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "hör till en annan databas" in text
    # Kept as evidence: the next login reports it again.
    assert _verify(office.path, "admin", capsys)[0] == 1
    assert any(a.startswith("checkpoint_invalid") for a in _alarms(office.path))


def test_paper_anchor_catches_a_rollback_of_everything(office, capsys, tmp_path, monkeypatch):
    """Files and every user's folder copied back: only the paper anchor can tell."""
    anchors = Path(str(tmp_path / "anchors"))
    monkeypatch.setenv("RONDPLAN_ANCHOR_DIR", str(anchors))
    saved = tmp_path / "old"
    _copy(office.path, saved)
    saved_anchors = tmp_path / "old-anchors"
    if anchors.exists():
        shutil.copytree(anchors, saved_anchors)
    _work(office.path, OFFICER, 3)
    capsys.readouterr()
    assert main(["audit", "checkpoint", "--db", str(office.path), "--user", AUDITOR]) == 0
    paper = capsys.readouterr().out
    command = next(line for line in paper.splitlines() if "audit compare" in line).split()
    seq, digest = command[command.index("--seq") + 1], command[command.index("--hash") + 1]
    # The paper matches the file as it is.
    compare = ["audit", "compare", "--db", str(office.path), "--user", AUDITOR]
    assert main([*compare, "--seq", seq, "--hash", digest]) == 0
    # Everything on the computer rolled back, the users' anchors included.
    _put_back(saved, office.path, ("", "-wal", "-shm", ".audit"))
    shutil.rmtree(anchors, ignore_errors=True)
    if saved_anchors.exists():
        shutil.copytree(saved_anchors, anchors)
    capsys.readouterr()
    assert main([*compare, "--seq", seq, "--hash", digest]) == 1
    out = capsys.readouterr().out
    assert out.startswith("FEL") and ROLLBACK in out


def test_verify_needs_auditor_or_administrator(office, capsys):
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(office.path), "--user", OFFICER]) == 1
    err = capsys.readouterr().err
    assert "granskare och administratörer" in err
    assert len(err.strip().splitlines()) == 1
