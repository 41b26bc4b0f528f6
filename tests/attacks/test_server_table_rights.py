"""The insider with psql: raw reads and writes as each user's own database role.

Issue 16: every role, the auditor and the administrator included, read every person
and the addresses of persons with protected identity, and an officer cancelled a
visit. Each test connects with psycopg as the user's own login role (password derived
as the application derives it) and tries what the permission table
(``desktop/services/permissions.py``) does not give that role. The expectations are
written out here from that table, not computed by the code that makes the grants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.orm import Session

from desktop.models import Address, Person, Visit
from desktop.store.server.connect import ServerAddress, role_name, role_password
from desktop.store.server.provision import owner_engine
from tests.factories import PASSWORD
from tests.integration import pg
from tests.integration.conftest import pg_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres

PROTECTED_STREET = "Hemlig väg 7"
OPEN_STREET = "Storgatan 1"


@pytest.fixture(scope="module")
def world(tmp_path_factory, pg_server) -> Iterator[dict[str, object]]:  # noqa: F811
    """Every role's user; a person with a personnummer and an address, one with
    protected identity and an address, and a planned visit (written by the owner)."""
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_with_users(tmp_path_factory.mktemp("rights"))
        keep()
        url = pg.url_of(fresh.path)
        pg.seeding_rights(url, False)  # the administrator's own rights only
        engine = owner_engine(ServerAddress.parse(url))
        try:
            with Session(engine) as session, session.begin():
                open_person = Person(
                    first_name="Öppen", last_name="Person", identity_number="19900101-1234"
                )
                hidden = Person(first_name="Skyddad", last_name="Person", protected_identity=True)
                session.add_all([open_person, hidden])
                session.flush()
                session.add_all(
                    [
                        Address(person_id=open_person.id, street=OPEN_STREET),
                        Address(person_id=hidden.id, street=PROTECTED_STREET),
                    ]
                )
                start = dt.datetime(2026, 12, 1, 10, 0)
                visit = Visit(
                    person_id=open_person.id, starts_at=start, ends_at=start + dt.timedelta(hours=1)
                )
                session.add(visit)
                session.flush()
                ids = {"person": open_person.id, "hidden": hidden.id, "visit": visit.id}
        finally:
            engine.dispose()
        yield {"url": url, "database": url.rsplit("/", 1)[1], **ids}


def as_user(world: dict[str, object], username: str) -> psycopg.Connection:
    """psycopg as the user's own login role, with the password the app derives."""
    database = str(world["database"])
    role = role_name(database, username)
    conninfo = ServerAddress.parse(str(world["url"])).conninfo(role, role_password(role, PASSWORD))
    return psycopg.connect(conninfo, autocommit=True)


def refused(conn: psycopg.Connection, statement: str, params: tuple[object, ...] = ()) -> bool:
    try:
        cursor = conn.execute(statement, params or None)
        if cursor.description is not None:
            cursor.fetchall()
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


# -- administrators and auditors read no case data --------------------------------


@pytest.mark.parametrize("username", ["admin", "auditor_social"])
@pytest.mark.parametrize(
    "statement",
    [
        "SELECT first_name, last_name, identity_number FROM person",
        "SELECT street FROM address",
        "SELECT * FROM relative",
        "SELECT * FROM visit",
        "SELECT person_id, cancel_reason FROM visit",
        "SELECT * FROM membership",
        "SELECT * FROM referral",
        "SELECT * FROM invitation",
        "SELECT * FROM note",
    ],
)
def test_administrator_and_auditor_read_no_case_data(world, username, statement):
    with as_user(world, username) as conn:
        assert refused(conn, statement)


def test_administrator_cannot_write_persons_or_visits(world):
    with as_user(world, "admin") as conn:
        assert refused(conn, "UPDATE person SET first_name = 'X' WHERE id = %s", (world["person"],))
        assert refused(conn, "INSERT INTO person (first_name, last_name) VALUES ('X', 'Y')")
        assert refused(
            conn, "UPDATE visit SET status = 'cancelled' WHERE id = %s", (world["visit"],)
        )


# -- officers ---------------------------------------------------------------------


@pytest.mark.parametrize("agency", ["police", "social", "probation"])
def test_officer_cannot_cancel_a_visit_or_change_a_person(world, agency):
    with as_user(world, f"officer_{agency}") as conn:
        visit = (world["visit"],)
        assert refused(
            conn, "UPDATE visit SET status = 'cancelled', cancel_reason = 'x' WHERE id = %s", visit
        )
        assert refused(conn, "UPDATE visit SET starts_at = starts_at WHERE id = %s", visit)
        assert refused(conn, "DELETE FROM visit WHERE id = %s", visit)
        assert refused(conn, "UPDATE person SET last_name = 'X' WHERE id = %s", (world["person"],))
        assert refused(conn, "INSERT INTO person (first_name, last_name) VALUES ('X', 'Y')")
        assert refused(conn, "DELETE FROM address")
    with psycopg.connect(pg._conninfo(str(world["url"]))) as owner:
        status = owner.execute("SELECT status FROM visit WHERE id = %s", visit).fetchone()
    assert status == ("planned",)


@pytest.mark.parametrize("username", ["officer_police", "officer_social", "auditor_social"])
def test_protected_addresses_are_not_read_by_roles_that_do_not_need_them(world, username):
    with as_user(world, username) as conn:
        try:
            streets = {r[0] for r in conn.execute("SELECT street FROM address").fetchall()}
        except psycopg.errors.InsufficientPrivilege:
            streets = set()  # the auditor reads no street at all
        try:
            areas = conn.execute(
                "SELECT count(*) FROM address WHERE person_id = %s", (world["hidden"],)
            ).fetchone()
        except psycopg.errors.InsufficientPrivilege:
            areas = (0,)
    assert PROTECTED_STREET not in streets
    assert areas == (0,)


@pytest.mark.parametrize("username", ["coordinator_police", "team_lead_social"])
def test_the_roles_that_print_the_briefing_still_read_protected_addresses(world, username):
    with as_user(world, username) as conn:
        streets = {r[0] for r in conn.execute("SELECT street FROM address").fetchall()}
    assert {PROTECTED_STREET, OPEN_STREET} <= streets


def test_team_lead_records_outcomes_but_cannot_move_or_reassign_a_visit(world):
    with as_user(world, "team_lead_police") as conn:
        visit = (world["visit"],)
        assert refused(conn, "UPDATE visit SET starts_at = starts_at WHERE id = %s", visit)
        assert refused(conn, "UPDATE visit SET person_id = person_id WHERE id = %s", visit)
        assert refused(conn, "UPDATE visit SET cancel_reason = 'x' WHERE id = %s", visit)
        assert refused(conn, "DELETE FROM visit WHERE id = %s", visit)
        assert not refused(conn, "UPDATE visit SET response = response WHERE id = %s", visit)


# -- the personnummer: only the roles that may reveal it (issue 16) ----------------


@pytest.mark.parametrize(
    "username", ["officer_police", "officer_social", "team_lead_police", "team_lead_social"]
)
@pytest.mark.parametrize(
    "statement",
    [
        "SELECT identity_number FROM person",
        "SELECT * FROM person",
        "SELECT id FROM person WHERE identity_number LIKE '1990%'",
        "SELECT count(*) FROM person WHERE identity_number = '19900101-1234'",
        "SELECT replace(coalesce(identity_number, ''), '-', '') FROM person",
    ],
)
def test_officers_and_team_leads_read_no_personnummer(world, username, statement):
    with as_user(world, username) as conn:
        assert refused(conn, statement)


@pytest.mark.parametrize("username", ["officer_police", "team_lead_social"])
def test_officers_and_team_leads_see_the_masked_form_and_match_a_whole_number(world, username):
    with as_user(world, username) as conn:
        masked = conn.execute(
            "SELECT identity_masked FROM person WHERE id = %s", (world["person"],)
        ).fetchone()
        found = conn.execute(
            "SELECT * FROM public.rondplan_person_ids_by_identity('19900101-1234')"
        ).fetchall()
        missed = conn.execute(
            "SELECT * FROM public.rondplan_person_ids_by_identity('19900101-12%')"
        ).fetchall()
    assert masked == ("19900101-****",)
    assert found == [(world["person"],)]
    assert missed == []


def test_the_coordinator_reads_the_personnummer(world):
    with as_user(world, "coordinator_police") as conn:
        number = conn.execute(
            "SELECT identity_number FROM person WHERE id = %s", (world["person"],)
        ).fetchone()
    assert number == ("19900101-1234",)


@pytest.mark.parametrize("username", ["admin", "auditor_social"])
def test_administrator_and_auditor_cannot_match_a_personnummer(world, username):
    with as_user(world, username) as conn:
        assert refused(
            conn, "SELECT * FROM public.rondplan_person_ids_by_identity('19900101-1234')"
        )
        assert refused(conn, "SELECT identity_masked FROM person")
