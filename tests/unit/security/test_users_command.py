"""``rondplan users`` on the database file (issue 19): a rollout is one command.

Passwords never on the command line: the temporary ones are printed once or written
to an owner-only file, and the command line refuses them until the user changed them.
"""

from __future__ import annotations

import stat

import pytest

from desktop.cli import main
from desktop.services.security import SecurityServices
from desktop.store.database import LockedDatabase
from desktop.store.errors import WrongPassword
from tests.factories import PASSWORD, fresh_database

AGENCIES = ("police", "social", "probation")
ROLES = ("officer", "coordinator", "team_lead", "auditor", "handläggare")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    made = fresh_database(tmp_path)
    made.admin.lock()
    monkeypatch.setenv("RONDPLAN_RECOVERY_CODE", made.recovery_code)
    return made


def _csv(path, count):
    lines = ["användarnamn;visningsnamn;roll;myndighet"]
    for n in range(count):
        lines.append(f"user{n:03d};Person Nummer {n};{ROLES[n % 5]};{AGENCIES[n % 3]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _passwords(path):
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(row.split(";") for row in rows)


def test_import_of_60_accounts_then_a_first_login(fresh, tmp_path, monkeypatch, capsys):
    db = str(fresh.path)
    out = tmp_path / "lösenord.txt"
    csv_file = _csv(tmp_path / "konton.csv", 60)
    assert (
        main(["users", "import", str(csv_file), "--db", db, "--user", "admin", "-o", str(out)]) == 0
    )
    assert "60 konton skapades" in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    passwords = _passwords(out)
    assert len(passwords) == 60 and len(set(passwords.values())) == 60

    assert main(["users", "list", "--db", db, "--user", "admin"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 61  # the administrator and the 60
    assert any(line.startswith("user007 ") and "team_lead" in line for line in listed)

    # The temporary password opens nothing on the command line ...
    monkeypatch.setenv("RONDPLAN_PASSWORD", passwords["user001"])
    assert main(["stats", "--db", db, "--user", "user001"]) == 1
    assert "tillfälligt" in capsys.readouterr().err
    # ... until the user chose their own (as the app asks at the first login).
    store = LockedDatabase(fresh.path).unlock("user001", passwords["user001"])
    assert store.password_change_required
    own = "mitt-eget-långa-lösen-42"
    SecurityServices.build(store).users.change_own_password(passwords["user001"], own)
    store.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", own)
    assert main(["stats", "--db", db, "--user", "user001"]) == 0


def test_a_bad_file_makes_nothing_and_names_each_bad_row(fresh, tmp_path, capsys):
    db = str(fresh.path)
    csv_file = tmp_path / "konton.csv"
    csv_file.write_text(
        "username,display name,role,agency\n"
        "anna,Anna A,officer,police\n"
        "bertil,Bertil B,kung,police\n"
        "cecilia,Cecilia C,officer,nasa\n"
        "anna,Anna igen,officer,social\n"
        "admin,Ny admin,officer,social\n"
        "David D,officer,police\n",
        encoding="utf-8",
    )
    assert main(["users", "import", str(csv_file), "--db", db, "--user", "admin"]) == 1
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1  # one error line; the rows are the report
    err = out + err
    assert "rad 3: okänd roll »kung«" in err
    assert "rad 5: anna finns redan på rad 2" in err
    assert "rad 7: 3 fält" in err
    assert "inga konton skapades" in err and "Traceback" not in err
    # The rows the first pass could not see are checked against the database too.
    csv_file.write_text(
        "anna,Anna A,officer,police\ncecilia,Cecilia C,officer,nasa\nadmin,X,officer,social\n",
        encoding="utf-8",
    )
    assert main(["users", "import", str(csv_file), "--db", db, "--user", "admin"]) == 1
    out, err = capsys.readouterr()
    err = out + err
    assert "rad 2: myndigheten »nasa« finns inte" in err
    assert "rad 3: användarnamnet admin är upptaget" in err
    assert main(["users", "list", "--db", db, "--user", "admin"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # only the administrator


def test_add_reset_and_deactivate(fresh, tmp_path, monkeypatch, capsys):
    db = str(fresh.path)
    args = ["--db", db, "--user", "admin"]
    assert (
        main(
            [
                "users",
                "add",
                "erik",
                "--name",
                "Erik E",
                "--role",
                "officer",
                "--agency",
                "police",
                *args,
            ]
        )
        == 0
    )
    first = capsys.readouterr().out.splitlines()[-1].split(";")[1]
    out = tmp_path / "ny.txt"
    assert main(["users", "reset", "erik", "-o", str(out), *args]) == 0
    second = _passwords(out)["erik"]
    assert second != first and stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(WrongPassword):
        LockedDatabase(fresh.path).unlock("erik", first)
    assert LockedDatabase(fresh.path).unlock("erik", second).password_change_required
    assert main(["users", "deactivate", "erik", *args]) == 0
    assert "avstängt" in capsys.readouterr().out
    monkeypatch.setenv("RONDPLAN_PASSWORD", second)
    assert main(["stats", "--db", db, "--user", "erik"]) == 1
    # An existing output file is never overwritten (it may hold the last batch).
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["users", "reset", "erik", "-o", str(out), *args]) == 1
    assert "finns redan" in capsys.readouterr().err


def test_only_an_administrator_may(fresh, tmp_path, capsys):
    db = str(fresh.path)
    assert (
        main(
            [
                "users",
                "add",
                "fia",
                "--name",
                "Fia F",
                "--role",
                "officer",
                "--agency",
                "social",
                "--db",
                db,
                "--user",
                "admin",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["users", "list", "--db", db, "--user", "nobody"]) == 1


def test_a_failure_midway_switches_off_what_was_made(fresh, tmp_path, monkeypatch, capsys):
    from desktop.services.security.users import UserAdminService
    from desktop.store.errors import DiskFull

    made = []
    real = UserAdminService.create_user

    def create_then_fail(self, username, *args, **kwargs):
        if len(made) == 2:
            raise DiskFull()
        made.append(username)
        return real(self, username, *args, **kwargs)

    monkeypatch.setattr(UserAdminService, "create_user", create_then_fail)
    db = str(fresh.path)
    csv_file = _csv(tmp_path / "konton.csv", 4)
    assert main(["users", "import", str(csv_file), "--db", db, "--user", "admin"]) == 1
    captured = capsys.readouterr()
    assert "Disken är full" in captured.err and "user000" not in captured.out
    assert main(["users", "list", "--db", db, "--user", "admin"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("user")]
    assert len(rows) == 2 and all("avstängd" in row for row in rows)


def test_bad_rows_are_reported_in_english_under_lang_en(tmp_path, capsys):
    """Issue 18: the file's problems follow --lang (checked before any database opens)."""
    csv_file = tmp_path / "users.csv"
    csv_file.write_text("anna,Anna A,officer,police\nbo,Bo B,kung,police\nanna,A,officer,social\n")
    argv = ["--lang", "en", "users", "import", str(csv_file), "--db", str(tmp_path / "x.db")]
    assert main([*argv, "--user", "admin"]) == 1
    out, err = capsys.readouterr()
    assert "  row 2: unknown role »kung«" in out.splitlines()
    assert "  row 3: anna is already on row 1" in out.splitlines()
    assert err.strip().endswith("users.csv: 2 errors (the rows above), no accounts were made.")
