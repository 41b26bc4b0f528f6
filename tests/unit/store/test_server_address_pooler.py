"""Rondplan's own keys in a server URL for PgBouncer (issue 19, docs/server.md).

``pgbouncer=transaction`` and ``listen=`` never reach libpq (it refuses keys it does not
know); the first switches off server-side prepared statements, the second sends the
change listener straight to PostgreSQL.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.store.errors import StoreError
from desktop.store.server.connect import ServerAddress

POOLED = (
    "postgresql://pool1:6432,pool2:6432/rondplan?target_session_attrs=read-write"
    "&pgbouncer=transaction&listen=db1:5432,db2:5433&sslmode=verify-full"
)


def _info(conninfo: str) -> dict[str, str]:
    return {k: str(v) for k, v in psycopg.conninfo.conninfo_to_dict(conninfo).items()}


def test_the_pool_keys_stay_out_of_libpq_and_the_pool_is_the_address():
    address = ServerAddress.parse(POOLED)
    info = _info(address.conninfo("rondplan.anna", "x"))
    assert "pgbouncer" not in info and "listen" not in info
    assert (info["host"], info["port"]) == ("pool1,pool2", "6432,6432")
    assert info["target_session_attrs"] == "read-write" and info["sslmode"] == "verify-full"
    psycopg.conninfo.make_conninfo(address.conninfo())  # libpq's own parser accepts it


def test_the_listener_goes_to_the_servers_with_the_same_settings():
    address = ServerAddress.parse(POOLED)
    info = _info(address.for_listener(address.conninfo("rondplan.anna", "x")))
    assert (info["host"], info["port"]) == ("db1,db2", "5432,5433")
    assert info["user"] == "rondplan.anna" and info["password"] == "x"
    assert info["target_session_attrs"] == "read-write" and info["dbname"] == "rondplan"


def test_prepared_statements_only_without_a_transaction_pool():
    assert not ServerAddress.parse(POOLED).prepares
    assert ServerAddress.parse("postgresql://db1/rondplan").prepares
    assert ServerAddress.parse("postgresql://db1:6432/rondplan?pgbouncer=session").prepares


def test_without_listen_the_listener_uses_the_address_itself():
    address = ServerAddress.parse("postgresql://db1:5432/rondplan")
    conninfo = address.conninfo("rondplan.anna", "x")
    assert address.for_listener(conninfo) == conninfo


def test_the_label_keeps_the_pool_keys():
    address = ServerAddress.parse(POOLED)
    assert ServerAddress.parse(address.url()) == address


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://db1/rondplan?pgbouncer=statement",
        "postgresql://db1/rondplan?listen=db1:99999",
        "postgresql://db1/rondplan?listen=:5432",
    ],
)
def test_a_wrong_pool_key_is_refused(url):
    with pytest.raises(StoreError) as refused:
        ServerAddress.parse(url)
    assert str(refused.value) in {"server.url_pooler", "server.url_listen"}
