"""Shared pieces of the server attack tests: a database with every role, raw connections.

The insider connects with psycopg as their own login role, the password derived from
their Rondplan password exactly as the application does (a function anyone can run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from desktop.store.server.connect import ServerAddress, role_name, role_password
from tests.factories import PASSWORD, Fresh
from tests.integration import pg


def world(folder: Path) -> Iterator[Fresh]:
    """Every role of every agency (``coordinator_police``, ``officer_social``, …)."""
    problem = pg.server_problem()
    if problem is not None:
        pytest.fail(f"these attacks need the PostgreSQL server: {problem}", pytrace=False)
    fresh = pg.pg_fresh_with_users(folder)
    try:
        yield fresh
    finally:
        pg.REGISTRY.close()


def url(fresh: Fresh) -> str:
    return pg.url_of(fresh.path)


def as_user(fresh: Fresh, username: str, autocommit: bool = True) -> psycopg.Connection:
    """A raw connection as ``username``'s own database role."""
    address = ServerAddress.parse(url(fresh))
    role = role_name(address.database, username)
    return psycopg.connect(
        address.conninfo(role, role_password(role, PASSWORD)), autocommit=autocommit
    )


def as_owner(fresh: Fresh) -> psycopg.Connection:
    """The database owner (the operator), to look at what is stored."""
    return psycopg.connect(pg._conninfo(url(fresh)), autocommit=True)


def user_id(fresh: Fresh, username: str) -> int:
    with as_owner(fresh) as conn:
        row = conn.execute("SELECT id FROM user_account WHERE username = %s", (username,))
        return int(row.fetchone()[0])  # type: ignore[index]
