"""What a raw database error stands for, as a known storage error (issue 18).

The store maps most server errors itself; one that escapes (a statement refused by a
row rule, a lost link noticed mid-transaction, a read-only standby) is the server's
answer, not the programme's bug. The views ask here, so they import neither SQLAlchemy
nor psycopg (tests/unit/test_layering.py).
"""

from __future__ import annotations

import psycopg
from sqlalchemy.exc import DBAPIError

from desktop.store.errors import ReadOnlyServer, StoreError


class ServerRefused(StoreError):
    """The database server refused a statement with an error no other code names."""

    code = "store.server_refused"


def as_store_error(error: BaseException) -> StoreError | None:
    """The storage error a raw server error stands for; None when it is not one."""
    if not isinstance(error, DBAPIError | psycopg.Error):
        return None
    cause = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(cause, psycopg.errors.ReadOnlySqlTransaction):
        return ReadOnlyServer()  # a standby
    lost = isinstance(error, DBAPIError) and error.connection_invalidated
    if lost or isinstance(cause, psycopg.OperationalError):
        return StoreError("server.unavailable")  # the link was lost
    return ServerRefused()
