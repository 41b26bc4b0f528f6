"""Every argument of every subcommand, fed values a careless or hostile user types.

Each option is found from the parser itself (so a new option is fuzzed without
editing this file) and given values of its kind: huge and negative integers,
impossible and far dates, 300-character file names, folders that do not exist,
places nobody can write, empty and 1,000-character texts. Whatever happens, the
command ends with exit status 0, 1 or 2, no traceback, and on failure exactly
one line on stderr (DESIGN.md, "The command line").

Before this issue: ``stats --to 9999-12-31``, ``stats --group 2**63``,
``briefing --operation 2**64`` and ``briefing -o`` with a 300-character name
ended in tracebacks, and argparse's errors took several lines.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from desktop.cli import build_parser, main
from tests.factories import PASSWORD, fresh_with_users

# Who runs each command in the fuzz: someone allowed to, so the bad value is the
# only thing wrong. Commands not listed run as the administrator.
USERS = {
    "stats": "coordinator_social",
    "briefing": "team_lead_social",
    "import": "coordinator_social",
    "export": "coordinator_social",
    "audit": "auditor_social",
}
# Qt (screenshot) and a PostgreSQL target (migrate-to-server) are tried in their
# own tests below or in tests/integration; the GUI is not a subcommand.
SKIPPED = {"screenshot"}

LONG_NAME = "a" * 300
INTS = ["9223372036854775808", "18446744073709551616", "-1", "-9223372036854775809", "0", "1e3"]
DATES = ["9999-12-31", "0001-01-01", "2026-02-30", "31-12-2026", "", "2026-13-01"]
TEXTS = ["", "x" * 1000, "ö" * 300, "'; DROP TABLE person; --"]


def paths(folder: Path) -> list[str]:
    return [
        str(folder / f"{LONG_NAME}.pdf"),
        str(folder / f"{LONG_NAME}.csv"),
        str(folder / f"{LONG_NAME}.xlsx"),
        str(folder / "saknas" / "fil.pdf"),
        "/proc/rondplan-h15.csv",
        "/proc/rondplan-h15.xlsx",
        str(folder),
        "",
    ]


def _subcommands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """(words, parser) for every leaf subcommand, e.g. (("audit", "verify"), parser)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _subcommands(sub, (*prefix, name))
            return
    yield prefix, parser


def _kind(action: argparse.Action) -> str:
    type_name = getattr(action.type, "__name__", "")
    if action.choices is not None:
        return "choice"
    if type_name in {"int", "record_id", "heltal", "parse"} or action.type is int:
        return "int"
    if "date" in type_name:
        return "date"
    if action.type is Path or (action.metavar or "").startswith(("FIL", "SÖKVÄG")):
        return "path"
    return "text"


def _cases():  # type: ignore[no-untyped-def]
    parser = build_parser()
    for words, sub in _subcommands(parser):
        if words[0] in SKIPPED or not words:
            continue
        for action in sub._actions:
            if action.nargs == 0 or isinstance(action, argparse._HelpAction):
                continue
            if action.dest in {"db", "user", "command_server", "target_server", "init_server"}:
                continue
            name = action.option_strings[-1] if action.option_strings else action.dest
            yield pytest.param(
                words,
                action.option_strings,
                action.dest,
                _kind(action),
                id=f"{' '.join(words)} {name}",
            )


def _valid(words: tuple[str, ...], db: Path, folder: Path) -> dict[str, list[str]]:
    """A valid value for every required argument, by dest, so one bad value is the
    only thing wrong with the command."""
    return {
        "operation": ["--operation", "1"],
        "team": ["--team", "1"],
        "output": ["-o", str(folder / ("ut.pdf" if words[0] == "briefing" else "ut.xlsx"))],
        "what": ["persons"],
        "backup": [str(folder / "saknas.rondplan-backup")],
        "admin": ["--admin", "ada"],
        "seq": ["--seq", "1"],
        "hash": ["--hash", "0" * 64],
        "file": [str(folder / "lista.csv")],
    }


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fresh = fresh_with_users(tmp_path_factory.mktemp("cli-db"))
    fresh.admin.lock()
    return fresh.path


def _values(kind: str, folder: Path) -> list[str]:
    return {
        "int": INTS,
        "date": DATES,
        "path": paths(folder),
        "choice": ["nej", "x" * 500, ""],
        "text": TEXTS,
    }[kind]


@pytest.mark.parametrize(("words", "options", "dest", "kind"), list(_cases()))
def test_bad_value_ends_in_one_line(
    words, options, dest, kind, database, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "lista.csv").write_text("Förnamn;Efternamn\nAnna;Svensson\n", encoding="utf-8")
    valid = _valid(words, database, tmp_path)
    for value in _values(kind, tmp_path):
        argv = list(words)
        if words[0] in {"init", "demo-data"}:
            argv += ["--db", str(tmp_path / f"ny-{abs(hash(value))}.db")]
        else:
            argv += ["--db", str(database), "--user", USERS.get(words[0], "admin")]
        parser_sub = dict(_subcommands(build_parser()))[words]
        for action in parser_sub._actions:
            if action.dest == dest or (not action.required and action.option_strings):
                continue
            if action.dest in valid and (action.required or not action.option_strings):
                argv += valid[action.dest]
        argv += [options[-1], value] if options else [value]
        code = _run(argv)
        out, err = capsys.readouterr()
        assert "Traceback" not in err, (argv, err)
        assert code in {0, 1, 2}, (argv, code, err)
        if code:
            lines = [line for line in err.splitlines() if line.strip()]
            if not lines:
                # A finding, not an error (check, audit compare): said on stdout.
                assert out.strip(), argv
                continue
            assert len(lines) == 1, (argv, lines)
            assert lines[0].startswith("rondplan"), (argv, lines)


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def test_the_issue_commands_end_in_one_line(database, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    db = ["--db", str(database)]
    cases = [
        ["stats", *db, "--user", "coordinator_social", "--to", "9999-12-31"],
        ["stats", *db, "--user", "coordinator_social", "--group", "9223372036854775808"],
        ["stats", *db, "--user", "coordinator_social", "--from", "1900-01-01"],
        [
            "briefing",
            *db,
            "--user",
            "team_lead_social",
            "--operation",
            "18446744073709551616",
            "--team",
            "1",
            "-o",
            str(tmp_path / "ut.pdf"),
        ],
        [
            "briefing",
            *db,
            "--user",
            "team_lead_social",
            "--operation",
            "1",
            "--team",
            "1",
            "-o",
            str(tmp_path / f"{LONG_NAME}.pdf"),
        ],
    ]
    for argv in cases:
        code = _run(argv)
        err = capsys.readouterr().err
        assert code in {1, 2}, (argv, code, err)
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1, (argv, err)


def test_usage_errors_are_one_line_with_exit_2(capsys) -> None:
    for argv in (["stats", "--nope"], ["briefing"], ["export", "nothing"], ["audit"]):
        assert _run(argv) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert "--help" in err


def test_every_subcommand_with_values_is_fuzzed() -> None:
    fuzzed = {case.values[0][0] for case in _cases()}
    expected = {"init", "demo-data", "backup", "restore", "briefing", "import", "export", "stats"}
    assert expected <= fuzzed, expected - fuzzed


@pytest.mark.parametrize("view", ["audit", "admin"])
def test_screenshot_of_a_view_the_user_may_not_see_ends_in_one_line(
    database, tmp_path, view
) -> None:
    """A coordinator has no right to the audit log: the view shows a message box, which
    offscreen nobody can close. Before issue 15 the command waited forever. The
    administration page showed an empty frame, saved as a blank image without a word."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, RONDPLAN_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")
    argv = ["screenshot", "--db", str(database), "--user", "coordinator_social"]
    argv += ["--view", view, "-o", str(tmp_path / "vy.png")]
    try:
        result = subprocess.run(
            [sys.executable, "-m", "desktop.cli", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=90,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"rondplan screenshot --view {view} as a coordinator hangs")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"rondplan: Vyn {view} kan inte visas: "), lines
    assert not (tmp_path / "vy.png").exists()
    for size in ("99999999x99999999", "0x0", "ettx två"):
        bad = [*argv[:-2], "-o", str(tmp_path / "b.png"), "--size", size]
        result = subprocess.run(
            [sys.executable, "-m", "desktop.cli", *bad],
            capture_output=True,
            text=True,
            env=env,
            timeout=90,
        )
        assert result.returncode == 1, (size, result.stderr)
        assert "Traceback" not in result.stderr
