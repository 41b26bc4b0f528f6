"""An insider puts made-up events into the queue of ``<db>.keys``.

Failed logins and locks that could not be written while Rondplan was locked wait in
the keyslot file (plain JSON) and are written by the next login, signed by the user
whose login writes them. The insider (an officer with only their own password; the
queue needs none) adds an event of any name naming a colleague, e.g. an export of
every person at three in the morning. Before this test the next login of anyone wrote
it into the log as the colleague's ``export.persons``, signed and chained, and
``rondplan audit verify`` said OK.

docs/security.md: "only events queued while Rondplan was locked (failed logins, a lock;
they have no role) are signed by the user whose login writes them". What detects it
now: the login writes only those kinds; anything else in the queue becomes an
``integrity.alarm`` entry (``pending_event``), never an entry of that name.
"""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.models import Role
from tests.attacks.insider_audit import Insider
from tests.factories import PASSWORD, add_user, fresh_database

OFFICER = "handlaggare.polis"
COLLEAGUE = "samordnare.polis"
AUDITOR = "granskare"


def test_a_made_up_queued_event_is_not_written_as_the_colleagues(tmp_path, monkeypatch, capsys):
    fresh = fresh_database(tmp_path)
    add_user(fresh, OFFICER, Role.OFFICER, "police")
    add_user(fresh, COLLEAGUE, Role.COORDINATOR, "police")
    add_user(fresh, AUDITOR, Role.AUDITOR, "social")
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)

    keys = fresh.path.with_name(fresh.path.name + ".keys")
    data = json.loads(keys.read_text())
    data.setdefault("pending", []).append(
        {"at": "2026-03-01T03:00:00", "event": "export.persons", "username": COLLEAGUE}
    )
    keys.write_text(json.dumps(data))

    capsys.readouterr()
    code = main(["audit", "verify", "--db", str(fresh.path), "--user", AUDITOR])
    capsys.readouterr()
    assert code == 0

    insider = Insider(fresh.path, OFFICER, PASSWORD)
    try:
        entries = insider.entries()
        colleague = insider.conn.execute(
            "SELECT id FROM user_account WHERE username = ?", (COLLEAGUE,)
        ).fetchone()[0]
    finally:
        insider.close()
    forged = [e for e in entries if e["action"] == "export.persons"]
    assert forged == [], f"written as {COLLEAGUE} (id {colleague}): {forged}"
    assert any(
        e["action"] == "integrity.alarm" and str(e["detail"]).startswith("pending_event")
        for e in entries
    )
