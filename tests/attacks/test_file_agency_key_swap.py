"""The insider swaps another agency's public key, to read what is disclosed to it.

A probation officer unwraps the data key and their own compartment key with their own
password, opens the raw file with sqlcipher3 and replaces social services' public key
in ``setting`` with their own agency's. Before issue 15 a police officer's disclosure
to social services was then sealed to probation's key: readable by the insider's agency
and unreadable for the real recipient.

What detects it now: agency public keys are signed by the installation's trust root
(at ``init`` for every agency); a disclosure checks the recipient agency and its key
against that signature and refuses a swapped key in one Swedish line, logged as an
``integrity.alarm`` entry. Nothing is disclosed.
"""

from __future__ import annotations

import base64

import pytest

from desktop.models import LegalBasis, Person, Role
from desktop.services.security.notes import NotesService
from desktop.services.security.session import SessionAudit
from desktop.services.uow import UnitOfWork
from desktop.store import sealed_box
from desktop.store.database import LockedDatabase
from desktop.store.errors import StoreError
from tests.attacks.insider_audit import Insider
from tests.attacks.own_keys import own_keys
from tests.factories import PASSWORD, add_user, fresh_database

POLICE = "handlaggare.polis"
SOCIAL = "handlaggare.soc"
INSIDER = "handlaggare.krim"


def _session(path, username):
    store = LockedDatabase(path).unlock(username, PASSWORD)
    SessionAudit(store).record_login()
    return store


@pytest.fixture
def office(tmp_path):
    fresh = fresh_database(tmp_path)
    add_user(fresh, POLICE, Role.OFFICER, "police")
    add_user(fresh, SOCIAL, Role.OFFICER, "social")
    add_user(fresh, INSIDER, Role.OFFICER, "probation")
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Anna", last_name="Berg")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    fresh.admin.lock()
    # Social services' officer logs in once, as the app does (publishes the key).
    social = _session(fresh.path, SOCIAL)
    NotesService(social).publish_agency_keys()
    social.lock()
    return fresh, person_id


def test_disclosure_to_a_swapped_key_is_refused(office):
    fresh, person_id = office
    probation_key = own_keys(fresh.path, INSIDER, PASSWORD).compartments["probation"]
    own_public = sealed_box.public_bytes(sealed_box.private_key_from(probation_key))
    insider = Insider(fresh.path, INSIDER, PASSWORD)
    insider.conn.execute(
        "UPDATE setting SET value = json(?) WHERE key = 'agency_public_key:social'",
        (f'"{base64.b64encode(own_public).decode()}"',),
    )
    insider.close()

    police = _session(fresh.path, POLICE)
    notes = NotesService(police)
    note_id = next(
        iter(notes.write_note("Hotbild mot familjen", person_id=person_id).ids_of("note"))
    )
    with pytest.raises(StoreError) as refused:
        notes.disclose(note_id, "social", LegalBasis.OSL_10_2, "Skydd för barnet")
    police.lock()
    assert refused.value.code == "store.tampered_record"

    insider = Insider(fresh.path, INSIDER, PASSWORD)
    social_id = insider.conn.execute("SELECT id FROM agency WHERE code = 'social'").fetchone()[0]
    copies = insider.conn.execute(
        "SELECT count(*) FROM note WHERE agency_id = ?", (social_id,)
    ).fetchone()[0]
    alarms = [e for e in insider.entries() if e["action"] == "integrity.alarm"]
    insider.close()
    assert copies == 0
    assert alarms and alarms[-1]["detail"] == "agency_key"


def test_swapped_agency_row_is_refused(office):
    """Renaming the agency row (e.g. pointing 'social' at another kind) is refused too."""
    fresh, person_id = office
    insider = Insider(fresh.path, INSIDER, PASSWORD)
    insider.conn.execute("UPDATE agency SET name = 'Kriminalvården' WHERE code = 'social'")
    insider.close()
    police = _session(fresh.path, POLICE)
    notes = NotesService(police)
    note_id = next(iter(notes.write_note("Hotbild", person_id=person_id).ids_of("note")))
    with pytest.raises(StoreError):
        notes.disclose(note_id, "social", LegalBasis.OSL_10_2, "Skydd")
    police.lock()
