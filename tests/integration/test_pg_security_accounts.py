"""Users, sessions, lock audit and unlock (tests/unit/security: test_users_and_session,
test_unlock_refreshes_identity, test_lock_audit), run against PostgreSQL."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.security import SecurityServices
from desktop.store.errors import WrongPassword
from tests.factories import PASSWORD, fresh_with_users, locked, login
from tests.integration import pg
from tests.unit.security.test_lock_audit import *  # noqa: F403
from tests.unit.security.test_unlock_refreshes_identity import *  # noqa: F403
from tests.unit.security.test_users_and_session import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")


def test_failed_logins_reach_the_audit_log_at_next_unlock(tmp_path):  # type: ignore[no-redef]
    """Server version: the keyslot file's checks become checks of the slot rows."""
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
    # The server writes who wrote each entry (issue 16): here the administrator whose
    # login carried the queued failures; the failed account is the entry's object.
    assert entries[-3].role == "administrator" and entries[-3].user_id is not None
    assert entries[-3].object_type == "user" and entries[-3].object_ids != ""
    assert officer_id is not None
    # Moved, not copied: nothing of them is left on the server, and a mistyped
    # user name is written nowhere (the slot rows are the server's "keyslot file").
    owner = pg._conninfo(pg.url_of(fresh.path))
    with psycopg.connect(owner) as conn:
        slots = conn.execute("SELECT name, slot::text FROM server_keyslot").fetchall()
    assert slots and not any("nobody" in name + slot for name, slot in slots)
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
