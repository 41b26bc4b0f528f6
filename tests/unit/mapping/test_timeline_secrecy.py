"""The person timeline shows no trace of another agency's notes (review finding 3)."""

from __future__ import annotations

from desktop.models import Person
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import TimelineKind
from desktop.services.uow import UnitOfWork
from tests.factories import fresh_with_users, login


def test_other_agencys_note_is_not_even_listed(tmp_path):
    fresh = fresh_with_users(tmp_path)
    police_store = login(fresh.path, "coordinator_police")
    with UnitOfWork(police_store, "Skapa person") as uow:
        person = Person(first_name="Test", last_name="Testsson")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    police = build_services(police_store)
    police.security.notes.write_note("Polisens uppgift", person_id=person_id)

    def note_entries(services):
        profile = services.mapping.persons.profile(person_id, "test")
        return [e for e in profile.timeline if e.kind is TimelineKind.NOTE]

    assert len(note_entries(police)) == 1
    social = build_services(login(fresh.path, "coordinator_social"))
    assert note_entries(social) == []
