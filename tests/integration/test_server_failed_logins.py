"""Failed logins to the server are audited, as on a local file (SCRAM cluster).

A wrong password never reaches the database; the workstation keeps the failure
(a keyed hash of the name tried, never the name) and the next successful login from
it writes the entries. Delays grow after five failures, as for a keyslot file.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, Role, User
from desktop.services.security import SecurityServices
from desktop.services.security.audit import verify_chain
from desktop.services.server_policy import server_policy
from desktop.store.errors import AccountLocked, WrongPassword
from desktop.store.server.provision import init_server, owner_engine
from desktop.store.server.store import LockedServer, ServerStore
from tests.factories import PASSWORD

WRONG = "fel-lösenord-123456"


@pytest.fixture
def server(scram_cluster, tmp_path):
    url = scram_cluster.create_database()
    created = init_server(
        url, "anna", "Anna Admin", PASSWORD, state_dir=tmp_path, policy=server_policy()
    )
    security = SecurityServices.build(created.store)
    security.reauth.mark_given()
    security.users.create_user("bo", "Bo Berg", Role.OFFICER, "social", PASSWORD)
    created.store.lock()
    opened: list[ServerStore] = []
    yield url, tmp_path, opened
    for store in opened:
        store.lock()


def _failures(store: ServerStore) -> list[tuple[str, str, str]]:
    # Read by the database owner: on a server only the auditor reads the log (issue 16).
    engine = owner_engine(store.address)
    try:
        with engine.connect() as session:
            ids = dict(session.execute(select(User.id, User.username)).all())
            rows = session.execute(
                select(AuditEntry.action, AuditEntry.object_ids, AuditEntry.detail)
                .where(AuditEntry.action.like("login.%"))
                .order_by(AuditEntry.seq)
            ).all()
    finally:
        engine.dispose()
    return [(action, ids.get(int(obj), "") if obj else "", detail) for action, obj, detail in rows]


def test_failures_wait_on_the_workstation_and_reach_the_log_at_the_next_login(server):
    url, folder, opened = server
    for name in ("bo", "bo", "zebulon.qwertystrom"):
        with pytest.raises(WrongPassword):
            LockedServer(url, folder).unlock(name, WRONG)
    (waiting,) = folder.glob("*.logins")
    raw = waiting.read_bytes()
    assert b"zebulon" not in raw and b'"bo"' not in raw  # names never in clear
    assert raw.count(b"login.failed") == 3

    store = LockedServer(url, folder).unlock("anna", PASSWORD)
    opened.append(store)
    SecurityServices.build(store).session.record_login()
    failures = _failures(store)
    assert failures == [
        ("login.failed", "bo", ""),
        ("login.failed", "bo", ""),
        ("login.failed", "", "unknown_user"),
    ]
    assert b"login.failed" not in waiting.read_bytes()  # moved into the log
    assert verify_chain(store).ok


def test_delays_grow_after_five_failures_even_with_the_right_password(server):
    url, folder, opened = server
    for _ in range(5):
        with pytest.raises(WrongPassword):
            LockedServer(url, folder).unlock("bo", WRONG)
    with pytest.raises(AccountLocked, match=r"^store\.account_locked_until$"):
        LockedServer(url, folder).unlock("bo", PASSWORD)
    # Another user on the same workstation is not held up.
    store = LockedServer(url, folder).unlock("anna", PASSWORD)
    opened.append(store)
    SecurityServices.build(store).session.record_login()
    actions = [action for action, _, _ in _failures(store)]
    assert actions == ["login.failed"] * 5 + ["login.blocked"]


def test_a_wrong_password_on_the_lock_screen_is_audited_at_the_unlock(server):
    url, folder, opened = server
    store = LockedServer(url, folder).unlock("bo", PASSWORD)
    opened.append(store)
    session = SecurityServices.build(store).session
    session.record_login()
    session.lock()
    with pytest.raises(WrongPassword):
        session.unlock(WRONG)
    session.unlock(PASSWORD)
    assert _failures(store) == [("login.failed", "bo", "")]
    engine = owner_engine(store.address)  # only the auditor reads the log (issue 16)
    try:
        with engine.connect() as s:
            actions = s.scalars(
                select(AuditEntry.action).where(AuditEntry.user_id == store.identity.user_id)
            ).all()
    finally:
        engine.dispose()
    assert actions[-4:] == ["login", "lock", "login.failed", "unlock"]
    # Nothing about the failure was written into the slot on the server.
    with store.connect() as conn:
        (slot,) = conn.execute("SELECT slot FROM server_keyslot").fetchone()
    assert not slot.get("failures")
