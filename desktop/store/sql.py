"""Which backend's SQL a session speaks (``desktop.store.interface.StoreSql``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.store.file_sql import FileSql
from desktop.store.interface import StoreSql
from desktop.store.server.sql import ServerSql

# ``Session.info`` key: the store's SQL, set by the store on every session it makes.
SQL = "rondplan.sql"

FILE_SQL = FileSql()
SERVER_SQL = ServerSql()


def sql_of(session: Session) -> StoreSql:
    """The SQL of the store that made ``session``.

    A session made on a bare engine (a migration, a test's fixture) is told by its
    engine: the store layer is the one place that looks at the dialect.
    """
    found = session.info.get(SQL)
    if found is not None:
        return found  # type: ignore[no-any-return]
    return SERVER_SQL if session.get_bind().dialect.name == "postgresql" else FILE_SQL
