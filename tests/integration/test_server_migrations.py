"""The migration chain on PostgreSQL goes down to an empty database and up again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from desktop.store import migrate
from desktop.store.server.connect import ServerAddress
from desktop.store.server.provision import owner_engine


def test_downgrade_to_base_and_upgrade_again(server_db):
    engine = owner_engine(ServerAddress.parse(server_db))
    try:
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert migrate.current_revision(engine) is None
        left = set(inspect(engine).get_table_names()) - {"alembic_version"}
        assert left == set()
        with engine.connect() as conn:
            functions = conn.execute(
                text("SELECT proname FROM pg_proc WHERE proname LIKE 'rondplan%'")
            ).fetchall()
        assert functions == []
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()
