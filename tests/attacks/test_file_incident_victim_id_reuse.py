"""A victim deleted by retention does not hand his part in an incident to a newcomer.

A sealed link (issue 20) names its person by id inside the ciphertext, where no foreign
key can reach: when retention deletes the victim, nobody without the police key can find
and delete his link, so it stays, naming a person who is gone. On a local file a
person's id is SQLite's rowid without AUTOINCREMENT: when the deleted person had the
highest id, the next person registered (by anyone, of any agency) gets the same number.
Before the fix, the police then read the newcomer as the victim of a shooting he had
nothing to do with, in the incident and in his own timeline.
"""

from __future__ import annotations

import datetime as dt

from desktop.models import IncidentKind, IncidentRole, Person
from desktop.services.incidents import build_incidents
from desktop.services.incidents.rows import IncidentInput, PersonLinkInput
from desktop.services.security.retention_queries import delete_persons
from desktop.services.uow import UnitOfWork
from tests.factories import fresh_with_users, login


def test_a_new_person_with_a_deleted_victims_id_is_no_victim(tmp_path):
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Kartläggning") as uow:
        suspect = Person(first_name="Sune", last_name="Misstänktsson")
        victim = Person(first_name="Vera", last_name="Offersdotter")
        uow.session.add_all([suspect, victim])
        uow.session.flush()
        suspect_id, victim_id = suspect.id, victim.id
    police = login(fresh.path, "officer_police")
    try:
        register = build_incidents(police).register
        incident_id, _ = register.create(
            IncidentInput(
                reference="5000-K999-26",
                kind=IncidentKind.SHOOTING,
                occurred_at=dt.datetime(2026, 6, 7, 22, 30),
                district="Rosengård",
                injured=1,
                persons=(
                    PersonLinkInput(suspect_id, IncidentRole.SUSPECTED, "Förhör"),
                    PersonLinkInput(victim_id, IncidentRole.VICTIM, "Förhör"),
                ),
            )
        )
        assert {p.person_id for p in register.get(incident_id).persons} == {
            suspect_id,
            victim_id,
        }
    finally:
        police.lock()
    # Retention deletes the victim (as the retention run does, by id).
    with UnitOfWork(fresh.admin, "Gallring") as uow:
        assert delete_persons(uow.session, [victim_id]) == [victim_id]
    with UnitOfWork(fresh.admin, "Kartläggning") as uow:
        newcomer = Person(first_name="Nils", last_name="Nykomling")
        uow.session.add(newcomer)
        uow.session.flush()
        newcomer_id = newcomer.id
    assert newcomer_id == victim_id  # SQLite gave him the deleted victim's number
    police = login(fresh.path, "coordinator_police")
    try:
        register = build_incidents(police).register
        detail = register.get(incident_id)
        assert [(p.person_id, p.role) for p in detail.persons] == [
            (suspect_id, IncidentRole.SUSPECTED)
        ]
        assert register.for_person(newcomer_id) == []
    finally:
        police.lock()
