"""What the commands report follows ``--lang`` (issue 18): each command family run for
real (``desktop.cli.main``) on a demo database reads in English under ``--lang en``,
with no Swedish letter of our own, and in Swedish by default.

The data is fictitious and partly Swedish (names, the demo password): what comes from
it is left out before the check (``_ours``), never our words.
"""

from __future__ import annotations

import getpass
import re
import sys

import pytest

from desktop.cli import main
from desktop.services.demo import DEMO_PASSWORD, generate_demo

SWEDISH = re.compile(r"[åäöÅÄÖ]")
# The demo accounts' lines (``  samordnare.soc   coordinator   social``): data.
ACCOUNT_LINE = re.compile(r"^  \S+ +(administrator|coordinator|team_lead|officer|auditor) ")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = generate_demo(path, persons=50, seed=7)
    return path, summary


@pytest.fixture
def run(demo, monkeypatch, tmp_path, capsys):
    """``rondplan [--lang en] COMMAND …`` on the demo database as ``user``: (status,
    standard output, standard error)."""
    monkeypatch.setenv("RONDPLAN_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("RONDPLAN_RECOVERY_CODE", demo[1].recovery_code)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def rondplan(lang: str | None, *args: str, user: str | None = "admin"):
        capsys.readouterr()
        where = ["--db", str(demo[0])] + (["--user", user] if user else [])
        given = ["--lang", lang] if lang else []
        status = main([*given, *args, *where])
        out, err = capsys.readouterr()
        return status, out, err

    return rondplan


def _ours(text: str) -> str:
    """The output without the data it quotes (the demo password, the demo accounts)."""
    lines = text.replace(DEMO_PASSWORD, "").splitlines()
    return "\n".join(line for line in lines if not ACCOUNT_LINE.match(line))


def english(text: str) -> str:
    assert not SWEDISH.search(_ours(text)), text
    return text


def test_demo_data_and_init_report_in_the_language_asked_for(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDPLAN_PASSWORD", "a-long-password-for-tests")
    demo_args = ["demo-data", "--persons", "50", "--seed", "3", "--db"]
    assert main(["--lang", "en", *demo_args, str(tmp_path / "en.db")]) == 0
    out = english(capsys.readouterr().out)
    assert "Demo data (FICTITIOUS) was made in " in out
    assert " persons, " in out and " call-ins, " in out and " referrals to support." in out
    assert "Accounts (one password for all: " in out
    assert "RECOVERY CODE (for the demo database only):" in out
    assert main([*demo_args, str(tmp_path / "sv.db")]) == 0
    out = capsys.readouterr().out
    assert "Demodata (FIKTIVA) skapades i " in out and " stormöten, " in out
    assert "ÅTERSTÄLLNINGSKOD (bara för demodatabasen):" in out

    assert main(["--lang", "en", "init", "--db", str(tmp_path / "new.db"), "--admin", "ada"]) == 0
    out = english(capsys.readouterr().out)
    assert f"The database was created: {tmp_path / 'new.db'}" in out
    assert "RECOVERY CODE (shown only now – print it and keep it in a safe):" in out
    assert main(["init", "--db", str(tmp_path / "ny.db"), "--admin", "ada"]) == 0
    assert "Databasen skapades: " in capsys.readouterr().out


def test_a_password_prompt_is_in_the_language_asked_for(tmp_path, monkeypatch) -> None:
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return "a-long-password-for-tests"

    monkeypatch.delenv("RONDPLAN_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", prompt)
    assert main(["--lang", "en", "init", "--db", str(tmp_path / "a.db"), "--admin", "ada"]) == 0
    assert main(["init", "--db", str(tmp_path / "b.db"), "--admin", "ada"]) == 0
    assert asked == ["New password for the administrator: ", "Nytt lösenord för administratören: "]


def test_import_reports_in_the_language_asked_for(run, tmp_path) -> None:
    status, out, _ = run("en", "import", "--template", str(tmp_path / "template.csv"), user=None)
    assert status == 0 and english(out).startswith("The import template was written: ")
    status, out, _ = run(None, "import", "--template", str(tmp_path / "mall.csv"), user=None)
    assert status == 0 and out.startswith("Importmallen skrevs: ")

    listing = tmp_path / "list.csv"
    listing.write_text("Förnamn;Efternamn\nJohn;Smithson\nMary;Jonesby\n", encoding="utf-8")
    status, out, _ = run("en", "import", str(listing), "--dry-run", user="samordnare.soc")
    assert status == 0
    assert english(out) == (
        "Trial run of list.csv: 2 rows, 2 new people, 0 merges, 0 to be skipped. "
        "Nothing was imported.\n"
    )
    status, out, _ = run(None, "import", str(listing), "--dry-run", user="samordnare.soc")
    assert out.startswith("Provkörning av list.csv: 2 rader, 2 nya personer, 0 sammanslagningar")
    status, out, _ = run("en", "import", str(listing), user="samordnare.soc")
    assert status == 0
    assert english(out) == (
        "Imported list.csv: 2 rows, 2 new people, 0 merges, 0 skipped, 0 new groups.\n"
    )
    # The same list again: each row resembles a person now there (stderr, exit 1).
    status, _, err = run("en", "import", str(listing), user="samordnare.soc")
    assert status == 1
    assert english(err).splitlines()[-1] == (
        "Nothing was imported: errors in 0 rows, and 2 possible duplicates are unanswered."
    )
    status, _, err = run(None, "import", str(listing), user="samordnare.soc")
    assert err.splitlines()[-1] == (
        "Ingenting importerades: 0 rader har fel och 2 möjliga dubbletter är obesvarade."
    )


def test_export_and_backup_report_in_the_language_asked_for(run, tmp_path) -> None:
    status, out, _ = run(
        "en", "export", "groups", "-o", str(tmp_path / "groups.csv"), user="samordnare.soc"
    )
    assert status == 0 and re.fullmatch(r"Exported \d+ groups to .*groups\.csv\n", english(out))
    status, out, _ = run(
        None, "export", "persons", "-o", str(tmp_path / "p.csv"), user="samordnare.soc"
    )
    assert status == 0 and re.fullmatch(r"Exporterade \d+ personer till .*p\.csv\n", out)

    status, out, _ = run("en", "backup", "-o", str(tmp_path / "copy.bak"))
    assert status == 0
    assert english(out) == (
        f"The backup was written: {tmp_path / 'copy.bak'}\n"
        "It consists of three files that belong together and are moved together: "
        "copy.bak, copy.bak.keys and copy.bak.audit.\n"
    )
    status, out, _ = run(None, "backup", "-o", str(tmp_path / "kopia.bak"))
    assert status == 0 and out.startswith("Säkerhetskopian skrevs: ")


def test_users_report_in_the_language_asked_for(run, tmp_path) -> None:
    add = ["users", "add", "--name", "Pat Lee", "--role", "officer", "--agency", "social"]
    status, out, _ = run("en", *add, "pat_en")
    assert status == 0
    assert english(out).startswith(
        "The account pat_en was created.\n"
        "Temporary passwords (shown only now; changed at the first login):\npat_en;"
    )
    status, out, _ = run(None, *add, "pat_sv")
    assert out.startswith("Kontot pat_sv skapades.\nTillfälliga lösenord (visas bara nu;")

    status, out, _ = run("en", "users", "reset", "pat_en", "-o", str(tmp_path / "one.txt"))
    assert status == 0
    assert english(out) == (
        "The password of pat_en has been reset.\n"
        f"Wrote 1 temporary password to {tmp_path / 'one.txt'} (only its owner can read it).\n"
    )
    assert (
        (tmp_path / "one.txt")
        .read_text(encoding="utf-8")
        .startswith("username;temporary password\npat_en;")
    )
    status, out, _ = run("en", "users", "deactivate", "pat_en")
    assert english(out) == "The account pat_en is deactivated; its keys have been replaced.\n"
    status, out, _ = run(None, "users", "deactivate", "pat_sv")
    assert out == "Kontot pat_sv är avstängt; dess nycklar har bytts.\n"

    status, out, _ = run("en", "users", "list")
    (line,) = [line for line in out.splitlines() if line.startswith("pat_en ")]
    assert " deactivated " in english(line)
    status, out, _ = run(None, "users", "list")
    (line,) = [line for line in out.splitlines() if line.startswith("pat_sv ")]
    assert " avstängd " in line

    accounts = tmp_path / "accounts.csv"
    accounts.write_text("username;name;role;agency\nkim_en;Kim Park;officer;police\n")
    status, out, _ = run("en", "users", "import", str(accounts))
    assert status == 0 and english(out).startswith("Made 1 account from accounts.csv.\n")


def test_audit_reports_in_the_language_asked_for(run) -> None:
    status, out, _ = run("en", "audit", "verify", user="granskare")
    assert status == 0 and re.fullmatch(
        r"OK – the processing log is complete \(\d+ entries\)\n", out
    )
    status, paper, _ = run("en", "audit", "checkpoint", user="granskare")
    assert status == 0
    english(paper)
    assert paper.startswith("Rondplan processing log – checkpoint\nDatabase: ")
    assert "\nEntry: " in paper and "\nCompare later with:\n  rondplan audit compare " in paper
    status, swedish, _ = run(None, "audit", "checkpoint", user="granskare")
    assert swedish.startswith("Rondplan behandlingslogg – kontrollpunkt\nDatabas: ")
    assert "\nJämför senare med:\n" in swedish

    command = next(line for line in paper.splitlines() if "audit compare" in line).split()
    seq, digest = command[command.index("--seq") + 1], command[command.index("--hash") + 1]
    status, out, _ = run("en", "audit", "compare", "--seq", seq, "--hash", digest, user="granskare")
    assert status == 0
    assert english(out) == f"OK – The paper matches: entry {seq} is there with the same history.\n"
    status, out, _ = run(
        "en", "audit", "compare", "--seq", seq, "--hash", "0" * 16, user="granskare"
    )
    assert status == 1
    assert english(out) == (
        f"ERROR – Entry {seq} has another history than the paper: the database has been "
        "replaced or rewritten.\n"
    )
    status, out, _ = run(
        None, "audit", "compare", "--seq", seq, "--hash", "0" * 16, user="granskare"
    )
    assert out.startswith(f"FEL – Post {seq} har en annan historik än papperet")


def test_briefing_reports_in_the_language_asked_for(run, demo, tmp_path) -> None:
    from desktop.services.briefing.choices import BriefingChoices
    from desktop.store.database import open_database

    store = open_database(demo[0]).unlock("samordnare.soc", DEMO_PASSWORD)
    try:
        operation = next(o for o in BriefingChoices(store).operations() if o.teams)
    finally:
        store.lock()
    team = operation.teams[0]
    where = ["--operation", str(operation.id), "--team", str(team.id)]
    schedule = ["briefing", *where, "--schedule"]
    status, out, _ = run("en", *schedule, "-o", str(tmp_path / "plan.pdf"), user="samordnare.soc")
    assert status == 0
    assert re.fullmatch(r"Wrote .*plan\.pdf \(printout \S+, \d+ visits?\)\n", english(out))
    status, out, _ = run(None, *schedule, "-o", str(tmp_path / "schema.pdf"), user="samordnare.soc")
    assert re.fullmatch(r"Skrev .*schema\.pdf \(utskrift \S+, \d+ besök\)\n", out)
    packet = ["briefing", *where, "--date", team.days[0].isoformat()]
    status, out, _ = run("en", *packet, "-o", str(tmp_path / "packet.pdf"), user="samordnare.soc")
    assert status == 0
    assert re.fullmatch(r"Wrote .*packet\.pdf \(printout \S+, \d+ visits?\)\n", english(out))
