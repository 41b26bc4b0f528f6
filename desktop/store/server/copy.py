"""Move a local encrypted database onto an empty server database, table by table.

Every table of the schema is copied in foreign-key order through the owner's
connection, the id sequences are moved past the copied ids, and each table's count is
compared. The keyslots are copied as they are (same database id, so each user's
password still opens their slot); the administrator doing the move gets a login role
at once, every other account a role without login until an administrator sets a new
password (the server's login needs a value derived from the password, which only the
user knows). The audit chain is then verified on the server as that administrator.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from psycopg import sql
from sqlalchemy import Integer, func, insert, select

from desktop.models import Base
from desktop.store.errors import AlreadyExists
from desktop.store.interface import Store
from desktop.store.keyslots import RECOVERY
from desktop.store.server.connect import ServerAddress, connect, group_role, role_name
from desktop.store.server.keyslots import ServerKeyslots
from desktop.store.server.provision import (
    ServerPolicy,
    make_administrator,
    owner_connection,
    owner_engine,
    seed_default_templates,
    upgrade_server,
)
from desktop.store.server.store import LockedServer, ServerStore

BATCH = 2000


@dataclass(frozen=True)
class TableCount:
    table: str
    local: int
    server: int

    @property
    def ok(self) -> bool:
        return self.local == self.server


@dataclass(frozen=True)
class MoveReport:
    counts: tuple[TableCount, ...]
    store: ServerStore
    without_login: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.counts)


def move_to_server(
    source: Store,
    url: str,
    password: str,
    progress: Callable[[TableCount], None] = lambda _c: None,
    state_dir: Path | None = None,
    *,
    policy: ServerPolicy,
) -> MoveReport:
    """Copy ``source`` (unlocked as an administrator) into the empty database at ``url``.

    ``url`` is the owner's address; ``password`` is the administrator's Rondplan password.
    """
    address = ServerAddress.parse(url)
    with owner_connection(address) as conn:
        if conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version'"
        ).fetchone():
            raise AlreadyExists("server.database_in_use")
    upgrade_server(url, policy)
    counts = _copy_tables(source, address, progress)
    admin = source.identity.username
    _copy_keyslots(source, address, admin, password)
    without_login = _roles_without_login(source, address, admin)
    make_administrator(address, admin)
    seed_default_templates(address, policy)  # after the counts: the file's own are copied first
    store = LockedServer(url, state_dir).unlock(admin, password)
    # The local checkpoint says where the chain ended; the server's verification uses it.
    if source.checkpoint_path.exists():
        shutil.copyfile(source.checkpoint_path, store.checkpoint_path)
    return MoveReport(tuple(counts), store, tuple(without_login))


def _copy_tables(
    source: Store, address: ServerAddress, progress: Callable[[TableCount], None]
) -> list[TableCount]:
    target = owner_engine(address)
    counts = []
    try:
        with source.engine.connect() as src, target.begin() as dst:
            for table in Base.metadata.sorted_tables:
                result = src.execute(select(table)).mappings()
                while rows := result.fetchmany(BATCH):
                    dst.execute(insert(table), [dict(r) for r in rows])
                local = src.scalar(select(func.count()).select_from(table)) or 0
                server = dst.scalar(select(func.count()).select_from(table)) or 0
                count = TableCount(table.name, int(local), int(server))
                counts.append(count)
                progress(count)
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and isinstance(pk[0].type, Integer):
                    # Serial ids continue after the copied ones.
                    dst.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'),"
                        f" coalesce((SELECT max({pk[0].name}) FROM {table.name}), 0) + 1, false)"
                    )
    finally:
        target.dispose()
    # Fresh statistics, so the planner does not take the new tables for empty ones.
    with owner_connection(address) as conn:
        conn.autocommit = True
        conn.execute("ANALYZE")
    return counts


def _copy_keyslots(source: Store, address: ServerAddress, admin: str, password: str) -> None:
    slots = ServerKeyslots(
        lambda: connect(address.conninfo()),
        address.database,
        source.keyslots.database_id,
        dict(source.keyslots.slots),
    )
    # Only the administrator's role gets its login now (derived from the password).
    keys = slots.unlock(admin, password)
    slots.put(admin, password, keys)
    slots.save()


def _roles_without_login(source: Store, address: ServerAddress, admin: str) -> list[str]:
    names = sorted(n for n in source.keyslots.slots if n not in (RECOVERY, admin))
    with owner_connection(address) as conn, conn.transaction():
        for name in names:
            role = role_name(address.database, name)
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute(
                    sql.SQL("CREATE ROLE {} NOLOGIN IN ROLE {}").format(
                        sql.Identifier(role), sql.Identifier(group_role(address.database, "app"))
                    )
                )
            conn.execute(
                "INSERT INTO user_role (rolname, username) VALUES (%s, %s) "
                "ON CONFLICT (rolname) DO NOTHING",
                (role, name),
            )
    return names
