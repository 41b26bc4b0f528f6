"""Key rotation: PRAGMA rekey with every slot able to take the new key."""

from __future__ import annotations

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from desktop.models import Person
from desktop.services.errors import PermissionDenied, ReauthenticationRequired
from desktop.services.security import SecurityServices
from desktop.services.security.audit import verify_chain
from desktop.services.security.notes import NotesService
from desktop.services.uow import UnitOfWork
from tests.factories import PASSWORD, fresh_with_users, login, recovery_keys
from tests.unit.security.helpers import FakeClock


def _opens(path, key: bytes) -> bool:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


def test_rotation_rekeys_and_everyone_still_gets_in(tmp_path):
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="A", last_name="B")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    officer = login(fresh.path, "officer_police")
    NotesService(officer).write_note("före bytet", person_id=person_id)
    officer.lock()
    old_key = recovery_keys(fresh).data_key
    security = SecurityServices.build(fresh.admin)
    security.users.rotate_key()
    assert not _opens(fresh.path, old_key)
    new_key = recovery_keys(fresh).data_key
    assert new_key != old_key and _opens(fresh.path, new_key)
    # The rotating administrator's store keeps working, also after lock and unlock.
    report = verify_chain(fresh.admin)
    assert report.ok, report.message
    fresh.admin.lock()
    fresh.admin.unlock(PASSWORD)
    with UnitOfWork(fresh.admin, "Efter") as uow:
        uow.audit("test.after", None, ())
    fresh.admin.lock()
    # Every other user logs in with their unchanged password and reads their notes.
    officer = login(fresh.path, "officer_police")
    assert [n.text for n in NotesService(officer).notes_for_person(person_id)] == ["före bytet"]
    officer.lock()
    for name in ("coordinator_social", "auditor_social", "team_lead_probation"):
        login(fresh.path, name).lock()
    admin = login(fresh.path, "admin")
    assert verify_chain(admin).ok
    # A second rotation works on top of the first.
    SecurityServices.build(admin).users.rotate_key()
    admin.lock()
    login(fresh.path, "officer_social").lock()


def test_rotation_is_sensitive_and_admin_only(tmp_path):
    fresh = fresh_with_users(tmp_path)
    clock = FakeClock()
    security = SecurityServices.build(fresh.admin, clock=clock)
    clock.advance(minutes=6)
    with pytest.raises(ReauthenticationRequired):
        security.users.rotate_key()
    coordinator = login(fresh.path, "coordinator_social")
    with pytest.raises(PermissionDenied):
        SecurityServices.build(coordinator).users.rotate_key()
    coordinator.lock()
    fresh.admin.lock()


def test_interrupted_rotation_falls_back_to_the_old_key(tmp_path):
    """Slots updated but the file not rekeyed (a crash in between): still opens."""
    fresh = fresh_with_users(tmp_path)
    fresh.admin.keyslots.rotate_data_key(b"\x01" * 32)
    fresh.admin.keyslots.save()
    fresh.admin.lock()
    login(fresh.path, "officer_police").lock()
    login(fresh.path, "admin").lock()
