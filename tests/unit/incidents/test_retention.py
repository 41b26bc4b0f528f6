"""Retention of incidents: an INCIDENT rule deletes old incidents with their links;
a response visit keeps its record; a restore's ledger deletes them again."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import (
    Incident,
    IncidentGroup,
    IncidentPerson,
    RetentionCategory,
    RetentionLedger,
    Visit,
)
from desktop.services.security import SecurityServices
from desktop.services.security.ledger import KINDS
from desktop.services.security.retention_queries import delete_by_ids
from desktop.services.uow import UnitOfWork
from tests.factories import login
from tests.unit.incidents.factories import NOW, shooting, user
from tests.unit.security.helpers import FakeClock


def test_an_incident_rule_deletes_old_incidents_with_their_links(world):
    now = NOW
    old_day = (now - dt.timedelta(days=400)).replace(second=0, microsecond=0)
    new_day = (now - dt.timedelta(days=10)).replace(second=0, microsecond=0)
    with user(world, "officer_police") as (store, inc):
        old, _ = inc.register.create(shooting(world, reference="OLD-1", occurred_at=old_day))
        new, _ = inc.register.create(shooting(world, reference="NEW-1", occurred_at=new_day))
        with UnitOfWork(store, "Besök") as uow:
            uow.session.add(
                Visit(
                    person_id=world.members["A"][0],
                    starts_at=old_day + dt.timedelta(days=1),
                    ends_at=old_day + dt.timedelta(days=1, hours=1),
                    incident_id=old,
                )
            )
    admin = login(world.path, "admin")
    try:
        security = SecurityServices.build(admin, clock=FakeClock(now))
        security.retention.save_rule(RetentionCategory.INCIDENT, None, 365, "Beslut 2026-06")
        result = security.retention.run()
        assert result.counts[RetentionCategory.INCIDENT] == 1
        with admin.read_session() as s:
            assert list(s.scalars(select(Incident.id))) == [new]
            assert {g.incident_id for g in s.scalars(select(IncidentGroup))} == {new}
            assert {p.incident_id for p in s.scalars(select(IncidentPerson))} == {new}
            (visit,) = s.scalars(select(Visit)).all()
            assert visit.incident_id is None  # the visit stays, without the link
            ledger = s.execute(select(RetentionLedger.kind, RetentionLedger.record_id)).all()
            assert ("incident", old) in ledger
    finally:
        admin.lock()


def test_the_ledger_deletes_a_restored_incident_again(world):
    assert "incident" in KINDS
    with user(world, "officer_police") as (store, inc):
        incident_id, _ = inc.register.create(shooting(world))
        with UnitOfWork(store, "Återställd") as uow:
            assert delete_by_ids(uow.session, "incident", [incident_id, 999]) == 1
        assert inc.register.rows() == []


def test_a_rotated_agency_key_still_opens_the_description(world):
    from desktop.models import User
    from desktop.services.security import SecurityServices as Security

    with user(world, "officer_police") as (_, inc):
        incident_id, _ = inc.register.create(shooting(world))
        version = inc.register.get(incident_id).version
        inc.register.correct(
            incident_id, version, shooting(world, description="Rättad text."), "Rättelse"
        )

    def sealed(store):
        with store.read_session() as s:
            return s.scalar(select(Incident.description_cipher))

    admin = login(world.path, "admin")
    try:
        before = sealed(admin)
        with admin.read_session() as s:
            leaver = s.scalar(select(User.id).where(User.username == "team_lead_police"))
        # Deactivation rotates the police compartment's key and re-encrypts its texts:
        # the description is sealed anew (the leaver's old key no longer opens it).
        Security.build(admin).users.deactivate(leaver, world.recovery_code)
        assert sealed(admin) != before
    finally:
        admin.lock()
    with user(world, "coordinator_police") as (_, inc):
        assert inc.register.get(incident_id).description == "Rättad text."
        (revision,) = inc.register.revisions(incident_id)
        assert revision.description == "Skott mot port, en skadad i benet."
