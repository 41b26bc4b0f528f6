"""Issue 16: an administrator's own role cannot replace another user's login verifier
without the recovery code.

Before migration 0017 ``rondplan_set_login`` let any administrator's role set a new
SCRAM verifier on an existing user's role (only audited): the administrator then logged
in as that officer and held the officer's database rights (case data an administrator
may not read). Now a replacement goes through ``rondplan_reset_login`` with a one-time
challenge answered with a key derived from the recovery code; the application's reset
(Administration → Användare → Återställ lösenord…, ``rondplan users reset``) passes it.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.services.security import SecurityServices
from desktop.store.errors import StoreError, WrongPassword
from desktop.store.server import recovery
from desktop.store.server.connect import (
    role_name,
    role_password,
    scram_verifier,
)
from tests.attacks import server_world
from tests.factories import PASSWORD
from tests.integration import pg

pytestmark = pytest.mark.postgres

STOLEN = "administratorns-eget-val-1"
TEMPORARY = "tillfälligt-lösen-4711"


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


def _verifier(fresh, username: str, password: str) -> str:
    database = server_world.url(fresh).rsplit("/", 1)[1]
    return scram_verifier(role_password(role_name(database, username), password))


def _stored_verifier(fresh, username: str) -> str:
    """The verifier the server holds for the user's role (as a superuser sees it; the
    test cluster trusts local logins, so a login attempt would prove nothing)."""
    database = server_world.url(fresh).rsplit("/", 1)[1]
    with server_world.as_owner(fresh) as owner:
        row = owner.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s",
            (role_name(database, username),),
        ).fetchone()
    return str(row[0])


def _database_id(fresh) -> str:
    with server_world.as_owner(fresh) as owner:
        value = owner.execute("SELECT value FROM setting WHERE key = 'database_id'").fetchone()[0]
    return str(value).strip('"')


def test_an_administrator_cannot_replace_a_users_login_without_the_code(fresh):
    before = _stored_verifier(fresh, "officer_police")
    verifier = _verifier(fresh, "officer_police", STOLEN)
    with server_world.as_user(fresh, "admin") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT rondplan_set_login('officer_police', %s)", (verifier,))
        # The checked function, with a challenge but a proof from a guessed code.
        nonce = conn.execute("SELECT rondplan_recovery_challenge()").fetchone()[0]
        guessed = recovery.proof_key("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", _database_id(fresh))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT rondplan_reset_login('officer_police', %s, %s, %s)",
                (verifier, nonce, recovery.proof(guessed, nonce, "officer_police", verifier)),
            )
        # Nor with no challenge at all, nor by reading the check value.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT rondplan_reset_login('officer_police', %s, %s, %s)",
                (verifier, "00000000-0000-0000-0000-000000000000", "0" * 64),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT proof_key FROM server_recovery").fetchall()
    assert _stored_verifier(fresh, "officer_police") == before


def test_with_the_code_the_reset_works_once_and_is_recorded(fresh):
    key = recovery.proof_key(fresh.recovery_code, _database_id(fresh))
    verifier = _verifier(fresh, "officer_police", TEMPORARY)
    with server_world.as_user(fresh, "admin") as conn:
        nonce = conn.execute("SELECT rondplan_recovery_challenge()").fetchone()[0]
        answer = recovery.proof(key, nonce, "officer_police", verifier)
        conn.execute(
            "SELECT rondplan_reset_login('officer_police', %s, %s, %s)", (verifier, nonce, answer)
        )
        # The same answer again (a replay, e.g. from a server log) is refused, and it
        # is bound to that user and verifier.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT rondplan_reset_login('officer_police', %s, %s, %s)",
                (verifier, nonce, answer),
            )
    assert _stored_verifier(fresh, "officer_police") == verifier
    with server_world.as_user(fresh, "officer_social") as conn:
        conn.execute("SELECT * FROM rondplan_audit_integrate(NULL)")
    with server_world.as_owner(fresh) as owner:
        rows = owner.execute(
            "SELECT user_id, object_ids, detail FROM audit_entry "
            "WHERE action = 'server.login_reset'"
        ).fetchall()
    assert rows == [
        (
            server_world.user_id(fresh, "admin"),
            str(server_world.user_id(fresh, "officer_police")),
            "recovery=1",
        )
    ]


def test_the_applications_reset_passes_the_code_and_the_user_changes_their_own(fresh):
    before = _stored_verifier(fresh, "officer_social")
    admin = pg.pg_login(fresh.path, "admin")
    try:
        security = SecurityServices.build(admin)
        security.reauth.mark_given()
        officer = next(u for u in security.users.list_users() if u.username == "officer_social")
        security.users.reset_password(officer.id, TEMPORARY, fresh.recovery_code)
    finally:
        admin.lock()
    reset = _stored_verifier(fresh, "officer_social")
    assert reset != before
    with pytest.raises(WrongPassword):
        pg.pg_locked(fresh.path).unlock("officer_social", PASSWORD)
    store = pg.pg_locked(fresh.path).unlock("officer_social", TEMPORARY)
    try:
        # A user's own password: changed with the current one, no recovery code.
        SecurityServices.build(store).users.change_own_password(TEMPORARY, STOLEN)
    finally:
        store.lock()
    assert _stored_verifier(fresh, "officer_social") not in (before, reset)


def test_without_the_check_on_the_server_the_reset_is_refused_in_words(fresh):
    # A database moved by migrate-to-server without the code keeps no check value.
    with server_world.as_owner(fresh) as owner:
        owner.execute("DELETE FROM server_recovery")
    before = _stored_verifier(fresh, "officer_police")
    admin = pg.pg_login(fresh.path, "admin")
    try:
        security = SecurityServices.build(admin)
        security.reauth.mark_given()
        officer = next(u for u in security.users.list_users() if u.username == "officer_police")
        with pytest.raises(StoreError) as refused:
            security.users.reset_password(officer.id, TEMPORARY, fresh.recovery_code)
    finally:
        admin.lock()
    assert refused.value.code == "server.login_replace_refused"
    assert _stored_verifier(fresh, "officer_police") == before


def test_deleting_the_account_does_not_free_its_login(fresh):
    """With the account row gone, the role still exists: its verifier is replaced only
    with the recovery code (the administrator may delete accounts, not take logins)."""
    before = _stored_verifier(fresh, "officer_police")
    verifier = _verifier(fresh, "officer_police", STOLEN)
    with server_world.as_user(fresh, "admin") as conn:
        conn.execute("DELETE FROM user_account WHERE username = 'officer_police'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT rondplan_set_login('officer_police', %s)", (verifier,))
    assert _stored_verifier(fresh, "officer_police") == before
