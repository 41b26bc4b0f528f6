"""What the login found (a rollback its own entries then covered) is on ``rondplan check``'s
report in the language of ``--lang`` (issue 18): the login's findings are codes, kept for
the report, not Swedish sentences on the store."""

from __future__ import annotations

from desktop.cli import main
from tests.attacks.test_file_rollback import (
    AUDITOR,
    _old_state_then_more,
    _put_back,
    office,  # noqa: F401  (the fixture)
)


def test_check_names_the_rollback_in_english(office, capsys, tmp_path):  # noqa: F811
    saved = _old_state_then_more(office, capsys, tmp_path)
    _put_back(saved, office.path, ("", "-wal", "-shm", ".audit"))
    capsys.readouterr()
    code = main(["--lang", "en", "check", "--db", str(office.path), "--user", AUDITOR])
    out = capsys.readouterr()
    assert code == 1, out.out
    chain = [line for line in out.out.splitlines() if line.startswith("processing log: ")]
    assert chain and all(line.startswith("processing log: ERROR – ") for line in chain), chain
    assert not any(letter in out.out for letter in "åäöÅÄÖ"), out.out
