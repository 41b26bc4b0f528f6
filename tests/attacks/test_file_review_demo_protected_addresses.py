"""Skyddad identitet in the demo database.

``rondplan demo-data`` writes its persons as the administrator, who does not hold the
protected-address key, so the protected persons' addresses are written plain; the
docs say such a row "stays plain until the next login of a holder". Before this test
no demo account held the key (only the recovery slot did), so no holder ever logged
in: after a coordinator's login the four protected addresses of the demo were still
readable by the officer ``handlaggare.polis`` with their own password and sqlcipher3.

Now the demo's coordinators and team leads hold the key: the first holder's login (any
command) seals them, and the officer finds none.
"""

from __future__ import annotations

import datetime as dt

import sqlcipher3.dbapi2 as sqlcipher

from desktop.cli import main
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.demo.generate import generate_demo
from tests.attacks.own_keys import own_keys

QUERY = (
    "SELECT a.street, a.sealed IS NOT NULL FROM address a JOIN person p"
    " ON p.id = a.person_id WHERE p.protected_identity"
)


def _as_officer(path) -> list[tuple[str, int]]:
    key = own_keys(path, "handlaggare.polis", DEMO_PASSWORD).data_key
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        return conn.execute(QUERY).fetchall()
    finally:
        conn.close()


def test_a_holders_login_seals_the_demos_protected_addresses(tmp_path, monkeypatch, capsys):
    path = tmp_path / "demo.db"
    generate_demo(path, today=dt.date(2026, 11, 18))
    before = _as_officer(path)
    assert before and all(street for street, _ in before)  # plain, as documented

    monkeypatch.setenv("RONDPLAN_PASSWORD", DEMO_PASSWORD)
    assert main(["check", "--db", str(path), "--user", "samordnare.polis"]) == 0
    capsys.readouterr()

    after = _as_officer(path)
    assert len(after) == len(before)
    assert all(sealed and not street for street, sealed in after), after
