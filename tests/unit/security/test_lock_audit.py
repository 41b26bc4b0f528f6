"""Locking never fails open: a lock entry that cannot be written waits for the next unlock."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.security import SecurityServices
from desktop.store.errors import DatabaseLocked, DiskFull
from tests.factories import PASSWORD, fresh_with_users, login


@pytest.mark.parametrize("error", [DiskFull, DatabaseLocked])
def test_lock_forgets_keys_when_audit_write_fails(tmp_path, monkeypatch, error):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    store = login(fresh.path, "coordinator_social")
    security = SecurityServices.build(store)
    security.session.record_login()

    def failing_write():
        raise error

    monkeypatch.setattr(store, "write_session", failing_write)
    security.session.lock()  # does not raise: the lock must never fail
    assert store.locked
    assert not security.reauth.is_fresh()
    monkeypatch.undo()
    # The missed entry waits (user name only) and is written with the unlock.
    assert [e["event"] for e in store.keyslots.pending] == ["lock"]
    security.session.unlock(PASSWORD)
    with store.read_session() as session:
        last = session.execute(
            select(AuditEntry.action, AuditEntry.user_id).order_by(AuditEntry.seq.desc()).limit(2)
        ).all()
    assert [action for action, _ in last] == ["unlock", "lock"]
    assert last[1].user_id == store.identity.user_id
    assert store.keyslots.pending == []
    # Locking works again afterwards, and normally.
    security.session.lock()
    assert store.locked
    security.session.unlock(PASSWORD)
    store.lock()
