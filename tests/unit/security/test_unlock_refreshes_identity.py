"""Unlocking after the lock screen reads the user row again: role, name, deactivation."""

from __future__ import annotations

import pytest

from desktop.models import Role
from desktop.services.security import SecurityServices
from desktop.store.errors import WrongPassword
from tests.factories import PASSWORD, fresh_database, locked

NEW = "en lång lösenordsmening"


def _kalle(fresh):
    security = SecurityServices.build(fresh.admin)
    changes = security.users.create_user("kalle", "Kalle K", Role.OFFICER, "social", NEW)
    user_id = next(iter(changes.ids_of("user")))
    return security, user_id, locked(fresh.path).unlock("kalle", NEW)


def test_deactivated_while_locked_cannot_unlock(tmp_path):
    fresh = fresh_database(tmp_path)
    security, user_id, kalle = _kalle(fresh)
    kalle.lock()
    security.users.deactivate(user_id)
    with pytest.raises(WrongPassword) as raised:
        kalle.unlock(NEW)
    assert raised.value.code == "store.account_disabled"
    assert kalle.locked
    assert kalle.held_compartments() == frozenset()
    fresh.admin.lock()


def test_role_change_while_locked_is_seen_after_unlock(tmp_path):
    fresh = fresh_database(tmp_path)
    security, user_id, kalle = _kalle(fresh)
    assert kalle.identity.role is Role.OFFICER
    kalle.lock()
    security.reauth.confirm(PASSWORD)
    security.users.change_role(user_id, Role.COORDINATOR)
    kalle.unlock(NEW)
    assert kalle.identity.role is Role.COORDINATOR
    assert kalle.identity.user_id == user_id and kalle.identity.username == "kalle"
    kalle.lock()
    fresh.admin.lock()
