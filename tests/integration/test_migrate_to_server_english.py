"""``rondplan --lang en migrate-to-server`` reports in English (issue 18): the table of
counts, the server's log, the accounts without a login and the last line."""

from __future__ import annotations

import re

from desktop.cli import main
from tests.factories import PASSWORD, fresh_with_users


def test_the_move_reports_in_english(tmp_path, server_db, capsys, monkeypatch):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.delenv("RONDPLAN_RECOVERY_CODE", raising=False)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: tmp_path / "state")
    args = ["migrate-to-server", "--db", str(fresh.path), "--server", server_db, "--user", "admin"]
    assert main(["--lang", "en", *args]) == 0
    out = capsys.readouterr().out
    # The data here (user names, table names, the path) holds no Swedish letter either.
    assert not re.search(r"[åäöÅÄÖ]", out), out
    assert out.startswith("Table                    local →   server\n")
    assert re.search(
        r"^The processing log on the server: the processing log is complete ", out, re.M
    )
    assert "Without RONDPLAN_RECOVERY_CODE no password can be reset on the server" in out
    assert "10 accounts cannot log in to the server yet." in out
    assert "Administration → Users → Reset password…" in out
    assert "  needs a temporary password: officer_police\n" in out
    assert out.endswith("Done: every table and the processing log have been checked.\n")
