"""``rondplan users`` on a server (issue 19): 500 accounts are one command.

Each imported account is a database role that logs in with a temporary password the
command line refuses until the user chose their own.
"""

from __future__ import annotations

import stat

import pytest

from desktop.cli import main
from desktop.services.security import SecurityServices
from desktop.store.errors import WrongPassword
from desktop.store.server.store import open_server
from tests.factories import PASSWORD
from tests.integration import pg

AGENCIES = ("police", "social", "probation")
ROLES = ("officer", "coordinator", "team_lead", "auditor", "officer")


@pytest.fixture
def server(on_postgres, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    fresh = pg.pg_fresh_database(tmp_path)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_RECOVERY_CODE", fresh.recovery_code)
    return pg.REGISTRY.urls[fresh.path]


def test_import_of_55_accounts_on_the_server_then_a_first_login(
    server, tmp_path, monkeypatch, capsys
):
    rows = ["username,display name,role,agency"]
    rows += [f"rull{n:03d},Rull Person {n},{ROLES[n % 5]},{AGENCIES[n % 3]}" for n in range(55)]
    csv_file = tmp_path / "konton.csv"
    csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "lösen.txt"
    args = ["--server", server, "--user", "admin"]
    assert main(["users", "import", str(csv_file), "-o", str(out), *args]) == 0
    assert "55 konton skapades" in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    passwords = dict(line.split(";") for line in out.read_text().splitlines()[1:])
    assert len(passwords) == 55

    assert main(["users", "list", *args]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 56

    # The role logs in with the temporary password; the command line refuses it.
    monkeypatch.setenv("RONDPLAN_PASSWORD", passwords["rull001"])
    assert main(["stats", "--server", server, "--user", "rull001"]) == 1
    assert "tillfälligt" in capsys.readouterr().err
    store = open_server(server).unlock("rull001", passwords["rull001"])
    assert store.password_change_required
    own = "mitt-eget-långa-lösen-42"
    SecurityServices.build(store).users.change_own_password(passwords["rull001"], own)
    store.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", own)
    assert main(["stats", "--server", server, "--user", "rull001"]) == 0

    # A reset hands out a new temporary password; a deactivation shuts the role out.
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["users", "reset", "rull004", *args]) == 0
    fresh_password = capsys.readouterr().out.splitlines()[-1].split(";")[1]
    with pytest.raises(WrongPassword):
        open_server(server).unlock("rull004", passwords["rull004"])
    open_server(server).unlock("rull004", fresh_password).lock()
    assert main(["users", "deactivate", "rull004", *args]) == 0
    with pytest.raises(WrongPassword):
        open_server(server).unlock("rull004", fresh_password)


def test_a_bad_row_makes_no_account_on_the_server(server, tmp_path, capsys):
    csv_file = tmp_path / "konton.csv"
    csv_file.write_text("ok1,Ok Ett,officer,police\nadmin,Upptagen,officer,police\n")
    args = ["--server", server, "--user", "admin"]
    assert main(["users", "import", str(csv_file), *args]) == 1
    out, err = capsys.readouterr()
    assert "rad 2: användarnamnet admin är upptaget" in out and len(err.splitlines()) == 1
    assert main(["users", "list", *args]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
