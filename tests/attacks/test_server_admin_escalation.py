"""Issue 16: an administrator's own database role cannot widen its own reach, and what
it may change about roles and logins is recorded by the server.

Before migration 0012 the administrator's role switched its own agency (and then saw
another agency's notes), made a login role for a user name with no account, and reset
any user's login, none of it in the audit log.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.store.server.connect import role_name, role_password, scram_verifier
from tests.attacks import server_world

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


def _chain(fresh) -> None:
    """Any client's next action chains what the server queued."""
    with server_world.as_user(fresh, "officer_social") as conn:
        conn.execute("SELECT * FROM rondplan_audit_integrate(NULL)")


def test_an_administrator_cannot_change_their_own_agency_or_role(fresh):
    with server_world.as_owner(fresh) as owner:
        police = owner.execute("SELECT id FROM agency WHERE code = 'police'").fetchone()[0]
    with server_world.as_user(fresh, "admin") as conn:
        for change, value in (("agency_id", police), ("role", "coordinator"), ("active", False)):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    f"UPDATE user_account SET {change} = %s WHERE username = 'admin'", (value,)
                )
    with server_world.as_owner(fresh) as owner:
        row = owner.execute(
            "SELECT a.code, u.role, u.active FROM user_account u JOIN agency a "
            "ON a.id = u.agency_id WHERE u.username = 'admin'"
        ).fetchone()
    assert row == ("social", "administrator", True)


def test_another_users_agency_change_is_recorded_by_the_server(fresh):
    admin_id = server_world.user_id(fresh, "admin")
    officer_id = server_world.user_id(fresh, "officer_police")
    with server_world.as_owner(fresh) as owner:
        social = owner.execute("SELECT id FROM agency WHERE code = 'social'").fetchone()[0]
    with server_world.as_user(fresh, "admin") as conn:
        conn.execute(
            "UPDATE user_account SET agency_id = %s WHERE username = 'officer_police'", (social,)
        )
    _chain(fresh)
    with server_world.as_owner(fresh) as owner:
        rows = owner.execute(
            "SELECT user_id, object_ids FROM audit_entry WHERE action = 'server.account_change'"
        ).fetchall()
    assert rows == [(admin_id, str(officer_id))]


def test_no_login_without_an_account_and_every_login_change_recorded(fresh):
    database = server_world.url(fresh).rsplit("/", 1)[1]
    ghost = role_name(database, "ghost")
    _chain(fresh)
    with server_world.as_owner(fresh) as owner:
        before = owner.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
    with server_world.as_user(fresh, "admin") as conn:
        conn.execute(
            "SELECT rondplan_set_login('ghost', %s)",
            (scram_verifier(role_password(ghost, "x" * 12)),),
        )
        target = role_name(database, "officer_police")
        # Replacing a user's login needs the recovery code (migration 0017; see
        # test_server_verifier_reset.py): refused, and nothing is recorded for it.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT rondplan_set_login('officer_police', %s)",
                (scram_verifier(role_password(target, "nytt-lösenord-123")),),
            )
        conn.execute("SELECT rondplan_set_admin('officer_police', false)")
        conn.execute("SELECT rondplan_disable_login('team_lead_police')")
    with server_world.as_owner(fresh) as owner:
        # A role without an account of this database cannot log in.
        assert owner.execute(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (ghost,)
        ).fetchone() in (None, (False,))
    _chain(fresh)
    admin_id = server_world.user_id(fresh, "admin")
    with server_world.as_owner(fresh) as owner:
        rows = owner.execute(
            "SELECT action, user_id, object_ids FROM audit_entry "
            "WHERE action LIKE 'server.%%' AND seq > %s ORDER BY seq",
            (before,),
        ).fetchall()
    assert rows == [
        ("server.login_create", admin_id, ""),
        ("server.role_admin", admin_id, str(server_world.user_id(fresh, "officer_police"))),
        ("server.login_disable", admin_id, str(server_world.user_id(fresh, "team_lead_police"))),
    ]
