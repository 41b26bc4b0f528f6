"""The insider with psql and incidents (issue 20): victims, old values and writes stay
with the recording agency.

A social-services officer connects as her own database role and tries what the
application never shows her: who was injured or a witness in a police incident, the
values before a police correction, and changing or forging the police's incidents. The
expectations are written out here (a suspect's link is shared, nothing else), not
computed by the code that makes the grants and policies (migration 0016).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    Incident,
    IncidentKind,
    IncidentPerson,
    IncidentRevision,
    IncidentRole,
    Person,
)
from desktop.store.server.connect import ServerAddress
from desktop.store.server.provision import owner_engine
from tests.attacks.test_server_table_rights import as_user, refused
from tests.integration import pg
from tests.integration.conftest import pg_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def world(tmp_path_factory, pg_server) -> Iterator[dict[str, object]]:  # noqa: F811
    """A police incident with a suspect, an injured man and a witness, and one correction."""
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_with_users(tmp_path_factory.mktemp("incidents"))
        keep()
        url = pg.url_of(fresh.path)
        pg.seeding_rights(url, False)
        engine = owner_engine(ServerAddress.parse(url))
        try:
            with Session(engine) as session, session.begin():
                police = session.scalar(select(Agency.id).where(Agency.code == "police"))
                people = [
                    Person(first_name=n, last_name="Testsson") for n in ("Sam", "Olle", "Vit")
                ]
                session.add_all(people)
                session.flush()
                incident = Incident(
                    reference="5000-K1-26",
                    kind=IncidentKind.SHOOTING,
                    occurred_at=dt.datetime(2026, 6, 7, 22, 30),
                    district="Rosengård",
                    injured=1,
                    agency_id=police,
                )
                session.add(incident)
                session.flush()
                for person, role in zip(
                    people,
                    (IncidentRole.SUSPECTED, IncidentRole.INJURED, IncidentRole.WITNESS),
                    strict=True,
                ):
                    session.add(
                        IncidentPerson(incident_id=incident.id, person_id=person.id, role=role)
                    )
                session.add(IncidentRevision(incident_id=incident.id, previous={"injured": 0}))
                session.flush()
                ids = {"incident": incident.id, "police": police, "suspect": people[0].id}
        finally:
            engine.dispose()
        yield {"url": url, "database": url.rsplit("/", 1)[1], **ids}


@pytest.mark.parametrize(
    "username", ["officer_social", "team_lead_social", "coordinator_probation"]
)
def test_another_agency_sees_only_the_suspect(world, username):
    with as_user(world, username) as conn:
        rows = conn.execute("SELECT person_id, role FROM incident_person").fetchall()
        assert rows == [(world["suspect"], "suspected")]
        assert conn.execute("SELECT * FROM incident_revision").fetchall() == []


def test_the_recording_agency_sees_every_link_and_the_old_values(world):
    with as_user(world, "team_lead_police") as conn:
        roles = {r for (r,) in conn.execute("SELECT role FROM incident_person").fetchall()}
        assert roles == {"suspected", "injured", "witness"}
        assert len(conn.execute("SELECT previous FROM incident_revision").fetchall()) == 1


@pytest.mark.parametrize("username", ["coordinator_social", "officer_social"])
def test_another_agency_cannot_change_or_forge_police_incidents(world, username):
    with as_user(world, username) as conn:
        changed = conn.execute(
            "UPDATE incident SET injured = 9 WHERE id = %s", (world["incident"],)
        ).rowcount
        assert changed == 0  # row-level security: not hers to change
        removed = conn.execute(
            "DELETE FROM incident_person WHERE incident_id = %s", (world["incident"],)
        ).rowcount
        assert removed == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO incident (reference, kind, certainty, occurred_at, district, "
                "injured, killed, agency_id, version, created_at, updated_at) VALUES "
                "('FORGED-1', 'shooting', 'confirmed', now(), '', 0, 0, %s, 1, now(), now())",
                (world["police"],),
            )
    with psycopg.connect(pg._conninfo(str(world["url"]))) as owner:
        injured = owner.execute(
            "SELECT injured FROM incident WHERE id = %s", (world["incident"],)
        ).fetchone()
        links = owner.execute("SELECT count(*) FROM incident_person").fetchone()
    assert (injured, links) == ((1,), (3,))


@pytest.mark.parametrize("username", ["admin", "auditor_social"])
def test_administrator_and_auditor_read_no_person_links_or_descriptions(world, username):
    with as_user(world, username) as conn:
        assert refused(conn, "SELECT * FROM incident_person")
        assert refused(conn, "SELECT description_cipher FROM incident")


def test_a_team_lead_cannot_enter_an_incident(world):
    with as_user(world, "team_lead_police") as conn:
        assert refused(
            conn,
            "INSERT INTO incident (reference, kind, certainty, occurred_at, district, injured, "
            "killed, agency_id, version, created_at, updated_at) VALUES ('X-1', 'threat', "
            "'confirmed', now(), '', 0, 0, %s, 1, now(), now())",
            (world["police"],),
        )
