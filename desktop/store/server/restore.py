"""A restored copy made usable: the restore drill (issue 16), and the recovery check.

``pg_dump`` of a Rondplan database restored under another name on the same cluster
cannot be logged into (each login role is ``<database>.<user>``, its password derived
with that name) and, restored with its privileges, is readable by the production
database's roles (the grants name ``<old database>:<role>``; a new database lets
``PUBLIC`` connect). :func:`adopt_copy`, run as the copy's owner, makes it this
database's own: every privilege of another database's roles revoked, ``CONNECT`` only
for the copy's group, the copy's group roles and grants, user and keyslot rows renamed
to the copy's role names, and a login role for each user who proves their password
against their own keyslot in the copy (others get theirs with a reset and the recovery
code). docs/server.md, "Restore drill".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from psycopg import sql

from desktop.models import Role
from desktop.store import crypto
from desktop.store.keyslots import RECOVERY
from desktop.store.server import recovery
from desktop.store.server.connect import (
    ServerAddress,
    connect,
    role_name,
    role_password,
    scram_verifier,
)
from desktop.store.server.keyslots import ServerKeyslots, set_administrator

if TYPE_CHECKING:
    from desktop.store.server.provision import ServerPolicy

# Roles of other databases holding a privilege in this one (the owner, this database's
# groups and login roles excepted).
_FOREIGN_GRANTEES = """
SELECT DISTINCT g.rolname FROM (
  SELECT (pg_catalog.aclexplode(c.relacl)).grantee FROM pg_catalog.pg_class c
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
  UNION SELECT (pg_catalog.aclexplode(p.proacl)).grantee FROM pg_catalog.pg_proc p
   JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
  UNION SELECT (pg_catalog.aclexplode(n.nspacl)).grantee FROM pg_catalog.pg_namespace n
   WHERE n.nspname = 'public'
  UNION SELECT (pg_catalog.aclexplode(d.datacl)).grantee FROM pg_catalog.pg_database d
   WHERE d.datname = pg_catalog.current_database()
) x JOIN pg_catalog.pg_roles g ON g.oid = x.grantee
WHERE g.rolname <> current_user AND NOT pg_catalog.starts_with(g.rolname, 'pg_')
  AND NOT pg_catalog.starts_with(g.rolname, pg_catalog.current_database() || ':')
  AND NOT pg_catalog.starts_with(g.rolname, pg_catalog.current_database() || '.')
"""
_COLUMN_GRANTEES = """
SELECT DISTINCT g.rolname FROM pg_catalog.pg_attribute a
 JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
 CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) e
 JOIN pg_catalog.pg_roles g ON g.oid = e.grantee
WHERE a.attacl IS NOT NULL AND g.rolname <> current_user
  AND NOT pg_catalog.starts_with(g.rolname, 'pg_')
  AND NOT pg_catalog.starts_with(g.rolname, pg_catalog.current_database() || ':')
  AND NOT pg_catalog.starts_with(g.rolname, pg_catalog.current_database() || '.')
"""


@dataclass(frozen=True)
class Adopted:
    """What the drill changed: roles of other databases cut off, rows renamed."""

    revoked_from: tuple[str, ...]
    renamed: int


def adopt_copy(address: ServerAddress, policy: ServerPolicy) -> Adopted:
    """As the copy's owner: the copy becomes this database's own (idempotent)."""
    from desktop.store.server.provision import prepare_roles

    database = address.database
    with connect(address.conninfo()) as conn, conn.transaction():
        foreign = sorted(
            {r[0] for r in conn.execute(_FOREIGN_GRANTEES)}
            | {r[0] for r in conn.execute(_COLUMN_GRANTEES)}
        )
        for grantee in foreign:
            who = sql.Identifier(grantee)
            for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
                conn.execute(
                    sql.SQL("REVOKE ALL ON ALL {} IN SCHEMA public FROM {}").format(
                        sql.SQL(kind), who
                    )
                )
            conn.execute(sql.SQL("REVOKE ALL ON SCHEMA public FROM {}").format(who))
            conn.execute(
                sql.SQL("REVOKE ALL ON DATABASE {} FROM {}").format(sql.Identifier(database), who)
            )
        conn.execute(
            sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(sql.Identifier(database))
        )
        renamed = 0
        for old, username in conn.execute("SELECT rolname, username FROM user_role").fetchall():
            new = role_name(database, username)
            if old == new:
                continue
            conn.execute("UPDATE user_role SET rolname = %s WHERE rolname = %s", (new, old))
            conn.execute("UPDATE server_keyslot SET name = %s WHERE name = %s", (new, old))
            renamed += 1
        conn.execute("DELETE FROM server_recovery_challenge")
    prepare_roles(address, policy)  # the copy's group roles, their grants, CONNECT for its own
    return Adopted(tuple(foreign), renamed)


def give_login(address: ServerAddress, username: str, password: str) -> Role:
    """As the owner: ``username``'s login role in the copy, once the password opens the
    user's own keyslot there (a wrong one raises WrongPassword and changes nothing)."""
    slots = ServerKeyslots.read(lambda: connect(address.conninfo()), address.database)
    slots.unlock(username, password)
    role = role_name(address.database, username)
    verifier = scram_verifier(role_password(role, password))
    with connect(address.conninfo()) as conn, conn.transaction():
        row = conn.execute(
            "SELECT role FROM user_account WHERE username = %s AND active", (username,)
        ).fetchone()
        if row is None:
            from desktop.store.errors import WrongPassword

            raise WrongPassword()
        conn.execute("SELECT public.rondplan_set_login(%s, %s)", (username, verifier))
        # Into the group of the user's role (its user_role row came with the copy, so
        # no trigger did it).
        conn.execute("SELECT public.rondplan_sync_role(%s)", (username,))
        user_role = Role(row[0])
        if user_role is Role.ADMINISTRATOR:
            set_administrator(conn, address.database, username, True)
    return user_role


def store_recovery_check(address: ServerAddress, recovery_code: str) -> None:
    """As the owner: keep the proof key of the recovery code, once the code opens the
    server's recovery slot (for a database made by ``migrate-to-server`` or before 0017;
    ``init`` stores it itself). A wrong code raises WrongPassword."""
    slots = ServerKeyslots.read(lambda: connect(address.conninfo()), address.database)
    code = crypto.normalise_recovery_code(recovery_code)
    slots.unlock(RECOVERY, code)
    with connect(address.conninfo()) as conn, conn.transaction():
        recovery.store_proof_key(conn, code, slots.database_id)
