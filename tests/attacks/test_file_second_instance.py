"""A second instance on the same file: no lost update of keyslots or counters.

Two windows (two ``LockedDatabase`` objects read at different times, or a second
process) share one ``.keys`` file. Before issue 15 the window opened earlier saved its
whole stale copy after one mistyped password: a key rotation made meanwhile was
undone, and then nobody, not even the recovery code, could open the database.
What detects it now: nothing needs to; every change is reload, merge and write under
an operating-system lock, so the stale copy is never written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models import Person
from desktop.services.security import SecurityServices
from desktop.services.uow import UnitOfWork
from desktop.store.database import LockedDatabase
from desktop.store.errors import StoreError, WrongPassword
from tests.factories import PASSWORD, fresh_with_users, login, recovery_keys

ROOT = Path(__file__).resolve().parents[2]

MISTYPE = """
import sys
from pathlib import Path
from desktop.store.database import LockedDatabase
from desktop.store.errors import WrongPassword
window = LockedDatabase(Path(sys.argv[1]))   # opened now, before the rotation
print("ready", flush=True)
sys.stdin.readline()                          # the administrator rotates meanwhile
try:
    window.unlock("officer_police", "fel-lösenord")
except WrongPassword:
    print("refused", flush=True)
"""


def _person(store) -> int:
    with UnitOfWork(store, "Person") as uow:
        person = Person(first_name="Före", last_name="Bytet")
        uow.session.add(person)
        uow.session.flush()
        return person.id


def test_mistype_in_a_window_opened_before_a_rotation_loses_nothing(tmp_path):
    fresh = fresh_with_users(tmp_path)
    person_id = _person(fresh.admin)
    old_key = recovery_keys(fresh).data_key
    # A window opened before the rotation, in another process.
    window = subprocess.Popen(
        [sys.executable, "-c", MISTYPE, str(fresh.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert window.stdout is not None and window.stdin is not None
    assert window.stdout.readline().strip() == "ready"
    SecurityServices.build(fresh.admin).users.rotate_key()
    fresh.admin.lock()
    out, _ = window.communicate("go\n", timeout=60)
    assert out.strip() == "refused"
    # The mistyped password was counted and waits for the audit log.
    data = LockedDatabase(fresh.path).keyslots
    assert data.slots["officer_police"].failures == 1
    assert any(
        e["event"] == "login.failed" and e["username"] == "officer_police" for e in data.pending
    )
    # The rotation survived: the administrator, an officer and the recovery code get in.
    admin = login(fresh.path, "admin")
    with admin.read_session() as session:
        assert session.get(Person, person_id) is not None
    admin.lock()
    login(fresh.path, "officer_police").lock()
    assert recovery_keys(fresh).data_key != old_key


def test_a_stale_window_neither_undoes_a_password_change_nor_removes_new_accounts(tmp_path):
    fresh = fresh_with_users(tmp_path)
    early = LockedDatabase(fresh.path)  # the second window, opened first
    officer = login(fresh.path, "officer_social")
    officer.change_password("officer_social", PASSWORD, "ett-helt-nytt-lösenord-42")
    officer.lock()
    fresh.admin.add_user_slot("nykomling", "nykomlingens-lösenord-7", "social")
    with pytest.raises(WrongPassword):
        early.unlock("coordinator_police", "fel")
    with pytest.raises(WrongPassword):  # the old password stays replaced
        LockedDatabase(fresh.path).unlock("officer_social", PASSWORD)
    assert "nykomling" in LockedDatabase(fresh.path).keyslots.slots
    login_new = LockedDatabase(fresh.path).keyslots.unlock("nykomling", "nykomlingens-lösenord-7")
    assert login_new.compartments.keys() == {"social"}
    LockedDatabase(fresh.path).unlock("officer_social", "ett-helt-nytt-lösenord-42").lock()
    fresh.admin.lock()


def test_a_store_unlocked_before_a_rotation_cannot_write_a_slot_with_the_dead_key(tmp_path):
    fresh = fresh_with_users(tmp_path)
    second_admin = login(fresh.path, "admin")  # a second window of the administrator
    SecurityServices.build(fresh.admin).users.rotate_key()
    # Its data key no longer opens the file: a slot wrapping it would open nothing.
    with pytest.raises(StoreError) as refused:
        second_admin.add_user_slot("sen", "ett-långt-lösenord-99", "social")
    assert refused.value.code == "store.key_rotated"
    assert "sen" not in LockedDatabase(fresh.path).keyslots.slots
    # Its user unlocks again from the lock screen and gets the new key.
    second_admin.lock()
    second_admin.unlock(PASSWORD)
    second_admin.add_user_slot("sen", "ett-långt-lösenord-99", "social")
    second_admin.lock()
    fresh.admin.lock()
    LockedDatabase(fresh.path).unlock("admin", PASSWORD).lock()
    assert LockedDatabase(fresh.path).keyslots.unlock("sen", "ett-långt-lösenord-99")


def test_a_rotation_while_a_second_window_creates_an_account(tmp_path):
    fresh = fresh_with_users(tmp_path)
    # The second window makes a slot right after the first rotated: it reloads first,
    # so it is refused instead of writing a slot with the old key over the new file.
    second = LockedDatabase(fresh.path)
    SecurityServices.build(fresh.admin).users.rotate_key()
    keys_before = recovery_keys(fresh)
    second.keyslots.remove("officer_probation")  # e.g. a deactivation in that window
    after = LockedDatabase(fresh.path).keyslots
    assert "officer_probation" not in after.slots
    # Everyone else still gets the rotated key.
    for name in ("officer_police", "coordinator_social", "admin"):
        assert after.unlock(name, PASSWORD).data_key == keys_before.data_key
    fresh.admin.lock()
