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
