"""The scriptable commands on a server: ``--server URL`` where they take ``--db PATH``."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.models import Role
from tests.factories import PASSWORD
from tests.integration import pg


@pytest.fixture
def server(on_postgres, tmp_path, monkeypatch):
    """A prepared server database with an administrator ``admin`` and a coordinator;
    the CLI's audit checkpoint goes to a temp folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "samordnare", Role.COORDINATOR, "social")
    fresh.admin.lock()
    return pg.REGISTRY.urls[fresh.path]


def test_stats_reads_the_server(server, capsys):
    assert main(["stats", "--server", server, "--user", "samordnare", "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["schema"] == 1 and figures["figures"]["persons_mapped"] == 0


def test_server_given_before_the_command_is_used_too(server, capsys):
    assert main(["--server", server, "audit", "verify", "--user", "admin"]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_check_on_a_server_checks_schema_and_audit_chain(server, capsys):
    assert main(["check", "--server", server, "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "server: OK – PostgreSQL" in out
    assert "behandlingslogg: OK" in out
    assert "kryptering" not in out  # no SQLCipher pages on a server


def test_wrong_password_on_the_server_is_one_line(server, monkeypatch, capsys):
    monkeypatch.setenv("RONDPLAN_PASSWORD", "fel-lösenord-helt-och-hållet")
    assert main(["stats", "--server", server, "--user", "admin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rondplan: ") and len(err.strip().splitlines()) == 1


def test_file_backup_is_refused_on_a_server_with_a_reason(server, tmp_path, capsys):
    out_file = tmp_path / "kopia.rpbak"
    assert main(["backup", "--server", server, "--user", "admin", "-o", str(out_file)]) == 1
    assert "pg_basebackup" in capsys.readouterr().err
    assert not out_file.exists()


def test_db_and_server_together_is_wrong_usage(server, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["stats", "--db", str(tmp_path / "x.db"), "--server", server, "--user", "admin"])
    assert info.value.code == 2
