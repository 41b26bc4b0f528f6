"""``rondplan check`` after a rollback its own login found.

The database file, its WAL and the checkpoint are copied back to an older state. The
auditor, who saw the later state, runs ``rondplan check``. Their login finds the
rollback through their own anchor and prints the warning; before this test the check
then went on to print ``behandlingslogg: OK – behandlingsloggen är hel`` and exit 0
(the login's own entries had covered the gap), the very answer issue 15 says a rolled
back file must no longer get. ``rondplan audit verify`` already returned FEL for what
its own login found; ``check`` now does the same. What detects it: the auditor's anchor.
"""

from __future__ import annotations

from desktop.cli import main
from tests.attacks.test_file_rollback import (
    AUDITOR,
    ROLLBACK,
    _old_state_then_more,
    _put_back,
    office,  # noqa: F401  (the fixture)
)


def test_check_says_fel_after_a_rollback_its_login_found(office, capsys, tmp_path):  # noqa: F811
    saved = _old_state_then_more(office, capsys, tmp_path)
    _put_back(saved, office.path, ("", "-wal", "-shm", ".audit"))
    capsys.readouterr()
    code = main(["check", "--db", str(office.path), "--user", AUDITOR])
    out = capsys.readouterr()
    assert ROLLBACK in out.err and "Varning" in out.err
    assert code == 1, out.out
    assert "behandlingslogg: FEL" in out.out and ROLLBACK in out.out
    assert "behandlingslogg: OK" not in out.out
