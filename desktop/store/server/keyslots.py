"""Keyslots kept on the server: one ``server_keyslot`` row per user, no local file.

Row-level security lets a role read and write only its own row (administrators all
rows, to create and remove accounts). A slot written with a password (``put``) also
creates or updates the user's database role, whose SCRAM verifier is computed here:
a user's own role changes its own password; any other role is created or changed by
the owner's functions of migration 0006_server_role_admin, which only an active
administrator (or the owner) may call.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
from psycopg import sql

from desktop.store.errors import ReadOnlyServer
from desktop.store.keyslots import RECOVERY, KeyslotFile, Slot, UnlockedKeys
from desktop.store.server import recovery
from desktop.store.server.attempts import LoginAttempts
from desktop.store.server.connect import (
    group_role,
    role_name,
    role_password,
    scram_verifier,
)

ConnectionFactory = Callable[[], psycopg.Connection]


class ServerKeyslots(KeyslotFile):
    """The keyslots visible to the connected role, saved back row by row."""

    # The server authenticates its own audit log; no signing keys in its slots (issue 15).
    signs_records = False

    def __init__(
        self,
        connect: ConnectionFactory,
        database: str,
        database_id: str,
        slots: dict[str, Slot],
    ) -> None:
        super().__init__(Path(f"{database}.server-keys"), database_id, slots)
        self._connect = connect
        self._database = database
        self._stored = set(slots)
        self._passwords: dict[str, str] = {}
        # Failed logins are kept on the workstation (see attempts.py), never in the slot
        # rows: a wrong password cannot write to the server.
        self.attempts: LoginAttempts | None = None
        self.known_users: set[str] = set()
        self._unlocking = False
        # The recovery code's proof key, from an unlock of the recovery slot until the
        # next save: a reset replaces the user's login with it (issue 16).
        self._recovery_key: bytes | None = None

    @classmethod
    def read(cls, connect: ConnectionFactory, database: str) -> ServerKeyslots:
        """The database id and every slot row this role may see."""
        with connect() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = 'database_id'").fetchone()
            if row is None:
                from desktop.store.errors import NotADatabase

                raise NotADatabase("server.not_prepared")
            rows = conn.execute("SELECT name, slot FROM server_keyslot").fetchall()
        database_id = row[0] if isinstance(row[0], str) else json.loads(row[0])
        slots = slots_by_user({name: Slot.from_json(data) for name, data in rows}, database)
        return cls(connect, database, str(database_id), slots)

    def rebind(self, connect: ConnectionFactory) -> None:
        """Use another connection factory (the unlocked store's own)."""
        self._connect = connect

    def put(  # type: ignore[no-untyped-def]
        self,
        name: str,
        secret: str,
        keys: UnlockedKeys,
        kdf=None,
        temporary=False,
        trust_root=None,
        trust_key=None,
    ) -> None:
        # ``trust_root``, ``trust_key``: a local file's (issue 15); a server has none.
        super().put(name, secret, keys, kdf, temporary)
        if name != RECOVERY:
            # The role's password follows the slot's: both change when the password does.
            self._passwords[name] = secret

    @property
    def pending(self) -> list[dict[str, str]]:
        """The workstation's waiting events, names resolved against the known users."""
        if self.attempts is None:
            return self._pending
        return self.attempts.resolved(self.known_users | set(self.slots))

    @pending.setter
    def pending(self, events: list[dict[str, str]]) -> None:
        self._pending = events

    def _record(self, now: dt.datetime, event: str, name: str) -> None:
        if self.attempts is None:
            super()._record(now, event, name)
        elif event == "login.failed" and self._unlocking:
            self.attempts.failed(name, now)  # counts towards the delay too
        else:
            self.attempts.record(now, event, name)

    def queue_event(self, now: dt.datetime, event: str, name: str) -> None:
        # Typically the server could not take a "lock" entry: it waits on this workstation.
        self._record(now, event, name)

    @contextlib.contextmanager
    def _change(self, write: bool = True) -> Iterator[None]:
        # No local file to lock and reload: rows are read at login, written by save().
        yield

    def _begin_attempt(self, name: str, now: dt.datetime) -> str:
        # Attempts are counted on this workstation (attempts.py) only when they fail.
        if name not in self.slots:
            self._record(now, "login.failed", name)
            return ""
        return "server"

    def _attempt_failed(self, name: str, now: dt.datetime) -> None:
        self._record(now, "login.failed", name)

    def _attempt_succeeded(self, name: str, token: str, kek: bytes, now: dt.datetime) -> bool:
        return True

    def take_pending(self, logged: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
        events = self.pending
        if self.attempts is not None:
            self.attempts.clear_events()
        self._pending = []
        return events

    def unlock(self, name: str, secret: str, now: dt.datetime | None = None) -> UnlockedKeys:
        """As for a file, but failures and delays are kept on this workstation."""
        if self.attempts is not None and name != RECOVERY:
            self.attempts.check(name, now)
        before = self.slots.get(name)
        self._unlocking = True
        try:
            keys = super().unlock(name, secret, now)
            if name == RECOVERY:
                self._recovery_key = recovery.proof_key(secret, self.database_id)
        finally:
            self._unlocking = False
            if before is not None:
                self.slots[name] = before  # no failure counter travels to the server
        if self.attempts is not None and name != RECOVERY:
            self.attempts.succeeded(name)
        return keys

    def save(self) -> None:
        if self._unlocking:
            return  # a failed unlock changes nothing on the server
        with _on_a_standby(), self._connect() as conn, conn.transaction():
            for name, slot in self.slots.items():
                conn.execute(
                    "INSERT INTO server_keyslot (name, slot) VALUES (%s, %s) "
                    "ON CONFLICT (name) DO UPDATE SET slot = excluded.slot, updated_at = now()",
                    (self._row_name(name), json.dumps(slot.to_json())),
                )
            for name in self._stored - set(self.slots):
                conn.execute("DELETE FROM server_keyslot WHERE name = %s", (self._row_name(name),))
                self._drop_login(conn, name)
            for name, secret in self._passwords.items():
                self._set_login(conn, name, secret)
        self._stored = set(self.slots)
        self._passwords.clear()
        self._recovery_key = None

    def _row_name(self, name: str) -> str:
        # Rows are named by role, so the policy can compare them with current_user.
        return name if name == RECOVERY else role_name(self._database, name)

    def _set_login(self, conn: psycopg.Connection, name: str, secret: str) -> None:
        role = role_name(self._database, name)
        verifier = scram_verifier(role_password(role, secret))
        row = conn.execute(
            "SELECT rolcanlogin, rolname = session_user FROM pg_roles WHERE rolname = %s",
            (role,),
        ).fetchone()
        if row is not None and row[0] and row[1]:
            # A user's own password: every role may change its own, and only its own.
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(verifier)
                )
            )
            return
        # Another user's role: created through the owner's function, which checks that
        # this session is an administrator's; replaced (reset, switched on again) only
        # with the recovery code's proof (migration 0017).
        if row is None:
            conn.execute("SELECT public.rondplan_set_login(%s, %s)", (name, verifier))
        else:
            recovery.reset_login(conn, self._recovery_key, name, verifier)

    def _drop_login(self, conn: psycopg.Connection, name: str) -> None:
        if name == RECOVERY:
            return
        # NOLOGIN rather than DROP: the role may still own audit history on the server.
        conn.execute("SELECT public.rondplan_disable_login(%s)", (name,))


@contextlib.contextmanager
def _on_a_standby() -> Iterator[None]:
    """A slot written to a read-only server (a standby): one sentence (issue 19)."""
    try:
        yield
    except psycopg.errors.ReadOnlySqlTransaction:
        raise ReadOnlyServer() from None


def set_administrator(conn: psycopg.Connection, database: str, username: str, admin: bool) -> None:
    """Put a user's role in the admin group or take it out.

    Through ``rondplan_set_admin`` (migration 0006_server_role_admin), which runs with
    the owner's rights and checks that the caller is an administrator (or the owner):
    no application role has CREATEROLE. ``database`` is the caller's own database; the
    function names the role after it too.
    """
    role_name(database, username)  # a clear message for a name too long for the server
    conn.execute("SELECT public.rondplan_set_admin(%s, %s)", (username, admin))


# The functions above, EXECUTE for the admin group only (the migration revokes PUBLIC).
ROLE_FUNCTIONS = (
    "public.rondplan_set_login(text, text)",
    "public.rondplan_reset_login(text, text, text, text)",
    "public.rondplan_recovery_challenge()",
    "public.rondplan_set_admin(text, boolean)",
    "public.rondplan_disable_login(text)",
)


def role_function_grants(database: str) -> list[str]:
    """GRANT EXECUTE on the role functions to ``<database>:admin`` (run by the owner)."""
    admin = sql.Identifier(group_role(database, "admin")).as_string(None)
    return [f"GRANT EXECUTE ON FUNCTION {function} TO {admin}" for function in ROLE_FUNCTIONS]


def slots_by_user(rows: dict[str, Slot], database: str) -> dict[str, Slot]:
    """Row names (roles) back to Rondplan user names."""
    prefix = f"{database}."
    return {
        (name[len(prefix) :] if name.startswith(prefix) else name): slot
        for name, slot in rows.items()
    }
