"""The notes secrecy matrix (tests/unit/security/test_notes_secrecy.py) on PostgreSQL.

On the server the compartment keys still decide what a user can read, and row-level
security also keeps other agencies' note rows away; the attacker who swaps ciphertexts
is the database owner (or a superuser) here. A disclosure's copy in the receiving
agency is written only by the server's ``rondplan_disclose_note`` (migration 0003):
the tests below try the ways around it from a raw connection of a modified client.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.models import LegalBasis, Person
from desktop.services.security.notes import KEY_SEALED_BOX, NotesService
from desktop.services.uow import UnitOfWork
from tests.integration import pg
from tests.unit.security.test_notes_secrecy import *  # noqa: F403
from tests.unit.security.test_notes_secrecy import build_world

pytestmark = pytest.mark.usefixtures("on_postgres")


@pytest.fixture(scope="module")
def world(pg_server, tmp_path_factory):  # type: ignore[no-untyped-def,no-redef]
    with pg.kept_databases() as keep:
        built = build_world(tmp_path_factory.mktemp("secrecy"))
        keep()
        yield built


def _attempt(conn: psycopg.Connection, source: int, receiver: int, copy: int | None = None):
    """A modified client's call of the disclosure function (a fresh copy id unless given)."""
    if copy is None:
        copy = conn.execute("SELECT nextval(pg_get_serial_sequence('note', 'id'))").fetchone()[0]
    return conn.execute(
        "SELECT rondplan_disclose_note(%s, %s, %s, %s, 'consent', NULL, 'Samtycke')",
        (source, copy, receiver, b"sealed"),
    ).fetchone()[0]


def _counts(fresh) -> tuple[int, int]:
    """(notes, disclosures) as the owner sees them, every agency's."""
    with psycopg.connect(pg._conninfo(pg.url_of(fresh.path))) as conn:
        return conn.execute(
            "SELECT (SELECT count(*) FROM note), (SELECT count(*) FROM disclosure)"
        ).fetchone()


def test_a_police_role_cannot_insert_a_social_note_outside_a_disclosure(world):
    """Only a recorded disclosure of police's own note makes a social services row."""
    fresh, person_id, note_ids = world
    before = _counts(fresh)
    police = pg.pg_login(fresh.path, "officer_police")
    social = pg.pg_login(fresh.path, "officer_social")
    police_agency, social_agency = police.identity.agency_id, social.identity.agency_id
    social.lock()
    with psycopg.connect(police.conninfo) as conn:
        # A note row of the other agency, written directly: refused by row-level security.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO note (agency_id, person_id, kind, section, ciphertext, "
                "key_version, created_at, disclosed_from_id, version) "
                "VALUES (%s, %s, 'fact', 'general', 'x', 0, now(), %s, 1)",
                (social_agency, person_id, note_ids["police"]),
            )
        conn.rollback()
        # A disclosure row written directly, even naming police's own note: refused.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO disclosure (source_note_id, copy_note_id, from_agency_id, "
                "to_agency_id, legal_basis, reason, user_id, at) "
                "VALUES (%s, %s, %s, %s, 'consent', 'x', %s, now())",
                (
                    note_ids["police"],
                    note_ids["police"],
                    police_agency,
                    social_agency,
                    police.identity.user_id,
                ),
            )
        conn.rollback()
        # The function for another agency's note (police cannot even see it): refused.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _attempt(conn, note_ids["social"], police_agency)
        conn.rollback()
        # Police's own note to police, or without a legal basis: refused.
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            _attempt(conn, note_ids["police"], police_agency)
        conn.rollback()
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute(
                "SELECT rondplan_disclose_note(%s, "
                "nextval(pg_get_serial_sequence('note', 'id'))::int, %s, 'x', "
                "'other', ' ', 'Skäl')",
                (note_ids["police"], social_agency),
            )
        conn.rollback()
        # A copy id that this session did not draw (one far ahead, to collide later).
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            _attempt(conn, note_ids["police"], social_agency, copy=10_000_000)
        conn.rollback()
        # Everything right but no audit entry naming the disclosure: refused at commit.
        _attempt(conn, note_ids["police"], social_agency)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.commit()
    police.lock()
    # A team lead may not disclose, not even their own agency's note.
    lead = pg.pg_login(fresh.path, "team_lead_police")
    with (
        psycopg.connect(lead.conninfo) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        _attempt(conn, note_ids["police"], social_agency)
    lead.lock()
    assert _counts(fresh) == before


def test_a_disclosure_on_the_server_is_one_copy_one_register_row_one_audit_entry(tmp_path):
    fresh = pg.pg_fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Test", last_name="Testsson")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    social = pg.pg_login(fresh.path, "officer_social")
    NotesService(social).publish_agency_keys()
    police = pg.pg_login(fresh.path, "coordinator_police")
    notes = NotesService(police)
    note_id = next(iter(notes.write_note("Hotbild", person_id=person_id).ids_of("note")))
    changes = notes.disclose(note_id, "social", LegalBasis.CONSENT, "Samtycke finns")
    copy_id = max(changes.ids_of("note"))
    with psycopg.connect(pg._conninfo(pg.url_of(fresh.path))) as conn:
        copy = conn.execute(
            "SELECT agency_id, person_id, key_version, created_by, disclosed_from_id, "
            "ciphertext FROM note WHERE id = %s",
            (copy_id,),
        ).fetchone()
        register = conn.execute(
            "SELECT id, source_note_id, from_agency_id, to_agency_id, user_id FROM disclosure"
        ).fetchall()
        entries = conn.execute(
            "SELECT object_ids, detail FROM audit_entry WHERE action = 'note.disclose'"
        ).fetchall()
    agencies = (police.identity.agency_id, social.identity.agency_id)
    assert copy[:5] == (agencies[1], person_id, KEY_SEALED_BOX, police.identity.user_id, note_id)
    assert b"Hotbild" not in bytes(copy[5])  # sealed to social services: no plaintext here
    ((disclosure_id, *rest),) = register
    assert rest == [note_id, *agencies, police.identity.user_id]
    assert entries == [
        (f"{note_id},{copy_id}", f"disclosure={disclosure_id};to_agency={agencies[1]}")
    ]
    # Social services opens it; police sees the register row but not the copy.
    assert [n.text for n in NotesService(social).notes_for_person(person_id)] == ["Hotbild"]
    assert [d.id for d in notes.disclosures()] == [disclosure_id]
    assert [n.id for n in notes.notes_for_person(person_id)] == [note_id]
