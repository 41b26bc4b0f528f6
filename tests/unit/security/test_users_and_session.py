"""Users, roles, passwords, resets; re-authentication; login and failed-login audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, Role
from desktop.services.errors import (
    PermissionDenied,
    ReauthenticationRequired,
    ValidationError,
)
from desktop.services.security import SecurityServices
from desktop.services.security.passwords import check_password
from desktop.store.errors import WrongPassword
from tests.factories import PASSWORD, fresh_database, fresh_with_users, locked, login
from tests.unit.security.helpers import FakeClock

NEW = "tre gröna äpplen på bordet"


@pytest.mark.parametrize(
    "password",
    [
        "kort",
        "Sommar2026!!",
        "qwertyuiop123",
        "rondplanrondplan",
        "Polisen 2026!!",
        "aaaaaaaaaaaaaa",
    ],
)
def test_policy_refuses(password):
    with pytest.raises(ValidationError):
        check_password(password, ["kalle", "Kalle Karlsson"])


def test_policy_refuses_own_name_and_accepts_passphrase():
    with pytest.raises(ValidationError):
        check_password("Kalle Karlsson", ["kalle", "Kalle Karlsson"])
    check_password(NEW, ["kalle", "Kalle Karlsson"])
    check_password("x" * 3 + "y7!Q#lång-fras", [])


def test_create_user_in_own_agency_and_log_in(tmp_path):
    fresh = fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin)
    security.users.create_user("kalle", "Kalle Karlsson", Role.OFFICER, "social", NEW)
    store = locked(fresh.path).unlock("kalle", NEW)
    assert store.identity.role is Role.OFFICER
    assert store.held_compartments() == {"social"}
    store.lock()
    fresh.admin.lock()


def test_create_user_of_other_agency_needs_recovery_code(tmp_path):
    fresh = fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin)
    with pytest.raises(ValidationError):
        security.users.create_user("polis1", "P Ett", Role.OFFICER, "police", NEW)
    assert "polis1" not in fresh.admin.keyslots.slots
    with pytest.raises(ValidationError):
        security.users.create_user(
            "polis1", "P Ett", Role.OFFICER, "police", NEW, recovery_code="AAAA-BBBB"
        )
    security.users.create_user(
        "polis1", "P Ett", Role.OFFICER, "police", NEW, recovery_code=fresh.recovery_code
    )
    store = locked(fresh.path).unlock("polis1", NEW)
    assert store.held_compartments() == {"police"}
    store.lock()
    fresh.admin.lock()


def test_deactivate_removes_slot(tmp_path):
    fresh = fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin)
    changes = security.users.create_user("kalle", "Kalle K", Role.OFFICER, "social", NEW)
    user_id = next(iter(changes.ids_of("user")))
    security.users.deactivate(user_id)
    with pytest.raises(WrongPassword):
        locked(fresh.path).unlock("kalle", NEW)
    # Reset with the recovery code brings the account back with a new password.
    security.users.reset_password(user_id, "en helt annan mening", fresh.recovery_code)
    locked(fresh.path).unlock("kalle", "en helt annan mening").lock()
    fresh.admin.lock()


def test_role_change_needs_fresh_password(tmp_path):
    fresh = fresh_database(tmp_path)
    clock = FakeClock()
    security = SecurityServices.build(fresh.admin, clock=clock)
    changes = security.users.create_user("kalle", "Kalle K", Role.OFFICER, "social", NEW)
    user_id = next(iter(changes.ids_of("user")))
    clock.advance(minutes=5, seconds=1)
    with pytest.raises(ReauthenticationRequired):
        security.users.change_role(user_id, Role.COORDINATOR)
    with pytest.raises(WrongPassword):
        security.reauth.confirm("fel lösenord här")
    security.reauth.confirm(PASSWORD)
    security.users.change_role(user_id, Role.COORDINATOR)
    assert locked(fresh.path).unlock("kalle", NEW).identity.role is Role.COORDINATOR
    fresh.admin.lock()


def test_non_admin_cannot_administer(tmp_path):
    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "coordinator_social")
    with pytest.raises(PermissionDenied):
        SecurityServices.build(store).users.create_user("x", "X", Role.OFFICER, "social", NEW)
    store.lock()
    fresh.admin.lock()


def test_change_own_password_rewraps_one_slot(tmp_path):
    fresh = fresh_database(tmp_path)
    other_slot = dict(fresh.admin.keyslots.slots)["__recovery__"]
    security = SecurityServices.build(fresh.admin)
    with pytest.raises(ValidationError):
        security.users.change_own_password(PASSWORD, "Ada Administratör")
    security.users.change_own_password(PASSWORD, NEW)
    assert fresh.admin.keyslots.slots["__recovery__"] == other_slot
    with pytest.raises(WrongPassword):
        locked(fresh.path).unlock("admin", PASSWORD)
    locked(fresh.path).unlock("admin", NEW).lock()
    fresh.admin.lock()


def test_failed_logins_reach_the_audit_log_at_next_unlock(tmp_path):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    for name in ("officer_police", "nobody"):
        with pytest.raises(WrongPassword):
            locked(fresh.path).unlock(name, "fel lösenord igen")
    store = login(fresh.path, "admin")
    security = SecurityServices.build(store)
    security.session.record_login()
    with store.read_session() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        officer_id = session.execute(
            select(AuditEntry.user_id).where(AuditEntry.action == "user.create")
        ).first()
    actions = [(e.action, e.detail) for e in entries[-3:]]
    assert actions == [("login.failed", ""), ("login.failed", "unknown_user"), ("login", "")]
    assert entries[-3].role is None and entries[-3].user_id is not None
    assert officer_id is not None
    # Moved, not copied: the keyslot file no longer holds them.
    assert locked(fresh.path).keyslots.pending == []
    assert b"nobody" not in fresh.path.with_name("rondplan.db.keys").read_bytes()
    security.session.lock()
    assert store.locked and not security.reauth.is_fresh()
    with pytest.raises(WrongPassword):
        security.session.unlock("fel lösenord igen")
    security.session.unlock(PASSWORD)
    assert security.reauth.is_fresh()
    with store.read_session() as session:
        last = session.scalars(
            select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(3)
        ).all()
    assert last == ["unlock", "login.failed", "lock"]
    store.lock()
