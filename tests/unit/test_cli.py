"""The command line: every listed command exists, usage and user errors exit right."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.commands import COMMAND_MODULES
from tests.factories import PASSWORD


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_every_listed_command_exists(name):
    module = importlib.import_module(f"desktop.commands.{name}")
    assert callable(module.register)


def test_wrong_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["init"])  # --admin missing
    assert info.value.code == 2


def test_init_creates_database_and_prints_recovery_code(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    db = tmp_path / "ny.db"
    assert main(["init", "--db", str(db), "--admin", "ada"]) == 0
    out = capsys.readouterr().out
    assert "ÅTERSTÄLLNINGSKOD" in out
    assert db.exists() and db.with_name("ny.db.keys").exists()


def test_user_error_is_one_swedish_line_without_traceback(tmp_path):
    db = tmp_path / "ny.db"
    env = {"RONDPLAN_PASSWORD": "kort", "PATH": "", "RONDPLAN_TEST_KDF": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "init", "--db", str(db), "--admin", "ada"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "rondplan: Lösenordet måste ha minst 12 tecken."
    assert not db.exists()


def test_init_refuses_existing_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    db = tmp_path / "ny.db"
    assert main(["init", "--db", str(db), "--admin", "ada"]) == 0
    assert main(["init", "--db", str(db), "--admin", "ada"]) == 1
    assert "finns redan" in capsys.readouterr().err


def test_output_checks_are_one_swedish_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["import", "--template", str(tmp_path / "mall.txt")]) == 1
    assert "Filen måste sluta på .xlsx, .csv: mall.txt" in capsys.readouterr().err
    assert main(["import", "--template", str(tmp_path / "saknas" / "mall.xlsx")]) == 1
    assert "Mappen finns inte" in capsys.readouterr().err


def test_cli_login_is_audited(tmp_path, monkeypatch, capsys):
    from sqlalchemy import select

    from desktop.models import AuditEntry
    from desktop.store.database import open_database

    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    db = tmp_path / "ny.db"
    assert main(["init", "--db", str(db), "--admin", "ada"]) == 0
    assert main(["check", "--db", str(db), "--user", "ada"]) == 0
    store = open_database(db).unlock("ada", PASSWORD)
    with store.read_session() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    store.lock()
    assert "login" in actions


def test_a_temporary_password_opens_nothing_on_the_command_line(tmp_path, monkeypatch, capsys):
    from desktop.services.security import SecurityServices
    from tests.factories import fresh_with_users

    fresh = fresh_with_users(tmp_path)
    admin = SecurityServices.build(fresh.admin)
    admin.reauth.mark_given()
    officer = next(u for u in admin.users.list_users() if u.username == "coordinator_police")
    admin.users.reset_password(officer.id, "tillfalligt-losen-4711", fresh.recovery_code)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", "tillfalligt-losen-4711")
    args = ["stats", "--db", str(fresh.path), "--user", "coordinator_police"]
    assert main(args) == 1
    assert "tillfälligt" in capsys.readouterr().err
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["stats", "--db", str(fresh.path), "--user", "coordinator_social"]) == 0
