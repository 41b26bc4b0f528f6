"""Against a cluster that checks passwords (SCRAM) and certificates (TLS verify-full).

The shared local server trusts every login; here a wrong password really fails, the
owner is not a superuser (only CREATEROLE), and every connection is TLS with
``sslmode=verify-full`` against a certificate authority made for the test session.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.cli import main
from desktop.models import Role
from desktop.services.security import SecurityServices
from desktop.services.server_policy import server_policy
from desktop.store.errors import WrongPassword
from desktop.store.server.connect import ServerAddress, ServerUnavailable, connect, role_name
from desktop.store.server.provision import init_server
from desktop.store.server.store import LockedServer, ServerStore
from tests.factories import PASSWORD

NEW_PASSWORD = "ett-helt-nytt-lösenord-77"


@pytest.fixture
def server(scram_cluster, tmp_path):
    """A database on the SCRAM cluster, made with ``init --server``; admin ``anna``."""
    url = scram_cluster.create_database()
    created = init_server(
        url, "anna", "Anna Admin", PASSWORD, state_dir=tmp_path, policy=server_policy()
    )
    opened: list[ServerStore] = [created.store]

    def login(username: str, password: str = PASSWORD) -> ServerStore:
        store = LockedServer(url, tmp_path).unlock(username, password)
        opened.append(store)
        return store

    yield url, created, login
    for store in opened:
        store.lock()


def _admin_services(store: ServerStore) -> SecurityServices:
    security = SecurityServices.build(store)
    security.reauth.mark_given()  # the password was just given at login
    return security


def test_init_server_command_with_a_password_checking_server(scram_cluster, tmp_path, monkeypatch):
    url = scram_cluster.create_database()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: tmp_path)
    assert main(["init", "--server", url, "--admin", "anna", "--agency", "police"]) == 0
    store = LockedServer(url, tmp_path).unlock("anna", PASSWORD)
    try:
        with psycopg.connect(store.conninfo) as conn:
            # The session really is TLS, as the user's own role, with a SCRAM verifier.
            assert conn.execute(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
            ).fetchone() == (True,)
            assert conn.execute("SELECT current_user").fetchone() == (store.role,)
    finally:
        store.lock()


def test_right_password_logs_in_and_a_wrong_one_is_refused_in_swedish(server):
    url, _, login = server
    assert login("anna").identity.username == "anna"
    with pytest.raises(WrongPassword, match=r"^store\.wrong_password$"):
        LockedServer(url).unlock("anna", "fel-lösenord-123456")
    # The database role refuses the wrong derived password itself, not only the keyslot.
    address = ServerAddress.parse(url)
    role = role_name(address.database, "anna")
    with pytest.raises(WrongPassword):
        connect(address.conninfo(role, "fel-lösenord-123456"))


def test_a_changed_password_works_and_the_old_one_no_longer_does(server):
    url, created, login = server
    security = _admin_services(created.store)
    security.users.create_user("bo", "Bo Berg", Role.OFFICER, "social", PASSWORD)
    bo = login("bo")
    SecurityServices.build(bo).users.change_own_password(PASSWORD, NEW_PASSWORD)
    bo.lock()
    assert login("bo", NEW_PASSWORD).identity.username == "bo"
    with pytest.raises(WrongPassword):
        LockedServer(url).unlock("bo", PASSWORD)


def test_verify_full_connects_with_the_right_authority_and_refuses_another(scram_cluster):
    with psycopg.connect(ServerAddress.parse(scram_cluster.url()).conninfo()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    wrong = scram_cluster.url(root=scram_cluster.wrong_root_cert)
    with pytest.raises(ServerUnavailable, match=r"^server\.tls_refused$"):
        connect(ServerAddress.parse(wrong).conninfo())
    # Without TLS the server itself refuses (pg_hba: hostnossl … reject).
    plain = scram_cluster.url().split("?")[0] + "?sslmode=disable&gssencmode=disable"
    with pytest.raises(ServerUnavailable):
        connect(ServerAddress.parse(plain).conninfo())


def _rights(conn: psycopg.Connection, role: str, group: str) -> tuple[bool, bool, bool]:
    """(CREATEROLE, member of group, with ADMIN OPTION) of ``role``."""
    row = conn.execute(
        "SELECT r.rolcreaterole, m.roleid IS NOT NULL, coalesce(m.admin_option, false) "
        "FROM pg_roles r LEFT JOIN pg_auth_members m ON m.member = r.oid "
        "AND m.roleid = (SELECT oid FROM pg_roles WHERE rolname = %s) WHERE r.rolname = %s",
        (group, role),
    ).fetchone()
    assert row is not None
    return row


def test_a_second_administrator_creates_users_without_the_owner(server):
    url, created, login = server
    anna = _admin_services(created.store)
    anna.users.create_user("berit", "Berit Admin", Role.ADMINISTRATOR, "social", PASSWORD)
    berit_store = login("berit")
    berit = _admin_services(berit_store)
    berit.users.create_user("cem", "Cem Handläggare", Role.OFFICER, "social", PASSWORD)
    cem = login("cem")
    assert cem.identity.role is Role.OFFICER
    database = ServerAddress.parse(url).database
    berit_role = role_name(database, "berit")
    with psycopg.connect(created.store.conninfo) as conn:
        # In the admin group, but with neither CREATEROLE nor the right to grant it.
        assert _rights(conn, berit_role, f"{database}:admin") == (False, True, False)

    # Demoted: the role loses the admin group; it stays an app user.
    berit_id = next(u.id for u in anna.users.list_users() if u.username == "berit")
    anna.users.change_role(berit_id, Role.COORDINATOR)
    with psycopg.connect(created.store.conninfo) as conn:
        assert _rights(conn, berit_role, f"{database}:admin") == (False, False, False)
        assert _rights(conn, berit_role, f"{database}:app")[1:] == (True, False)
    # Even from a raw connection the demoted role can create no role any more.
    with (
        psycopg.connect(berit_store.conninfo) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(f'CREATE ROLE "{database}.dan" LOGIN')
    # Promoted again by an administrator who is not the first one... and back.
    anna.users.change_role(berit_id, Role.ADMINISTRATOR)
    with psycopg.connect(created.store.conninfo) as conn:
        assert _rights(conn, berit_role, f"{database}:admin") == (False, True, False)
