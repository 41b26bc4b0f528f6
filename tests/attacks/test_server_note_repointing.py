"""Issue 16: a coordinator cannot move another agency's notes between persons by setting
``merged_into_id`` itself (then repointing the notes and taking the merge back).

Before migration 0012 ``rondplan_repoint_notes`` accepted any person whose
``merged_into_id`` the caller had just set, and nothing stopped the caller from clearing
it again: the social services' note ended up on another person, unrecorded.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.models import Note, Person
from desktop.services.uow import UnitOfWork
from tests.attacks import server_world
from tests.integration import pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


def test_merged_into_id_changes_only_with_a_merge(fresh):
    social = pg.pg_login(fresh.path, "officer_social")
    with UnitOfWork(fresh.admin, "Personer") as uow:
        first, second = (
            Person(first_name="En", last_name="Person"),
            Person(first_name="Annan", last_name="Person"),
        )
        uow.session.add_all([first, second])
        uow.session.flush()
        ids = (first.id, second.id)
    cipher = social.compartment("social")
    with UnitOfWork(social, "Anteckning") as uow:
        note = Note(
            agency_id=social.identity.agency_id,
            person_id=ids[0],
            ciphertext=cipher.encrypt("bedömning", "note"),
            created_by=social.identity.user_id,
        )
        uow.session.add(note)
        uow.session.flush()
        note_id = note.id
        uow.audit("note.create", "note", [note_id])
    attacker = server_world.as_user(fresh, "coordinator_police", autocommit=False)
    try:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            attacker.execute(
                "UPDATE person SET merged_into_id = %s WHERE id = %s", (ids[1], ids[0])
            )
            attacker.execute("SELECT rondplan_repoint_notes(%s, %s)", ids)
            attacker.execute("UPDATE person SET merged_into_id = NULL WHERE id = %s", (ids[0],))
            attacker.commit()
    finally:
        attacker.close()
    with server_world.as_owner(fresh) as owner:
        row = owner.execute("SELECT person_id FROM note WHERE id = %s", (note_id,)).fetchone()
        merged = owner.execute(
            "SELECT merged_into_id FROM person WHERE id = %s", (ids[0],)
        ).fetchone()
    assert row == (ids[0],) and merged == (None,)
