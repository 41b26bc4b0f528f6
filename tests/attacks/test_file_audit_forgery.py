"""The insider rewrites the audit log of a local file with their own password.

An ordinary police officer reads a person's profile, then wants the reads gone. With
their own slot they unwrap the data key (and their own signing key), open the raw file
with sqlcipher3, drop the append-only triggers, delete, edit, reorder or insert entries
and chain everything again with all they can derive, then write the checkpoint again.

Before issue 15 the chain was an HMAC under a key every account derives from the data
key: ``rondplan audit verify`` said OK after every one of these. What detects it now:
each entry is signed by the user it names, with a key sealed in that user's own slot;
re-signing someone else's entry needs their key (``audit verify`` names the first
entry without a valid signature). An insider who instead rewrites others' entries as
their own is caught by those users' own anchors (kept outside the file) at their next
login: they are told, and the log gets an ``integrity.alarm`` entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.models import Person, Role
from desktop.services.mapping.persons import PersonService
from desktop.services.security.session import SessionAudit
from desktop.services.uow import UnitOfWork
from desktop.store.database import LockedDatabase
from tests.attacks.insider_audit import Insider
from tests.factories import PASSWORD, add_user, fresh_database

OFFICER = "handlaggare.polis"
AUDITOR = "granskare"


def _session(path: Path, username: str):
    """A real login, as the app and every command make it."""
    store = LockedDatabase(path).unlock(username, PASSWORD)
    SessionAudit(store).record_login()
    return store


@pytest.fixture
def office(tmp_path, monkeypatch):
    fresh = fresh_database(tmp_path)
    add_user(fresh, OFFICER, Role.OFFICER, "police")
    add_user(fresh, AUDITOR, Role.AUDITOR, "social")
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Anna", last_name="Berg")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    fresh.admin.lock()
    # The officer reads the profile twice in a real session.
    officer = _session(fresh.path, OFFICER)
    PersonService(officer).profile(person_id)
    PersonService(officer).profile(person_id)
    officer.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    return fresh


def _verify(path: Path, user: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["audit", "verify", "--db", str(path), "--user", user])
    out = capsys.readouterr()
    return code, out.out + out.err


def _own_reads(entries, officer_id):
    return [e for e in entries if e["action"] == "person.read" and e["user_id"] == officer_id]


def test_the_auditor_sees_a_sound_log_first(office, capsys):
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 0, text
    assert text.startswith("OK")


def test_own_reads_deleted_and_rechained(office, capsys):
    # The auditor has verified once (and so logged in) after the reads.
    assert _verify(office.path, AUDITOR, capsys)[0] == 0
    insider = Insider(office.path, OFFICER, PASSWORD)
    entries = insider.entries()
    reads = _own_reads(entries, insider.user_id)
    assert len(reads) == 2
    insider.rewrite([e for e in entries if e not in reads])
    insider.close()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "FEL" in text and "underskrift" in text


def test_own_read_edited_and_rechained(office, capsys):
    assert _verify(office.path, AUDITOR, capsys)[0] == 0
    insider = Insider(office.path, OFFICER, PASSWORD)
    entries = insider.entries()
    for entry in _own_reads(entries, insider.user_id):
        entry["object_ids"] = "999999"
    insider.rewrite(entries)
    insider.close()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "underskrift" in text


def test_entries_reordered_and_rechained(office, capsys):
    assert _verify(office.path, AUDITOR, capsys)[0] == 0
    insider = Insider(office.path, OFFICER, PASSWORD)
    entries = insider.entries()
    # The officer's reads moved before the administrator's first entries.
    reads = _own_reads(entries, insider.user_id)
    rest = [e for e in entries if e not in reads]
    insider.rewrite(reads + rest)
    insider.close()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "underskrift" in text


def test_entry_inserted_in_another_users_name(office, capsys):
    insider = Insider(office.path, OFFICER, PASSWORD)
    entries = insider.entries()
    admin_entry = next(e for e in entries if e["role"] == "administrator")
    forged = {**admin_entry, "action": "export", "object_type": "person", "object_ids": "1"}
    insider.rewrite([*entries, forged])
    insider.close()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "underskrift" in text


def test_others_entries_rewritten_as_the_insiders_own(office, capsys):
    """The smarter insider: every entry after their reads re-signed as their own.

    Each signature is then valid, so the chain alone cannot tell. The auditor, who
    logged in after the reads, keeps an anchor of the head they saw in their own folder:
    their next login finds another history and says so (and logs it).
    """
    assert _verify(office.path, AUDITOR, capsys)[0] == 0
    insider = Insider(office.path, OFFICER, PASSWORD)
    entries = insider.entries()
    reads = _own_reads(entries, insider.user_id)
    first = entries.index(reads[0])
    kept = entries[:first]
    for entry in entries[first:]:
        if entry in reads:
            continue
        kept.append({**entry, "user_id": insider.user_id, "role": "officer"})
    insider.rewrite(kept)
    insider.close()
    code, text = _verify(office.path, AUDITOR, capsys)
    assert code == 1, text
    assert "stämmer inte med den du själv senast såg" in text
    # The warning is also in the log, written by the auditor's own login.
    insider = Insider(office.path, OFFICER, PASSWORD)
    alarms = [e for e in insider.entries() if e["action"] == "integrity.alarm"]
    insider.close()
    assert alarms and alarms[-1]["detail"].startswith("anchor_ahead")
