"""The agency × role secrecy matrix over notes, their search and disclosures."""

from __future__ import annotations

import pytest

from desktop.models import LegalBasis, Note, Person, Role
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.security.notes import (
    KEY_COMPARTMENT,
    KEY_SEALED_BOX,
    NotesService,
    open_note,
    seal_note,
    seal_note_for_agency,
)
from desktop.services.uow import UnitOfWork
from tests.factories import fresh_with_users, login

AGENCIES = ("police", "social", "probation")
ROLES = (Role.COORDINATOR, Role.TEAM_LEAD, Role.OFFICER)
SECRET = {agency: f"kanarie{agency}ord" for agency in AGENCIES}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return build_world(tmp_path_factory.mktemp("secrecy"))


def build_world(folder):
    """One note per agency about the same person, written by that agency's officer."""
    fresh = fresh_with_users(folder)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Test", last_name="Testsson")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    fresh.admin.lock()
    note_ids = {}
    for agency in AGENCIES:
        store = login(fresh.path, f"officer_{agency}")
        notes = NotesService(store)
        notes.publish_agency_keys()
        changes = notes.write_note(
            f"Iakttagelse {SECRET[agency]} i trapphuset", person_id=person_id
        )
        note_ids[agency] = next(iter(changes.ids_of("note")))
        store.lock()
    return fresh, person_id, note_ids


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("agency", AGENCIES)
def test_secrecy_matrix(world, agency, role):
    fresh, person_id, note_ids = world
    store = login(fresh.path, f"{role.value}_{agency}")
    notes = NotesService(store)
    try:
        listed = notes.notes_for_person(person_id)
        assert [n.agency_code for n in listed] == [agency]
        assert SECRET[agency] in listed[0].text
        for other in AGENCIES:
            if other == agency:
                assert notes.read_note(note_ids[other]).text == listed[0].text
                assert [n.id for n in notes.search_notes(SECRET[other])] == [note_ids[other]]
                continue
            # Another agency's note: exactly like a note that does not exist.
            with pytest.raises(NotFound) as exists:
                notes.read_note(note_ids[other])
            with pytest.raises(NotFound) as missing:
                notes.read_note(999_999)
            assert str(exists.value) == str(missing.value)
            assert notes.search_notes(SECRET[other]) == notes.search_notes("ordsomintefinns")
            assert notes.search_notes(SECRET[other]) == []
    finally:
        store.lock()


def test_auditor_and_admin_read_no_notes(world):
    fresh, person_id, _ = world
    for name in ("auditor_social", "admin"):
        store = login(fresh.path, name)
        with pytest.raises(PermissionDenied):
            NotesService(store).notes_for_person(person_id)
        with pytest.raises(PermissionDenied):
            NotesService(store).search_notes("kanarie")
        store.lock()


def test_note_ciphertext_is_bound_to_its_row(world):
    """Moving another agency's ciphertext into one's own note yields nothing."""
    fresh, person_id, note_ids = world
    from tests.unit.security.helpers import attacker_connection

    conn = attacker_connection(fresh.path, fresh.recovery_code)
    police_blob = conn.execute(
        "SELECT ciphertext FROM note WHERE id = ?", (note_ids["police"],)
    ).fetchone()[0]
    social_blob = conn.execute(
        "SELECT ciphertext FROM note WHERE id = ?", (note_ids["social"],)
    ).fetchone()[0]
    conn.execute("UPDATE note SET ciphertext = ? WHERE id = ?", (police_blob, note_ids["social"]))
    conn.close()
    store = login(fresh.path, "officer_social")
    try:
        assert NotesService(store).notes_for_person(person_id) == []
    finally:
        store.lock()
        conn = attacker_connection(fresh.path, fresh.recovery_code)
        conn.execute(
            "UPDATE note SET ciphertext = ? WHERE id = ?", (social_blob, note_ids["social"])
        )
        conn.close()


def test_disclosure_copies_into_receiving_compartment(tmp_path):
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Test", last_name="Testsson")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    fresh.admin.lock()
    social = login(fresh.path, "officer_social")
    NotesService(social).publish_agency_keys()
    social.lock()
    police = login(fresh.path, "officer_police")
    notes = NotesService(police)
    note_id = next(
        iter(notes.write_note("Hotbild mot familjen", person_id=person_id).ids_of("note"))
    )
    with pytest.raises(ValidationError):
        notes.disclose(note_id, "social", LegalBasis.OTHER, "Skydd", legal_basis_text="")
    with pytest.raises(ValidationError):
        notes.disclose(note_id, "social", LegalBasis.OSL_10_2, "  ")
    # Since issue 15 ``init`` publishes and signs every agency's key, so probation has
    # one although none of its users has logged in yet.
    notes.disclose(note_id, "social", LegalBasis.OSL_10_18A, "Barn i hemmet")
    # The discloser holds no social key: the copy is not readable by police.
    assert [n.agency_code for n in notes.notes_for_person(person_id)] == ["police"]
    police.lock()
    social = login(fresh.path, "coordinator_social")
    notes = NotesService(social)
    received = notes.notes_for_person(person_id)
    assert [(n.agency_code, n.text, n.disclosed_from_id) for n in received] == [
        ("social", "Hotbild mot familjen", note_id)
    ]
    (disclosure,) = notes.disclosures()
    assert (disclosure.legal_basis, disclosure.to_agency_code) == (LegalBasis.OSL_10_18A, "social")
    social.lock()
    prob = login(fresh.path, "officer_probation")
    assert NotesService(prob).notes_for_person(person_id) == []
    prob.lock()


def test_team_lead_may_not_disclose(world):
    fresh, _, note_ids = world
    store = login(fresh.path, "team_lead_police")
    with pytest.raises(PermissionDenied):
        NotesService(store).disclose(note_ids["police"], "social", LegalBasis.CONSENT, "x")
    store.lock()


@pytest.mark.parametrize("agency", AGENCIES)
def test_person_search_gives_nothing_for_another_agencys_word(world, agency):
    """The person search (mapping) answers the same for a secret word and a made-up one."""
    from desktop.services.mapping.persons import PersonService
    from desktop.services.mapping.rows import PersonFilter

    fresh, _, _ = world
    store = login(fresh.path, f"coordinator_{agency}")
    persons = PersonService(store)
    try:
        for other in AGENCIES:
            secret = persons.page(PersonFilter(text=SECRET[other]))
            nowhere = persons.page(PersonFilter(text="ordsomintefinns"))
            assert secret == nowhere == []
            assert persons.count(PersonFilter(text=SECRET[other])) == 0
        assert [r.id for r in persons.page(PersonFilter(text="Testsson"))]
    finally:
        store.lock()


def test_seal_note_and_open_note_are_the_one_note_format(world):
    """Notes written by the service open with ``open_note``; both branches bind the row id."""
    fresh, _, note_ids = world
    store = login(fresh.path, "officer_police")
    try:
        cipher = store.compartment("police")
        assert cipher is not None
        with store.read_session() as session:
            written = session.get(Note, note_ids["police"])
            assert SECRET["police"] in (open_note(cipher, written) or "")
        sealed = Note(id=41, key_version=KEY_COMPARTMENT, ciphertext=seal_note(cipher, 41, "Ett"))
        assert open_note(cipher, sealed) == "Ett"
        moved = Note(id=42, key_version=KEY_COMPARTMENT, ciphertext=sealed.ciphertext)
        assert open_note(cipher, moved) is None
        blob = seal_note_for_agency(cipher.public_key(), "police", 43, "Utlämnad")
        assert open_note(cipher, Note(id=43, key_version=KEY_SEALED_BOX, ciphertext=blob)) == (
            "Utlämnad"
        )
        assert open_note(cipher, Note(id=44, key_version=KEY_SEALED_BOX, ciphertext=blob)) is None
        social = store.compartment("social")
        assert social is None  # an officer holds only the own agency's key
    finally:
        store.lock()
