"""``rondplan init --server``: migrate an empty PostgreSQL database and add its admin.

Run with the database owner's URL. The owner migrates and grants; the application
itself never connects as the owner afterwards: every user has their own login role,
a member of ``<database>.app`` (administrators also of ``<database>.admin``).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desktop.models import AgencyKind, Role
from desktop.store import crypto, migrate
from desktop.store.creation import DEFAULT_AGENCIES, seed_first_rows
from desktop.store.errors import AlreadyExists, StoreError
from desktop.store.keyslots import PROTECTED_ADDRESSES, RECOVERY, UnlockedKeys
from desktop.store.server import audit as server_audit
from desktop.store.server import recovery, schema
from desktop.store.server.connect import ServerAddress, connect, group_role
from desktop.store.server.keyslots import (
    ServerKeyslots,
    role_function_grants,
    set_administrator,
)
from desktop.store.server.store import LockedServer, ServerStore


@dataclass(frozen=True)
class ServerPolicy:
    """What the application decides and the owner applies to a server database.

    Handed in by the caller (``desktop.services.server_policy.server_policy()``): the
    store imports nothing from the services (issue 19). ``table_rights(database,
    tables)``: each role group's table rights from the permission table;
    ``audit_rights(database)``: the reads pgaudit logs; ``templates``: the programme
    texts' first versions.
    """

    table_rights: Callable[[str, Mapping[str, list[str]]], list[str]]
    audit_rights: Callable[[str], list[str]]
    templates: Mapping[str, str]


@dataclass(frozen=True)
class CreatedServer:
    store: ServerStore
    recovery_code: str


def owner_engine(address: ServerAddress) -> Engine:
    """An engine as the URL's own user (the owner), for migrations and provisioning."""
    conninfo = address.conninfo()
    return create_engine(
        "postgresql+psycopg://", creator=lambda: connect(conninfo), poolclass=NullPool
    )


@contextlib.contextmanager
def owner_connection(address: ServerAddress) -> Iterator[psycopg.Connection]:
    with connect(address.conninfo()) as conn:
        yield conn


def prepare_roles(address: ServerAddress, policy: ServerPolicy) -> None:
    """The group roles and their grants (idempotent; run again after an upgrade)."""
    with owner_connection(address) as conn, conn.transaction():
        check_owner_creates_roles(conn)
        # app and admin (connection, functions); one group per application role with
        # that role's table rights (server_rights); "audited" for pgaudit's object audit.
        groups = ("app", "admin", *(role.value for role in Role), "audited")
        for group in groups:
            name = group_role(address.database, group)
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
        # Each table with its columns: column grants name only those present (issue 16).
        tables: dict[str, list[str]] = {}
        for table, column in conn.execute(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
            "AND t.table_name = c.table_name "
            "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
        ):
            tables.setdefault(table, []).append(column)
        rights = policy.table_rights(address.database, tables)
        for statement in schema.grant_statements(address.database, rights):
            conn.execute(statement.encode())
        for statement in policy.audit_rights(address.database):
            conn.execute(statement.encode())
        for statement in role_function_grants(address.database):
            conn.execute(statement.encode())
        # The audit queue, CONNECT, and what ends stalled sessions (migration 0012).
        for statement in server_audit.audit_grant_statements(address.database):
            conn.execute(statement.encode())
        server_audit.grant_owner_monitoring(conn)
        sync = conn.execute("SELECT 1 FROM pg_proc WHERE proname = 'rondplan_sync_role'").fetchone()
        if sync:  # every user's role in the group of its role (migration 0011)
            conn.execute("SELECT public.rondplan_sync_role(username) FROM public.user_account")


def seed_default_templates(address: ServerAddress, policy: ServerPolicy) -> None:
    """The programme texts' first versions, written by the owner.

    Printing adds a missing default on a local file; on a server only administrators
    write templates (desktop.services.server_rights), so the owner writes them at
    ``init``, after ``migrate-to-server`` and at an upgrade of a database in use.
    """
    with owner_connection(address) as conn, conn.transaction():
        for key, body in policy.templates.items():
            conn.execute(
                "INSERT INTO template (key, version, body, created_at) "
                "SELECT %s, 1, %s, now() AT TIME ZONE 'UTC' "
                "WHERE NOT EXISTS (SELECT 1 FROM template WHERE key = %s)",
                (key, body, key),
            )


def check_owner_creates_roles(conn: psycopg.Connection) -> None:
    """The owner's functions create and change the users' login roles: CREATEROLE."""
    row = conn.execute(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    if row is None or not row[0]:
        raise StoreError("server.owner_needs_createrole")


def upgrade_server(url: str, policy: ServerPolicy) -> None:
    """Run pending migrations as the owner, then renew the grants."""
    address = ServerAddress.parse(url)
    engine = owner_engine(address)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    prepare_roles(address, policy)
    with owner_connection(address) as conn:
        in_use = conn.execute("SELECT 1 FROM user_account LIMIT 1").fetchone()
    if in_use:
        seed_default_templates(address, policy)


def init_server(
    url: str,
    admin_username: str,
    admin_display_name: str,
    password: str,
    admin_agency: str = "social",
    agencies: tuple[tuple[str, str, AgencyKind], ...] = DEFAULT_AGENCIES,
    state_dir: Path | None = None,
    *,
    policy: ServerPolicy,
) -> CreatedServer:
    """Prepare an empty server database and its first administrator."""
    address = ServerAddress.parse(url)
    with owner_connection(address) as conn:
        used = conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version'"
        ).fetchone()
        if not used:
            check_owner_creates_roles(conn)  # before anything is written
    if used:
        raise AlreadyExists("server.already_rondplan")
    if admin_agency not in {code for code, _, _ in agencies}:
        raise ValueError(f"unknown agency {admin_agency!r}")
    upgrade_server(url, policy)
    data_key = crypto.new_key()
    compartments = {code: crypto.new_key() for code, _, _ in agencies}
    # Protected-identity addresses (issue 15): only the recovery slot at first; users
    # whose role needs it get it when created (desktop.services.protected_addresses).
    compartments[PROTECTED_ADDRESSES] = crypto.new_key()
    recovery_code = crypto.new_recovery_code()
    slots = ServerKeyslots(
        lambda: connect(address.conninfo()), address.database, str(uuid.uuid4()), {}
    )
    engine = owner_engine(address)
    try:
        with Session(engine) as session, session.begin():
            seed_first_rows(
                session,
                slots.database_id,
                agencies,
                admin_username,
                admin_display_name,
                admin_agency,
            )
    finally:
        engine.dispose()
    seed_default_templates(address, policy)
    slots.put(RECOVERY, recovery_code, UnlockedKeys(data_key, compartments))
    slots.put(
        admin_username, password, UnlockedKeys(data_key, {admin_agency: compartments[admin_agency]})
    )
    slots.save()
    with owner_connection(address) as conn, conn.transaction():
        # Only the recovery code's holder replaces a login from now on (issue 16).
        recovery.store_proof_key(conn, recovery_code, slots.database_id)
    make_administrator(address, admin_username)
    store = LockedServer(url, state_dir).unlock(admin_username, password)
    return CreatedServer(store, recovery_code)


def make_administrator(address: ServerAddress, username: str) -> None:
    """The first administrator's rights, given by the owner (later ones by an admin).

    Through the same function as an administrator's (rondplan_set_admin): the role
    joins the admin group and gets no CREATEROLE.
    """
    with owner_connection(address) as conn, conn.transaction():
        set_administrator(conn, address.database, username, True)
