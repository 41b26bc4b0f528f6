"""The insider gives themselves another role or agency in the raw file.

An ordinary police officer unwraps the data key with their own password, opens the raw
file with sqlcipher3 and runs ``UPDATE user_account SET role = 'administrator'`` on their
own row, then uses the real command line. Before issue 15 the role in the row was all
there was: the officer took a backup of everything and exported every person.

What detects it now: user accounts (name, role, agency, active, signing key) are signed
by the installation's trust root, whose private key only administrators' slots and the
recovery slot hold. Unlock and every permission decision check that signature; the
tampered account is refused in one Swedish line and the refusal is in the audit log.
Swapping the trust root itself is caught by every other user's slot, which pins it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.models import Role
from tests.attacks.insider_audit import Insider
from tests.factories import PASSWORD, add_user, fresh_database

OFFICER = "handlaggare.polis"
AUDITOR = "granskare"
REFUSED = "ändrats utan administratörens underskrift"


@pytest.fixture
def office(tmp_path, monkeypatch):
    fresh = fresh_database(tmp_path)
    add_user(fresh, OFFICER, Role.OFFICER, "police")
    add_user(fresh, AUDITOR, Role.AUDITOR, "social")
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    yield fresh
    fresh.admin.lock()


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def _alarms(path: Path) -> list[str]:
    insider = Insider(path, OFFICER, PASSWORD)
    try:
        return [str(e["detail"]) for e in insider.entries() if e["action"] == "integrity.alarm"]
    finally:
        insider.close()


def test_officer_makes_themselves_administrator_and_takes_a_backup(office, capsys, tmp_path):
    office.admin.lock()
    insider = Insider(office.path, OFFICER, PASSWORD)
    insider.conn.execute(
        "UPDATE user_account SET role = ? WHERE username = ?",
        (Role.ADMINISTRATOR.value, OFFICER),
    )
    insider.close()
    backup = tmp_path / "allt.db"
    code, _, err = _run(
        ["backup", "--db", str(office.path), "--user", OFFICER, "-o", str(backup)], capsys
    )
    assert code == 1
    assert REFUSED in err and len(err.strip().splitlines()) == 1
    assert not backup.exists()
    assert any(a.startswith("records") for a in _alarms(office.path))


def test_officer_makes_themselves_coordinator_and_exports_everyone(office, capsys, tmp_path):
    insider = Insider(office.path, OFFICER, PASSWORD)
    insider.conn.execute(
        "UPDATE user_account SET role = ? WHERE username = ?", (Role.COORDINATOR.value, OFFICER)
    )
    insider.close()
    out = tmp_path / "alla.csv"
    code, _, err = _run(
        ["export", "persons", "--db", str(office.path), "--user", OFFICER, "-o", str(out)],
        capsys,
    )
    assert code == 1 and REFUSED in err
    assert not out.exists()


def test_coordinator_moves_to_another_agency(office, capsys):
    add_user(office, "samordnare.polis", Role.COORDINATOR, "police")
    office.admin.lock()
    insider = Insider(office.path, "samordnare.polis", PASSWORD)
    social = insider.conn.execute("SELECT id FROM agency WHERE code = 'social'").fetchone()[0]
    insider.conn.execute(
        "UPDATE user_account SET agency_id = ? WHERE username = ?", (social, "samordnare.polis")
    )
    insider.close()
    code, _, err = _run(["stats", "--db", str(office.path), "--user", "samordnare.polis"], capsys)
    assert code == 1 and REFUSED in err


def test_others_are_told_of_the_tampered_account(office, capsys):
    """The auditor's next login reports another user's tampered row, and logs it."""
    insider = Insider(office.path, OFFICER, PASSWORD)
    insider.conn.execute(
        "UPDATE user_account SET role = ? WHERE username = ?",
        (Role.ADMINISTRATOR.value, OFFICER),
    )
    insider.close()
    code, out, err = _run(["audit", "verify", "--db", str(office.path), "--user", AUDITOR], capsys)
    assert code == 1
    assert "utan administratörens underskrift" in out + err


def test_swapped_trust_root_is_refused_by_every_other_slot(office, capsys):
    """The insider makes their own trust root and signs themselves administrator with it.

    They may even rebuild their own slot to trust it; every other user's slot pinned
    the real one, so the next login of anyone else is refused and logged.
    """
    from desktop.store import signing, trust
    from desktop.store.keyslots import KeyslotFile, keyslot_path

    fake = signing.new_private()
    insider = Insider(office.path, OFFICER, PASSWORD)
    conn = insider.conn
    conn.execute(
        "UPDATE setting SET value = json(?) WHERE key = 'trust_root'",
        (f'"{signing.b64(signing.public_of(fake))}"',),
    )
    conn.execute(
        "UPDATE user_account SET role = ? WHERE username = ?",
        (Role.ADMINISTRATOR.value, OFFICER),
    )
    signed_from = int(
        conn.execute("SELECT value FROM setting WHERE key = 'audit_signed_from'").fetchone()[0]
    )
    codes = [
        r[0][len("agency_public_key:") :]
        for r in conn.execute("SELECT key FROM setting WHERE key LIKE 'agency_public_key:%'")
    ]
    install = {
        "database_id": insider.database_id,
        "trust_root": signing.b64(signing.public_of(fake)),
        "audit_signed_from": signed_from,
        "agency_keys": sorted(codes),
    }
    sig = signing.sign(fake, signing.record_message(insider.database_id, "installation", install))
    conn.execute(
        "UPDATE signed_record SET signature = ? WHERE kind = 'installation'", (signing.b64(sig),)
    )
    insider.close()
    # Their own slot made again to trust the fake root (they know their password).
    slots = KeyslotFile.load(keyslot_path(office.path))
    own = slots.unlock(OFFICER, PASSWORD)
    slots.put(OFFICER, PASSWORD, own, trust_root=signing.public_of(fake))
    slots.save()
    assert trust  # the insider used the published record format
    code, _, err = _run(["audit", "verify", "--db", str(office.path), "--user", AUDITOR], capsys)
    assert code == 1 and REFUSED in err
    code, _, err = _run(["stats", "--db", str(office.path), "--user", "admin"], capsys)
    assert code == 1 and REFUSED in err
