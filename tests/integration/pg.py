"""PostgreSQL test helpers: throwaway databases and server versions of the factories.

``tests.factories`` makes a fresh encrypted file per test; here the same functions
make a fresh server database per test (roles included) and log in as the user's own
role, so the existing service tests run unchanged on PostgreSQL.

A fresh database is a clone (``CREATE DATABASE … TEMPLATE``) of one made once per
session with ``init_server`` (and, for ``fresh_with_users``, the ten users): migrating
and provisioning for every test cost most of the integration suite's time. Roles are
cluster-wide and named after their database, so each clone gets roles of its own name
(with the same passwords), its rows in ``user_role`` and ``server_keyslot`` renamed to
them, and the template's group roles stripped from its grants.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import secrets
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from desktop.models import Agency, Role, User
from desktop.services.server_policy import server_policy
from desktop.services.uow import UnitOfWork
from desktop.store import crypto
from desktop.store.keyslots import PROTECTED_ADDRESSES, RECOVERY, UnlockedKeys
from desktop.store.server.connect import (
    ServerAddress,
    group_role,
    role_name,
    role_password,
    scram_verifier,
)
from desktop.store.server.keyslots import ServerKeyslots
from desktop.store.server.provision import init_server, make_administrator, prepare_roles
from desktop.store.server.store import LockedServer, ServerStore
from tests import factories
from tests.factories import PASSWORD, Fresh
from tests.unit.security import helpers as security_helpers

SERVER_ENV = "RONDPLAN_TEST_SERVER"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
HOW_TO_RUN = (
    "PostgreSQL is not reachable. Start a PostgreSQL 15 server on 127.0.0.1:5432 that "
    "lets user postgres create databases and roles (or set RONDPLAN_TEST_SERVER to the "
    "maintenance URL), then run: pytest -m postgres tests/integration"
)


def maintenance_url() -> str:
    return os.environ.get(SERVER_ENV, DEFAULT_SERVER)


def server_problem() -> str | None:
    """None when the server answers, else why not."""
    try:
        with psycopg.connect(_conninfo(maintenance_url()), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"{HOW_TO_RUN} ({type(exc).__name__}: {str(exc).strip()[:200]})"
    return None


def _conninfo(url: str) -> str:
    from desktop.store.server.connect import ServerAddress

    return ServerAddress.parse(url).conninfo()


def database_url(name: str) -> str:
    base = maintenance_url().rsplit("/", 1)[0]
    return f"{base}/{name}"


def create_database(prefix: str = "rondplan_test") -> str:
    """A new empty database ``<prefix>_<random>``; returns its owner URL."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(_conninfo(maintenance_url()), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return database_url(name)


def drop_database(url: str) -> None:
    """Drop the database and every role made for it (roles are cluster-wide)."""
    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(_conninfo(maintenance_url()), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        roles = conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s OR rolname LIKE %s "
            "ORDER BY rolname LIKE '%%:%%'",
            (name + ".%", name + ":%"),
        ).fetchall()
        for (role,) in roles:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


@dataclass
class Registry:
    """Test databases by their stand-in path, and every store opened (to lock)."""

    urls: dict[Path, str] = field(default_factory=dict)
    stores: list[ServerStore] = field(default_factory=list)
    state: Path = Path("/tmp")

    def close(self) -> None:
        for store in self.stores:
            store.lock()
        for url in self.urls.values():
            DROPPER.drop(url)
        self.stores.clear()
        self.urls.clear()


class Dropper:
    """Drops databases (and their roles) on threads of their own, after the tests.

    Every DROP DATABASE makes the server checkpoint, which writes out whatever is dirty:
    a drop after each test costs a second or more. Dropped in batches by a few threads at
    once, the drops share their checkpoints; the tests do not wait, the end of the
    session does (``pytest_sessionfinish`` in tests/conftest.py; at exit otherwise).
    """

    BATCH = 20
    THREADS = 4

    def __init__(self) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self._pending: list[str] = []
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            for n in range(self.THREADS):
                threading.Thread(target=self._run, name=f"pg-dropper-{n}", daemon=True).start()
            atexit.register(self.finish)

    def drop(self, url: str) -> None:
        self.start()
        self._pending.append(url)
        if len(self._pending) >= self.BATCH:
            self._release()

    def _release(self) -> None:
        for url in self._pending:
            self._queue.put(url)
        self._pending = []

    def _run(self) -> None:
        while True:
            url = self._queue.get()
            try:
                drop_database(url)
            except psycopg.Error as exc:  # reported, not raised: the tests ran
                print(f"pg test helper: could not drop {url}: {exc}", file=sys.stderr)
            finally:
                self._queue.task_done()

    def finish(self) -> None:
        self._release()
        self._queue.join()  # the clones first: templates' roles outlive them
        for template in TEMPLATES.values():
            self._queue.put(database_url(template.name))
        TEMPLATES.clear()
        self._queue.join()


DROPPER = Dropper()


# Closed after every test (the on_postgres fixture); KEPT holds a module's databases.
REGISTRY = Registry()
KEPT: list[Registry] = []


def url_of(path: Path) -> str:
    """The server database standing in for the file ``path``."""
    for registry in (REGISTRY, *KEPT):
        if path in registry.urls:
            return registry.urls[path]
    raise KeyError(path)


@contextlib.contextmanager
def kept_databases() -> Iterator[Callable[[], None]]:
    """For a module-scoped fixture: the factories make server databases meanwhile, and
    calling the yielded ``keep()`` keeps those made so far until the block ends (instead
    of dropping them after the test that happened to set the fixture up)."""
    kept = Registry()
    KEPT.append(kept)

    def keep() -> None:
        kept.urls.update(REGISTRY.urls)
        kept.stores.extend(REGISTRY.stores)
        REGISTRY.urls.clear()
        REGISTRY.stores.clear()

    with pytest.MonkeyPatch.context() as monkeypatch:
        patch_factories(monkeypatch)
        try:
            yield keep
        finally:
            KEPT.remove(kept)
            kept.close()


# -- templates --------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    name: str
    recovery_code: str
    checkpoint: bytes | None


TEMPLATES: dict[str, Template] = {}
# The group roles prepare_roles makes (the template's own are stripped from a clone).
GROUPS = ("app", "admin", *(role.value for role in Role), "audited")


def _template(kind: str) -> Template:
    """The session's template database: ``admin`` only, or ``users`` (every role)."""
    made = TEMPLATES.get(kind)
    if made is not None:
        return made
    DROPPER.start()  # which drops the templates at exit
    url = create_database("rondplan_tmpl")
    folder = Path(tempfile.mkdtemp(prefix="rondplan-template-"))
    atexit.register(shutil.rmtree, folder, True)
    created = init_server(
        url, "admin", "Ada Administratör", PASSWORD, state_dir=folder, policy=server_policy()
    )
    fresh = Fresh(folder / "rondplan.db", created.store, created.recovery_code)
    if kind == "users":
        for agency in ("police", "social", "probation"):
            for role in (Role.COORDINATOR, Role.TEAM_LEAD, Role.OFFICER):
                pg_add_user(fresh, f"{role.value}_{agency}", role, agency)
        pg_add_user(fresh, "auditor_social", Role.AUDITOR, "social")
    store = created.store
    checkpoint = store.checkpoint_path.read_bytes() if store.checkpoint_path.exists() else None
    store.lock()  # no connection may stay open on a template
    made = Template(url.rsplit("/", 1)[1], created.recovery_code, checkpoint)
    TEMPLATES[kind] = made
    return made


def _clone(kind: str, folder: Path, name: str) -> Fresh:
    template = _template(kind)
    database = f"rondplan_test_{secrets.token_hex(4)}"
    with psycopg.connect(_conninfo(maintenance_url()), autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(database), sql.Identifier(template.name)
            )
        )
    url = database_url(database)
    path = folder / name
    REGISTRY.urls[path] = url
    address = ServerAddress.parse(url)
    prepare_roles(address, server_policy())  # this clone's group roles and their grants
    with psycopg.connect(_conninfo(url)) as conn, conn.transaction():
        groups = [group_role(template.name, g) for g in GROUPS]
        conn.execute(
            sql.SQL("DROP OWNED BY {}").format(sql.SQL(", ").join(map(sql.Identifier, groups)))
        )
        app = sql.Identifier(group_role(database, "app"))
        users = conn.execute("SELECT rolname, username FROM user_role").fetchall()
        for old, username in users:
            new = role_name(database, username)
            verifier = scram_verifier(role_password(new, PASSWORD))
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(new), sql.Literal(verifier)
                )
            )
            conn.execute(sql.SQL("GRANT {} TO {}").format(app, sql.Identifier(new)))
            conn.execute("UPDATE user_role SET rolname = %s WHERE rolname = %s", (new, old))
            conn.execute("UPDATE server_keyslot SET name = %s WHERE name = %s", (new, old))
        admins = conn.execute(
            "SELECT username FROM user_account WHERE role = 'administrator'"
        ).fetchall()
    for (username,) in admins:
        make_administrator(address, username)
    seeding_rights(url, True)
    folder.mkdir(parents=True, exist_ok=True)
    if template.checkpoint is not None:
        (folder / f"{address.host}_{database}.audit").write_bytes(template.checkpoint)
    store = LockedServer(url, state_dir=folder).unlock("admin", PASSWORD)
    REGISTRY.stores.append(store)
    return Fresh(path, store, template.recovery_code)


def seeding_rights(url: str, on: bool) -> None:
    """The shared seeds write case data as ``fresh.admin``, and on a server an
    administrator reads and writes none (issue 16): in a test clone the administrator
    ``admin`` also holds the coordinator group's table rights. The shared tests check
    what was audited by reading the log through the store that acted, and on a server
    only the auditor reads it (issue 16): in a test clone ``<database>:app`` may SELECT
    ``audit_entry`` too. Tests of the rights themselves take both away first
    (``on=False``; tests/attacks/test_server_audit_log_reading.py logs in, checks and
    unlocks as every role without them)."""
    database = url.rsplit("/", 1)[1]
    statement = "GRANT {} TO {}" if on else "REVOKE {} FROM {}"
    with psycopg.connect(_conninfo(url), autocommit=True) as conn:
        conn.execute(
            sql.SQL(statement).format(
                sql.Identifier(group_role(database, Role.COORDINATOR.value)),
                sql.Identifier(role_name(database, "admin")),
            )
        )
        conn.execute(
            sql.SQL(statement).format(
                sql.SQL("SELECT ON audit_entry"), sql.Identifier(group_role(database, "app"))
            )
        )


# -- the factories' server versions ------------------------------------------------


def pg_fresh_database(folder: Path, name: str = "rondplan.db") -> Fresh:
    return _clone("admin", folder, name)


def pg_add_user(fresh: Fresh, username: str, role: Role, agency_code: str) -> None:
    admin = fresh.admin
    with UnitOfWork(admin, "Skapa användare") as uow:
        agency = uow.session.query(Agency).filter_by(code=agency_code).one()
        uow.session.add(
            User(username=username, display_name=username.title(), role=role, agency_id=agency.id)
        )
        uow.audit("user.create", "user")
    code = crypto.normalise_recovery_code(fresh.recovery_code)
    everything = admin.keyslots.unlock(RECOVERY, code)
    compartments = {agency_code: everything.compartments[agency_code]}
    holder = role in (Role.COORDINATOR, Role.TEAM_LEAD)
    if holder and PROTECTED_ADDRESSES in everything.compartments:
        # Issue 15: as tests.factories.add_user, the protected-address key for these roles.
        compartments[PROTECTED_ADDRESSES] = everything.compartments[PROTECTED_ADDRESSES]
    keys = UnlockedKeys(everything.data_key, compartments)
    admin.keyslots.put(username, PASSWORD, keys)
    admin.keyslots.save()


def pg_fresh_with_users(folder: Path) -> Fresh:
    return _clone("users", folder, "rondplan.db")


class _LockedTestServer(LockedServer):
    """A ``LockedServer`` whose unlocked stores are locked after the test."""

    def unlock(self, username: str, password: str) -> ServerStore:
        store = super().unlock(username, password)
        REGISTRY.stores.append(store)
        return store


def pg_locked(path: Path) -> LockedServer:
    return _LockedTestServer(url_of(path), state_dir=path.parent)


def pg_login(path: Path, username: str) -> ServerStore:
    return pg_locked(path).unlock(username, PASSWORD)


def pg_recovery_keys(fresh: Fresh) -> UnlockedKeys:
    url = url_of(fresh.path)
    database = url.rsplit("/", 1)[1]
    slots = ServerKeyslots.read(lambda: psycopg.connect(_conninfo(url)), database)
    return slots.unlock(RECOVERY, crypto.normalise_recovery_code(fresh.recovery_code))


def pg_database_args(path: Path) -> list[str]:
    return ["--server", url_of(path)]


class AttackerConnection:
    """The database owner's connection with the audit trigger off, as an operator (or
    anyone holding the owner's or a superuser's login) could; ``?`` placeholders as in
    the SQLCipher version, so the same attack statements run on both."""

    def __init__(self, url: str, drop_triggers: bool) -> None:
        self._conn = psycopg.connect(_conninfo(url), autocommit=True)
        if drop_triggers:
            self._conn.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER")

    def execute(self, statement: str, params: Any = ()) -> psycopg.Cursor[Any]:
        return self._conn.execute(statement.replace("?", "%s"), params or None)

    def close(self) -> None:
        self._conn.close()


def pg_attacker_connection(
    path: Path, recovery_code: str, drop_triggers: bool = True
) -> AttackerConnection:
    return AttackerConnection(url_of(path), drop_triggers)


REPLACEMENTS = {
    id(factories.fresh_database): pg_fresh_database,
    id(factories.fresh_with_users): pg_fresh_with_users,
    id(factories.add_user): pg_add_user,
    id(factories.login): pg_login,
    id(factories.locked): pg_locked,
    id(factories.recovery_keys): pg_recovery_keys,
    id(factories.database_args): pg_database_args,
    id(security_helpers.attacker_connection): pg_attacker_connection,
}


def patch_factories(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Point every test module's factory names at the server versions."""
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("tests.") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            replacement = REPLACEMENTS.get(id(value))
            if replacement is not None:
                monkeypatch.setattr(module, attr, replacement)


def on_server() -> Iterator[None]:
    try:
        yield
    finally:
        REGISTRY.close()
