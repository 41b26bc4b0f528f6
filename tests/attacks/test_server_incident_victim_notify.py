"""The insider with psql listens for who was a victim (issue 20).

The police register a shooting on the server: a suspect, a victim, an injured man and a
witness. The links of the last three are sealed in the police compartment and hidden by
row-level security. But each save sends ``NOTIFY rondplan_changes`` with the kinds and
ids it changed, so that other workstations refresh; anyone of the database may
``LISTEN`` (PostgreSQL has no privilege for it). A social-services officer, connected as
her own role, listens: if the incident's notification named every linked person, she
would read the victim, the injured man and the witness next to the incident's id (the
suspect's link is shared, so the rest are exactly the withheld ones).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.models import IncidentKind, IncidentRole, Person
from desktop.services.incidents import build_incidents
from desktop.services.incidents.rows import IncidentInput, PersonLinkInput
from desktop.services.uow import UnitOfWork
from desktop.store.server.store import CHANNEL
from tests.attacks import server_world
from tests.integration import pg

pytestmark = pytest.mark.postgres

ROLES = (IncidentRole.SUSPECTED, IncidentRole.VICTIM, IncidentRole.INJURED, IncidentRole.WITNESS)


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


def _shooting(ids: dict[IncidentRole, int], roles: tuple[IncidentRole, ...]) -> IncidentInput:
    return IncidentInput(
        reference="5000-K888-26",
        kind=IncidentKind.SHOOTING,
        occurred_at=dt.datetime(2026, 6, 7, 22, 30),
        district="Rosengård",
        injured=1,
        persons=tuple(PersonLinkInput(ids[r], r, "Förhör") for r in roles),
    )


def _heard(listener) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return [json.loads(n.payload) for n in listener.notifies(timeout=2.0, stop_after=50)]


def test_another_agencys_listener_hears_no_victim_of_a_police_incident(fresh):
    with UnitOfWork(fresh.admin, "Kartläggning") as uow:
        people = {role: Person(first_name=role.value, last_name="Testsson") for role in ROLES}
        uow.session.add_all(people.values())
        uow.session.flush()
        ids = {role: p.id for role, p in people.items()}
    listener = server_world.as_user(fresh, "officer_social")
    try:
        listener.execute(f"LISTEN {CHANNEL}")
        police = pg.pg_login(fresh.path, "officer_police")
        try:
            register = build_incidents(police).register
            incident_id, _ = register.create(_shooting(ids, ROLES))
            version = register.get(incident_id).version
            # A correction: the witness was not there.
            register.correct(incident_id, version, _shooting(ids, ROLES[:3]), "Fel vittne")
        finally:
            police.lock()
        heard = _heard(listener)
    finally:
        listener.close()
    about = [p for p in heard if ["incident", incident_id] in p.get("i", [])]
    assert len(about) >= 2  # the creation and the correction were heard: the test listens
    persons = {i for p in about for kind, i in p["i"] if kind == "person"}
    withheld = {ids[r] for r in ROLES[1:]}
    assert persons & withheld == set()
