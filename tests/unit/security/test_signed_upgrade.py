"""A database from before signed records (0001 fixture) after the upgrade (issue 15).

Until an administrator logs in, nothing is signed: users register their own signing
keys and the log goes on (its old entries keep their HMAC). The administrator's first
login creates the trust root and signs the records as they stand — the honest limit:
whatever an insider changed before that login is signed too. After it, every login
pins the trust root in its slot and a changed role is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.models import Role
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.security.audit import verify_chain
from desktop.services.security.session import SessionAudit
from desktop.store.audit_chain import checkpoint_path
from desktop.store.database import LockedDatabase
from desktop.store.errors import TamperedRecord
from desktop.store.keyslots import KeyslotFile, keyslot_path
from tests.attacks.insider_audit import Insider

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "rondplan-0001_initial.db"


def _copy(dest_dir: Path) -> Path:
    for src in (FIXTURE, keyslot_path(FIXTURE), checkpoint_path(FIXTURE)):
        shutil.copyfile(src, dest_dir / src.name)
    return dest_dir / FIXTURE.name


def _login(path: Path, username: str):
    store = LockedDatabase(path).unlock(username, DEMO_PASSWORD)
    messages = SessionAudit(store).record_login()
    return store, messages


def test_upgrade_then_first_administrator_login_signs(tmp_path):
    path = _copy(tmp_path)
    # An officer first: no trust root yet, the officer's key is registered.
    officer, messages = _login(path, "handlaggare.polis")
    assert messages == []
    assert officer.identity.attestation is None
    assert verify_chain(officer).ok
    officer.lock()
    # The administrator's first login makes the trust root and signs everything.
    admin, messages = _login(path, "admin")
    assert messages == []
    assert admin.trust_key is not None and admin.identity.attestation is not None
    report = verify_chain(admin)
    assert report.ok, report.message
    admin.lock()
    slots = KeyslotFile.load(keyslot_path(path))
    assert slots.slots["admin"].trust_pin is not None
    assert slots.slots["admin"].trust_private is not None
    # The officer's next login pins it, and from then on a changed role is refused.
    officer, _ = _login(path, "handlaggare.polis")
    assert officer.identity.attestation is not None
    officer.lock()
    assert KeyslotFile.load(keyslot_path(path)).slots["handlaggare.polis"].trust_pin
    insider = Insider(path, "handlaggare.polis", DEMO_PASSWORD)
    insider.conn.execute(
        "UPDATE user_account SET role = ? WHERE username = 'handlaggare.polis'",
        (Role.ADMINISTRATOR.value,),
    )
    insider.close()
    store = LockedDatabase(path).unlock("handlaggare.polis", DEMO_PASSWORD)
    with pytest.raises(TamperedRecord):
        SessionAudit(store).record_login()
    store.lock()


def test_second_administrator_login_keeps_the_trust_root(tmp_path):
    path = _copy(tmp_path)
    admin, _ = _login(path, "admin")
    root = admin.trust_root
    admin.lock()
    admin, messages = _login(path, "admin")
    assert messages == [] and admin.trust_root == root and admin.trust_key is not None
    assert verify_chain(admin).ok
    admin.lock()
