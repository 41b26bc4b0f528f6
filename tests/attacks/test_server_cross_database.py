"""Issue 16: a role of one Rondplan database reaches no other database of the cluster,
and a forged change notice causes at most a refresh.

Before, CONNECT stayed with PUBLIC: the officer of one city's database connected to
another city's database on the same cluster and LISTENed to its changes there.
"""

from __future__ import annotations

import json

import psycopg
import pytest

from desktop.store.server.connect import ServerAddress, role_password
from desktop.store.server.notify import RemoteChange, parse_payload
from tests.attacks import server_world
from tests.factories import PASSWORD
from tests.integration import pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def two(tmp_path):
    made = server_world.world(tmp_path / "first")
    first = next(made)
    other = pg.pg_fresh_database(tmp_path / "second")
    yield first, other
    made.close()


def test_a_role_of_one_database_cannot_connect_to_another(two):
    first, other = two
    officer = ServerAddress.parse(server_world.url(first))
    target = ServerAddress.parse(server_world.url(other))
    with server_world.as_user(first, "officer_police") as own:
        own.execute("LISTEN rondplan_changes")  # its own database: fine
    role = f"{officer.database}.officer_police"
    conninfo = target.conninfo(role, role_password(role, PASSWORD))
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(conninfo)
    # Nor a database that is not Rondplan's (the maintenance database stays the DBA's
    # business); the owner of the other database still connects.
    with server_world.as_owner(other) as owner:
        assert owner.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        json.dumps({"o": "x", "k": ["person"] * 500, "i": [["person", "DROP TABLE x"]]}),
        json.dumps({"k": "person", "i": [["user_account", 1]]}),
        json.dumps([1, 2, 3]),
    ],
)
def test_a_forged_notice_is_at_most_a_refresh(two, payload):
    first, _ = two
    with server_world.as_user(first, "officer_police") as conn:
        conn.execute("SELECT pg_notify('rondplan_changes', %s)", (payload,))
    changes = parse_payload(payload)
    assert changes is None or isinstance(changes, RemoteChange)
