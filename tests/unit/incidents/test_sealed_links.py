"""A victim's, injured person's or witness's link is sealed in the recording agency's
compartment (issue 20): the file holds no plain row naming him, a correction's old links
stay sealed, a merge by another agency moves nothing and loses nothing, key rotation
and migration 0019 keep every link readable by the recording agency."""

from __future__ import annotations

import dataclasses
import importlib

import pytest
from sqlalchemy import select

from desktop.models import (
    AuditEntry,
    Incident,
    IncidentPerson,
    IncidentPersonSealed,
    IncidentRevision,
    IncidentRole,
    Person,
    User,
)
from desktop.services.errors import ValidationError
from desktop.services.incidents.sealed_links import KEY_COMPARTMENT
from desktop.services.mapping import build_mapping
from desktop.services.uow import UnitOfWork
from desktop.store.interface import KEY_SEALED_BOX
from tests.factories import login
from tests.unit.incidents.factories import shooting, user

MIGRATION = "desktop.store.migrations.versions.0019_sealed_incident_links"


def _roles(inc, incident_id):
    return {(p.person_id, p.role) for p in inc.register.get(incident_id).persons}


def test_only_a_suspects_link_is_a_plain_row(world):
    injured, witness = world.members["B"][0], world.members["C"][0]
    with user(world, "officer_police") as (store, inc):
        incident_id, _ = inc.register.create(shooting(world))
        version = inc.register.get(incident_id).version
        # The witness was someone else: his old link goes into the revision, sealed.
        inc.register.correct(
            incident_id,
            version,
            shooting(world, persons=shooting(world).persons[:2]),
            "Fel vittne",
        )
        with store.read_session() as s:
            plain = s.execute(select(IncidentPerson.person_id, IncidentPerson.role)).all()
            sealed = s.scalars(select(IncidentPersonSealed)).all()
            (previous,) = s.scalars(select(IncidentRevision.previous)).all()
            details = s.scalars(
                select(AuditEntry.detail).where(AuditEntry.action == "incident.read")
            ).all()
        assert plain == [(world.members["A"][0], IncidentRole.SUSPECTED)]
        assert len(sealed) == 1 and sealed[0].key_version == KEY_COMPARTMENT
        assert len(sealed[0].sealed) % 256 == 28  # whole blocks: the length tells no role
        # The suspect as he was; the injured man and the witness as opaque strings.
        assert sorted(type(e).__name__ for e in previous["persons"]) == ["list", "str", "str"]
        assert all(str(injured) not in d.split("sealed=")[0] for d in details)
        (revision,) = inc.register.revisions(incident_id)
        assert sorted(map(tuple, revision.previous["persons"])) == sorted(
            [
                (world.members["A"][0], "suspected", "Förundersökning", "probable"),
                (injured, "injured", "Sjukhus", "confirmed"),
                (witness, "witness", "Förhör", "probable"),
            ]
        )


def test_a_merge_by_another_agencys_coordinator_leaves_the_victim_with_the_survivor(world):
    drop, keep = world.members["B"][0], world.members["B"][1]  # drop: the injured man
    suspect = world.members["A"][0]
    with user(world, "officer_police") as (_, inc):
        incident_id, _ = inc.register.create(shooting(world))
    with user(world, "coordinator_social") as (store, _):
        with store.read_session() as s:
            versions = [s.get(Person, pid).version for pid in (keep, drop)]
        build_mapping(store).merge(keep, drop, *versions)
    with user(world, "officer_police") as (store, inc):
        assert (keep, IncidentRole.INJURED) in _roles(inc, incident_id)
        assert all(pid != drop for pid, _ in _roles(inc, incident_id))
        assert IncidentRole.INJURED.value in {r.part for r in inc.register.for_person(keep)}
        with store.read_session() as s:
            assert s.get(Person, drop).merged_into_id == keep
    # The suspect's shared link follows a merge the same way, for every agency.
    with user(world, "coordinator_social") as (store, inc):
        with store.read_session() as s:
            versions = [s.get(Person, pid).version for pid in (world.members["A"][1], suspect)]
        build_mapping(store).merge(world.members["A"][1], suspect, *versions)
        assert _roles(inc, incident_id) == {(world.members["A"][1], IncidentRole.SUSPECTED)}


def test_migration_seals_old_rows_and_rotation_moves_them_under_the_key(world):
    migration = importlib.import_module(MIGRATION)
    injured = world.members["B"][0]
    with user(world, "officer_police") as (store, inc):
        incident_id, _ = inc.register.create(shooting(world, persons=shooting(world).persons[:1]))
        # The rows as the code before 0019 wrote them: plain, and plain in a revision.
        with UnitOfWork(store, "Före 0019") as uow:
            uow.session.add(
                IncidentPerson(
                    incident_id=incident_id,
                    person_id=injured,
                    role=IncidentRole.INJURED,
                    source="Sjukhus",
                )
            )
            uow.session.add(
                IncidentRevision(
                    incident_id=incident_id,
                    reason="Gammal",
                    previous={"persons": [[injured, "injured", "Sjukhus", "probable"]]},
                )
            )
        with UnitOfWork(store, "0019") as uow:
            conn = uow.session.connection()
            keys = migration._public_keys(conn)
            migration._seal_links(conn, keys)
            migration._seal_revisions(conn, keys)
        with store.read_session() as s:
            assert s.scalars(select(IncidentPerson.role)).all() == [IncidentRole.SUSPECTED]
            assert [r.key_version for r in s.scalars(select(IncidentPersonSealed))] == [
                KEY_SEALED_BOX
            ]
            (entry,) = s.scalar(select(IncidentRevision.previous))["persons"]
            assert entry.startswith("b:")
        assert (injured, IncidentRole.INJURED) in _roles(inc, incident_id)
    with user(world, "coordinator_social") as (_, inc):
        detail = inc.register.get(incident_id)
        assert all(p.role is IncidentRole.SUSPECTED for p in detail.persons)
    admin = login(world.path, "admin")
    try:
        from desktop.services.security import SecurityServices

        with admin.read_session() as s:
            leaver = s.scalar(select(User.id).where(User.username == "team_lead_police"))
        SecurityServices.build(admin).users.deactivate(leaver, world.recovery_code)
        with admin.read_session() as s:
            assert [r.key_version for r in s.scalars(select(IncidentPersonSealed))] == [
                KEY_COMPARTMENT
            ]
            (entry,) = s.scalar(select(IncidentRevision.previous))["persons"]
            assert entry.startswith("c:")
    finally:
        admin.lock()
    with user(world, "coordinator_police") as (_, inc):
        assert (injured, IncidentRole.INJURED) in _roles(inc, incident_id)
        (revision,) = inc.register.revisions(incident_id)
        assert revision.previous["persons"] == [[injured, "injured", "Sjukhus", "probable"]]


def test_correcting_after_a_merge_records_no_change_of_the_persons(world):
    """The dialog shows (and sends back) the kept person for a link to a record merged
    away; that alone is no correction of the links, so nothing is recorded as changed."""
    drop, keep = world.members["B"][2], world.members["B"][1]
    original = shooting(world, reference="5000-K777-26")
    original = dataclasses.replace(
        original,
        persons=tuple(
            dataclasses.replace(p, person_id=drop) if p.role is IncidentRole.INJURED else p
            for p in original.persons
        ),
    )
    with user(world, "officer_police") as (_, inc):
        incident_id, _ = inc.register.create(original)
    with user(world, "coordinator_social") as (store, _):
        with store.read_session() as s:
            versions = [s.get(Person, pid).version for pid in (keep, drop)]
        build_mapping(store).merge(keep, drop, *versions)
    as_shown = dataclasses.replace(
        original,
        persons=tuple(
            dataclasses.replace(p, person_id=keep) if p.person_id == drop else p
            for p in original.persons
        ),
    )
    with user(world, "officer_police") as (store, inc):
        with store.read_session() as s:
            version = s.get(Incident, incident_id).version
        with pytest.raises(ValidationError) as refused:
            inc.register.correct(incident_id, version, as_shown, "Inget nytt")
        assert refused.value.code == "incident.nothing_changed"
        inc.register.correct(incident_id, version, dataclasses.replace(as_shown, killed=1), "Död")
        with store.read_session() as s:
            (revision,) = s.scalars(
                select(IncidentRevision).where(IncidentRevision.incident_id == incident_id)
            ).all()
            assert "persons" not in revision.previous
