"""Skyddad identitet in an installation whose accounts are made the ordinary way.

``rondplan init`` seals the protected-address key only to the recovery slot; the
administrator does not hold it. Before this test ``rondplan users add`` (and the user
dialog with the recovery field left empty) made a coordinator whose key was to be
"sealed to the new slot at the next login of a holder", but no holder existed and
none ever would: every protected address the coordinator then recorded stayed plain in
``address``, and an officer read it with their own password and sqlcipher3.

docs/security.md: an officer "finds no protected address in the file ... nor with
sqlcipher3". Now creating the first account that needs the key without the recovery
code is refused in one Swedish line asking for it; given it, the coordinator holds the
key at once and the officer finds nothing.
"""

from __future__ import annotations

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from desktop.models import Role
from desktop.services import protected_addresses
from desktop.services.errors import ValidationError
from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput, PersonInput
from desktop.services.security import SecurityServices
from desktop.services.security.session import SessionAudit
from tests.attacks.own_keys import own_keys
from tests.factories import fresh_database, locked

OWN = "en lång lösenordsmening"
SECRET = AddressInput(street="Hemligåsvägen 17 lgh 1204", postcode="21745", city="Bjärröd")


def test_first_holder_cannot_be_made_without_the_key(tmp_path):
    fresh = fresh_database(tmp_path)
    users = SecurityServices.build(fresh.admin).users
    with pytest.raises(ValidationError) as refused:
        users.create_user("samordnare", "Sam Ordnare", Role.COORDINATOR, "social", OWN)
    assert refused.value.code == "recovery.needed_protected"
    users.create_user(
        "samordnare", "Sam Ordnare", Role.COORDINATOR, "social", OWN, fresh.recovery_code
    )
    users.create_user("handlaggare", "Hand Läggare", Role.OFFICER, "social", OWN)
    fresh.admin.lock()

    # A login as the application and every command make it.
    coordinator = locked(fresh.path).unlock("samordnare", OWN)
    SessionAudit(coordinator).record_login()
    protected_addresses.after_login(coordinator)
    persons = build_mapping(coordinator).persons
    hidden = persons.create(PersonInput("Skyddad", "Persson", protected_identity=True))
    persons.add_address(next(iter(hidden.ids_of("person"))), SECRET)
    coordinator.lock()

    mine = own_keys(fresh.path, "handlaggare", OWN)
    conn = sqlcipher.connect(str(fresh.path))
    conn.execute(f"PRAGMA key = \"x'{mine.data_key.hex()}'\"")
    streets = conn.execute(
        "SELECT a.street FROM address a JOIN person p ON p.id = a.person_id"
        " WHERE p.protected_identity"
    ).fetchall()
    conn.close()
    assert streets and all(SECRET.street not in (s or "") for (s,) in streets), streets
