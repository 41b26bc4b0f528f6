"""Skyddad identitet: an insider with their own password and the raw file finds no address.

Before issue 15 a protected person's street, postcode, city, district and door code
sat in ``address`` in the clear: every account's data key opens the file, so any
officer (who may not even see that address on screen) read it with sqlcipher3. Now
those fields are sealed under the protected-address key, which only the roles that
plan visits and print packets hold (coordinator, team lead). The test plays the
officer: own password, own slot of the ``.keys`` file, the raw file, sqlcipher3, and a
scan of every decrypted page. What detects it: nothing needs to; there is nothing
readable to find. The coordinator still sees and prints it.
"""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher

from desktop.models import Role
from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput, PersonInput
from desktop.services.security import SecurityServices
from tests.attacks.own_keys import own_keys
from tests.attacks.test_file_retention_traces import insider_plaintext_pages
from tests.factories import PASSWORD, add_user, fresh_database, login

# The reserved compartment code of the protected-address key in the .keys file.
PROTECTED_ADDRESSES = "__skyddad_adress__"
# Every value has å, ä or ö so that its bytes cannot turn up by chance.
SECRET = AddressInput(
    street="Hemligåsvägen 17 lgh 1204",
    postcode="21745",
    city="Bjärröd",
    area="Östra Sörbyån",
    access_notes="Portkod 4411, hund, mamma Åsa bor där",
)
SECRET_BYTES = [
    b"Hemlig\xc3\xa5sv\xc3\xa4gen",
    b"217 45",
    "Bjärröd".encode(),
    "Östra Sörbyån".encode(),
    b"Portkod 4411",
    "mamma Åsa".encode(),
]
OPEN = AddressInput(street="Öppna gatan 3", postcode="21120", city="Malmö", area="Möllevången")


def _world(tmp_path):
    fresh = fresh_database(tmp_path)
    for name, role in (
        ("coordinator_police", Role.COORDINATOR),
        ("team_lead_social", Role.TEAM_LEAD),
        ("officer_police", Role.OFFICER),
        ("auditor_social", Role.AUDITOR),
    ):
        add_user(fresh, name, role, "police" if name.endswith("police") else "social")
    fresh.admin.lock()
    coordinator = login(fresh.path, "coordinator_police")
    persons = build_mapping(coordinator).persons
    hidden = persons.create(PersonInput("Skyddad", "Persson", protected_identity=True))
    hidden_id = next(iter(hidden.ids_of("person")))
    persons.add_address(hidden_id, SECRET)
    shown = persons.create(PersonInput("Vanlig", "Person"))
    persons.add_address(next(iter(shown.ids_of("person"))), OPEN)
    coordinator.lock()
    return fresh, hidden_id


def _checkpoint(path, key: bytes) -> None:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_officer_with_own_password_finds_no_protected_address(tmp_path):
    fresh, _ = _world(tmp_path)
    mine = own_keys(fresh.path, "officer_police", PASSWORD)
    assert PROTECTED_ADDRESSES not in mine.compartments | dict.fromkeys(mine.pending_codes)
    conn = sqlcipher.connect(str(fresh.path))
    conn.execute(f"PRAGMA key = \"x'{mine.data_key.hex()}'\"")
    rows = conn.execute(
        "SELECT a.street, a.postcode, a.city, a.area, a.access_notes FROM address a "
        "JOIN person p ON p.id = a.person_id WHERE p.protected_identity"
    ).fetchall()
    open_rows = conn.execute(
        "SELECT a.street FROM address a JOIN person p ON p.id = a.person_id "
        "WHERE NOT p.protected_identity"
    ).fetchall()
    conn.close()
    assert rows == [("", None, None, None, "")]
    assert open_rows == [("Öppna gatan 3",)]  # the insider's reading works
    # Every page of the file, decrypted with the officer's key, free space included.
    _checkpoint(fresh.path, mine.data_key)
    pages = insider_plaintext_pages(fresh.path, "officer_police")
    assert [s for s in SECRET_BYTES if s in pages] == []
    assert "Möllevången".encode() in pages


def test_no_role_without_the_need_holds_the_key(tmp_path):
    fresh, _ = _world(tmp_path)
    for name in ("officer_police", "auditor_social", "admin"):
        theirs = own_keys(fresh.path, name, PASSWORD)
        assert PROTECTED_ADDRESSES not in theirs.compartments
        assert PROTECTED_ADDRESSES not in theirs.pending_codes
    for name in ("coordinator_police", "team_lead_social"):
        assert PROTECTED_ADDRESSES in own_keys(fresh.path, name, PASSWORD).compartments


def test_coordinator_and_team_lead_still_see_it_officer_sees_it_hidden(tmp_path):
    fresh, hidden_id = _world(tmp_path)
    seen = {}
    for name in ("coordinator_police", "team_lead_social", "officer_police"):
        store = login(fresh.path, name)
        security = SecurityServices.build(store)
        profile = build_mapping(store, reauth=security.reauth).persons.profile(hidden_id)
        seen[name] = [(a.street, a.city, a.area, a.access_notes) for a in profile.addresses]
        store.lock()
    full = [(SECRET.street, SECRET.city, SECRET.area, SECRET.access_notes)]
    assert seen["coordinator_police"] == full
    assert seen["team_lead_social"] == full
    assert seen["officer_police"] == [("Skyddad adress", None, None, "")]
