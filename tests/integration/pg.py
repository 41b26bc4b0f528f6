"""PostgreSQL test helpers: throwaway databases and server versions of the factories.

``tests.factories`` makes a fresh encrypted file per test; here the same functions
make a fresh server database per test (roles included) and log in as the user's own
role, so the existing service tests run unchanged on PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from desktop.models import Agency, Role, User
from desktop.services.uow import UnitOfWork
from desktop.store.keyslots import RECOVERY, UnlockedKeys
from desktop.store.server.provision import init_server
from desktop.store.server.store import LockedServer, ServerStore
from tests import factories
from tests.factories import PASSWORD, Fresh

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
            drop_database(url)
        self.stores.clear()
        self.urls.clear()


REGISTRY = Registry()


def pg_fresh_database(folder: Path, name: str = "rondplan.db") -> Fresh:
    url = create_database()
    path = folder / name
    REGISTRY.urls[path] = url
    created = init_server(url, "admin", "Ada Administratör", PASSWORD, state_dir=folder)
    REGISTRY.stores.append(created.store)
    return Fresh(path, created.store, created.recovery_code)


def pg_add_user(fresh: Fresh, username: str, role: Role, agency_code: str) -> None:
    admin = fresh.admin
    with UnitOfWork(admin, "Skapa användare") as uow:
        agency = uow.session.query(Agency).filter_by(code=agency_code).one()
        uow.session.add(
            User(username=username, display_name=username.title(), role=role, agency_id=agency.id)
        )
        uow.audit("user.create", "user")
    from desktop.store import crypto

    code = crypto.normalise_recovery_code(fresh.recovery_code)
    everything = admin.keyslots.unlock(RECOVERY, code)
    keys = UnlockedKeys(everything.data_key, {agency_code: everything.compartments[agency_code]})
    admin.keyslots.put(username, PASSWORD, keys)
    admin.keyslots.save()


def pg_fresh_with_users(folder: Path) -> Fresh:
    fresh = pg_fresh_database(folder)
    for agency in ("police", "social", "probation"):
        for role in (Role.COORDINATOR, Role.TEAM_LEAD, Role.OFFICER):
            pg_add_user(fresh, f"{role.value}_{agency}", role, agency)
    pg_add_user(fresh, "auditor_social", Role.AUDITOR, "social")
    return fresh


def pg_login(path: Path, username: str) -> ServerStore:
    store = LockedServer(REGISTRY.urls[path], state_dir=path.parent).unlock(username, PASSWORD)
    REGISTRY.stores.append(store)
    return store


REPLACEMENTS = {
    id(factories.fresh_database): pg_fresh_database,
    id(factories.fresh_with_users): pg_fresh_with_users,
    id(factories.add_user): pg_add_user,
    id(factories.login): pg_login,
}


def patch_factories(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Point every test module's factory names at the server versions."""
    import sys

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
