"""Login roles are made by the owner's checked functions; administrators lack CREATEROLE.

Against the SCRAM cluster, whose owner (who owns the functions) is no superuser but
has CREATEROLE, as in a real deployment. Raw connections as the administrators' own
roles try what CREATEROLE used to allow (migration 0006_server_role_admin).
"""

from __future__ import annotations

import secrets

import psycopg
import pytest
from alembic import command
from psycopg import sql

from desktop.models import Role
from desktop.services.security import SecurityServices
from desktop.services.server_policy import server_policy
from desktop.store import migrate
from desktop.store.errors import StoreError
from desktop.store.server.connect import ServerAddress, role_name, role_password, scram_verifier
from desktop.store.server.provision import init_server, owner_engine, prepare_roles
from desktop.store.server.store import LockedServer, ServerStore
from tests.factories import PASSWORD
from tests.integration import pg

NEW_PASSWORD = "ett-helt-nytt-lösenord-77"


@pytest.fixture
def server(scram_cluster, tmp_path):
    """A database on the SCRAM cluster, admin ``anna``, officer ``bo``; (database, …)."""
    url = scram_cluster.create_database()
    created = init_server(
        url, "anna", "Anna Admin", PASSWORD, state_dir=tmp_path, policy=server_policy()
    )
    opened: list[ServerStore] = [created.store]

    def login(username: str, password: str = PASSWORD) -> ServerStore:
        store = LockedServer(url, tmp_path).unlock(username, password)
        opened.append(store)
        return store

    anna = _admin_services(created.store)
    anna.users.create_user("bo", "Bo Berg", Role.OFFICER, "social", PASSWORD)
    yield ServerAddress.parse(url).database, created.store, anna, login, url
    for store in opened:
        store.lock()


def _admin_services(store: ServerStore) -> SecurityServices:
    security = SecurityServices.build(store)
    security.reauth.mark_given()  # the password was just given at login
    return security


def _role(conn: psycopg.Connection, role: str) -> tuple[bool, bool, bool]:
    """(CREATEROLE, LOGIN, member of the admin group) of ``role``."""
    database = conn.info.dbname
    row = conn.execute(
        "SELECT r.rolcreaterole, r.rolcanlogin, EXISTS (SELECT 1 FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND g.rolname = %s) "
        "FROM pg_roles r WHERE r.rolname = %s",
        (f"{database}:admin", role),
    ).fetchone()
    assert row is not None, role
    return row


def _verifier(role: str) -> str:
    return scram_verifier(role_password(role, NEW_PASSWORD))


def test_administrators_have_no_createrole_and_cannot_raise_their_rights(server):
    database, anna_store, anna, login, _ = server
    anna.users.create_user("berit", "Berit Admin", Role.ADMINISTRATOR, "social", PASSWORD)
    berit_store = login("berit")
    bo_role = role_name(database, "bo")
    with psycopg.connect(anna_store.conninfo) as conn:
        assert _role(conn, anna_store.role) == (False, True, True)
        assert _role(conn, berit_store.role) == (False, True, True)
    for store in (anna_store, berit_store):
        with psycopg.connect(store.conninfo, autocommit=True) as conn:
            for attempt in (
                # A shell on the server, every table, new roles, another user's login.
                f'GRANT pg_execute_server_program TO "{store.role}"',
                f'GRANT pg_read_all_data TO "{store.role}"',
                f'CREATE ROLE "{database}.mallory" LOGIN',
                "CREATE ROLE mallory SUPERUSER",
                f"ALTER ROLE \"{bo_role}\" PASSWORD '{_verifier(bo_role)}'",
                f'ALTER ROLE "{bo_role}" NOLOGIN',
                f'ALTER ROLE "{store.role}" CREATEROLE',
                # The admin group is not theirs to hand out by hand either.
                f'GRANT "{database}:admin" TO "{bo_role}"',
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(attempt)
    # Their own password they still change themselves (ALTER ROLE on their own role).
    anna.users.change_own_password(PASSWORD, NEW_PASSWORD)
    anna_store.lock()
    assert login("anna", NEW_PASSWORD).identity.username == "anna"


def test_admin_a_makes_admin_b_who_makes_user_c_and_a_demotion_takes_the_group(server):
    database, anna_store, anna, login, _ = server
    anna.users.create_user("berit", "Berit Admin", Role.ADMINISTRATOR, "social", PASSWORD)
    berit = _admin_services(login("berit"))
    berit.users.create_user("cem", "Cem Handläggare", Role.OFFICER, "social", PASSWORD)
    cem = login("cem")
    assert cem.identity.role is Role.OFFICER
    berit_role = role_name(database, "berit")
    with psycopg.connect(anna_store.conninfo) as conn:
        assert _role(conn, cem.role) == (False, True, False)
    berit_id = next(u.id for u in anna.users.list_users() if u.username == "berit")
    anna.users.change_role(berit_id, Role.TEAM_LEAD)
    with psycopg.connect(anna_store.conninfo) as conn:
        assert _role(conn, berit_role) == (False, True, False)


def test_the_functions_refuse_other_callers_and_other_names(server, scram_cluster):
    database, anna_store, _, login, _ = server
    bo = login("bo")
    bo_role = role_name(database, "bo")
    with psycopg.connect(bo.conninfo, autocommit=True) as conn:
        # An application user may not even call them.
        for call, args in (
            ("SELECT rondplan_set_login(%s, %s)", ("bo", _verifier(bo_role))),
            ("SELECT rondplan_set_admin(%s, true)", ("bo",)),
            ("SELECT rondplan_disable_login(%s)", ("anna",)),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(call, args)
    # A stale membership of the admin group is not enough: the user must be an active
    # administrator, read from the real tables, whatever temporary tables say.
    with scram_cluster.superuser() as su:
        su.execute(
            sql.SQL("GRANT {} TO {}").format(*map(sql.Identifier, (f"{database}:admin", bo_role)))
        )
        su.execute(
            sql.SQL("GRANT TEMPORARY ON DATABASE {} TO {}").format(
                sql.Identifier(database), sql.Identifier(bo_role)
            )
        )
    with psycopg.connect(bo.conninfo, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only an administrator"):
            conn.execute("SELECT rondplan_set_admin('bo', true)")
        conn.execute("CREATE TEMP TABLE user_role (rolname text, username text)")
        conn.execute("CREATE TEMP TABLE user_account (username text, active boolean, role text)")
        conn.execute("INSERT INTO user_role VALUES (session_user, 'bo')")
        conn.execute("INSERT INTO user_account VALUES ('bo', true, 'administrator')")
        conn.execute("SET search_path = pg_temp, public")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only an administrator"):
            conn.execute("SELECT public.rondplan_set_admin('bo', true)")
    with scram_cluster.superuser() as su:
        su.execute(
            sql.SQL("REVOKE {} FROM {}").format(
                *map(sql.Identifier, (f"{database}:admin", bo_role))
            )
        )

    with psycopg.connect(anna_store.conninfo, autocommit=True) as conn:
        # Only a Rondplan user name, always as "<database>.<name>": never a group, the
        # owner, another database's role or a made-up identifier.
        for name in ("", "Bo", "app:x", '"x"', "bo; DROP ROLE x", "x" * 70, None):
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                conn.execute("SELECT rondplan_set_admin(%s, true)", (name,))
        # Only a SCRAM verifier as a password, never a clear text or an MD5 hash.
        for verifier in ("hemligt-lösenord", "md5" + "0" * 32, "SCRAM-SHA-256$x"):
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                conn.execute("SELECT rondplan_set_login('dora', %s)", (verifier,))
        assert conn.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname = %s", (f"{database}.dora",)
        ).fetchone() == (0,)
    # A role of the right name with more rights than an application user's is refused.
    strong = f"{database}.eva"
    with scram_cluster.superuser() as su:
        su.execute(sql.SQL("CREATE ROLE {} CREATEROLE").format(sql.Identifier(strong)))
    with (
        psycopg.connect(anna_store.conninfo, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="not an application"),
    ):
        conn.execute("SELECT rondplan_set_login('eva', %s)", (_verifier(strong),))
    with scram_cluster.superuser() as su:
        su.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(strong)))


def test_a_failed_administrator_creation_leaves_no_rights(server, monkeypatch):
    database, anna_store, anna, _, _ = server

    class Refused(Exception):
        pass

    def fail(*args, **kwargs):
        raise Refused

    # The account row's unit of work fails after the role joined the admin group.
    monkeypatch.setattr("desktop.services.security.users.UnitOfWork", fail)
    with pytest.raises(Refused):
        anna.users.create_user("dora", "Dora Admin", Role.ADMINISTRATOR, "social", PASSWORD)
    monkeypatch.undo()
    dora = role_name(database, "dora")
    with psycopg.connect(anna_store.conninfo) as conn:
        assert _role(conn, dora) == (False, False, False)
    # Made again by an administrator: the left-behind role's login is not replaced
    # without the recovery code (issue 16, migration 0017), and it gains no rights.
    with pytest.raises(StoreError) as refused:
        anna.users.create_user("dora", "Dora Handläggare", Role.OFFICER, "social", PASSWORD)
    assert refused.value.code == "server.login_replace_refused"
    with psycopg.connect(anna_store.conninfo) as conn:
        assert _role(conn, dora) == (False, False, False)


def test_init_refuses_an_owner_without_createrole_in_swedish(pg_server, tmp_path):
    owner = f"rondplan_weak_{secrets.token_hex(4)}"
    with psycopg.connect(pg._conninfo(pg_server), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN NOCREATEROLE").format(sql.Identifier(owner)))
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(owner), sql.Identifier(owner)
            )
        )
    address = ServerAddress.parse(pg.database_url(owner))
    url = f"postgresql://{owner}@{address.host}:{address.port}/{owner}"
    try:
        with pytest.raises(StoreError, match=r"^server\.owner_needs_createrole$"):
            init_server(
                url, "anna", "Anna Admin", PASSWORD, state_dir=tmp_path, policy=server_policy()
            )
        with psycopg.connect(pg._conninfo(url)) as conn:
            # Refused before anything was written.
            assert conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone() == (0,)
    finally:
        with psycopg.connect(pg._conninfo(pg_server), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(owner))
            )
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(owner)))


def test_the_upgrade_takes_createrole_from_roles_of_the_earlier_version(server):
    database, anna_store, _, _, url = server
    address = ServerAddress.parse(url)
    anna = role_name(database, "anna")
    # As the code before 0006 left an administrator: CREATEROLE, ADMIN OPTION on groups.
    with psycopg.connect(address.conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(anna)))
        for group in ("app", "admin"):
            conn.execute(
                sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
                    sql.Identifier(f"{database}:{group}"), sql.Identifier(anna)
                )
            )
    engine = owner_engine(address)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0005_server_hardening")
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    prepare_roles(address, server_policy())
    with psycopg.connect(address.conninfo()) as conn:
        assert _role(conn, anna) == (False, True, True)
        assert conn.execute(
            "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            "WHERE r.rolname = %s AND m.admin_option",
            (anna,),
        ).fetchone() == (0,)
    # The functions are back and still do their work for the administrator.
    security = _admin_services(anna_store)
    security.users.create_user("dora", "Dora Handläggare", Role.OFFICER, "social", PASSWORD)
    with psycopg.connect(address.conninfo()) as conn:
        assert _role(conn, role_name(database, "dora")) == (False, True, False)
