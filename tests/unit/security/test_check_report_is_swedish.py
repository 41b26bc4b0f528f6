"""``rondplan check`` on a structurally damaged file: one Swedish line per check.

The damage is made as an insider could, with the data key and sqlcipher3: an
index of the person table is pointed at the audit table's pages, so every page
still decrypts (the cipher check passes) but SQLite's integrity check finds the
structure broken. Before issue 15 its English report (``*** in database main ***``,
``Page 6: ...``, one line per finding, hundreds for a real crash) went to the user.
"""

from __future__ import annotations

import logging

from desktop.cli import main
from tests.factories import PASSWORD, fresh_with_users
from tests.unit.security.helpers import attacker_connection

ENGLISH = ("***", "Page ", "page ", "database", "missing", "wrong", "btree", "entries")


def test_damaged_structure_is_one_swedish_line_per_check(tmp_path, monkeypatch, capsys, caplog):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    conn = attacker_connection(fresh.path, fresh.recovery_code, drop_triggers=False)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_entry'").fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ix_person_status'", root)
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()

    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    with caplog.at_level(logging.INFO, logger="rondplan.check"):
        assert main(["check", "--db", str(fresh.path), "--user", "admin"]) == 1
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert not out.err.strip(), out.err
    names = [line.split(":", 1)[0] for line in lines]
    assert len(names) == len(set(names)), lines  # one line per check, nothing spilled over
    assert names[:2] == ["integritet", "kryptering"], lines
    assert lines[0].startswith("integritet: FEL – "), lines[0]
    assert "fel i databasfilens struktur" in lines[0]
    assert not any(word in lines[0] for word in ENGLISH), lines[0]
    assert lines[1].startswith("kryptering: OK"), lines[1]
    # The details are kept for whoever repairs it, in the technical log.
    assert any("integritet" in record.getMessage() for record in caplog.records)
