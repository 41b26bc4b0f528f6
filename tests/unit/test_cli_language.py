"""The command line follows ``--lang`` (issue 18): argparse's words and the core's
errors in English under ``--lang en``, in Swedish by default. Runs the real command."""

from __future__ import annotations

import subprocess
import sys

ENV = {"RONDPLAN_PASSWORD": "kort", "PATH": "", "RONDPLAN_TEST_KDF": "1"}


def rondplan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )


def test_an_error_reads_in_english_under_lang_en(tmp_path) -> None:
    # Swedish by default: tests/unit/test_cli.py reads "Lösenordet måste ha minst 12 tecken."
    english = rondplan("--lang", "en", "init", "--db", str(tmp_path / "ny.db"), "--admin", "ada")
    assert english.returncode == 1
    assert english.stderr == "rondplan: The password must have at least 12 characters.\n"


def test_a_storage_error_and_argparse_read_in_english(tmp_path) -> None:
    missing = rondplan("--lang=en", "stats", "--db", str(tmp_path / "nej.db"), "--user", "ada")
    assert missing.returncode == 1
    assert missing.stderr == (
        "rondplan: The database does not exist. Create it first with “rondplan init”.\n"
    )
    wrong = rondplan("--lang", "en", "stats", "--from", "2024-13-01")
    assert wrong.returncode == 2
    assert wrong.stderr == (
        "rondplan stats: error: argument --from: “2024-13-01” is not a date; write it as "
        "YYYY-MM-DD (see rondplan stats --help)\n"
    )
