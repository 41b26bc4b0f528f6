"""libpq host lists in a server address (issue 19): the failover form parses."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.store.errors import StoreError
from desktop.store.server.connect import ServerAddress


def _conninfo(url: str) -> dict[str, str]:
    text = ServerAddress.parse(url).conninfo()
    return dict(part.split("=", 1) for part in text.split())


def test_hosts_with_their_ports_and_the_failover_attribute():
    info = _conninfo("postgresql://db1:5441,db2:5442/rondplan?target_session_attrs=read-write")
    assert info["host"] == "db1,db2" and info["port"] == "5441,5442"
    assert info["dbname"] == "rondplan" and info["target_session_attrs"] == "read-write"


def test_ports_in_the_query_for_one_or_several_hosts():
    assert _conninfo("postgresql://h1,h2/db?port=5441,5442")["port"] == "5441,5442"
    info = _conninfo("postgresql://127.0.0.1/db?port=5441,5442")
    assert info["host"] == "127.0.0.1,127.0.0.1" and info["port"] == "5441,5442"


def test_the_label_keeps_every_host_and_no_password():
    address = ServerAddress.parse("postgresql://anna:hemligt@[::1]:5441,db2:5442/db")
    assert address.url() == "postgresql://[::1]:5441,db2:5442/db"


@pytest.mark.parametrize(
    "url",
    ["postgresql://h1,h2,h3/db?port=1,2", "postgresql://h:99999/db", "postgresql://h:x/db"],
)
def test_a_wrong_list_is_one_sentence(url):
    with pytest.raises(StoreError):
        ServerAddress.parse(url)


@pytest.mark.parametrize(
    "url", ["postgresql://127.0.0.1:1,127.0.0.1:2/db", "postgresql://127.0.0.1/db?port=1,2"]
)
def test_the_command_line_answers_in_one_line(url, capsys, monkeypatch):
    monkeypatch.setenv("RONDPLAN_PASSWORD", "lösenord-för-test-123")
    # Nothing listens on ports 1 and 2: the answer is the usual sentence, no traceback.
    assert main(["stats", "--server", url, "--user", "admin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rondplan: ") and len(err.strip().splitlines()) == 1
