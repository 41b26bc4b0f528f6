"""Issue 16: officers and team leads keep their app paths on a server without SELECT
on ``person.identity_number`` (migration 0015): the list, the profile and the briefing
show ``ÅÅÅÅMMDD-****``; a whole number and its date part still find the person; the
coordinator's reveal reads the number and is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from desktop.models import AuditEntry, Person, Role
from desktop.reports.data import DocumentMeta
from desktop.services.briefing.documents import person_sheet
from desktop.services.bundle import build_services
from desktop.services.mapping import search
from desktop.services.mapping.rows import PersonFilter
from tests.integration import pg
from tests.integration.conftest import pg_server  # noqa: F401  (the fixture)
from tests.unit.mapping import factories as f

pytestmark = pytest.mark.postgres

NUMBER = "19900101-1236"


@pytest.fixture(scope="module")
def world(tmp_path_factory, pg_server):  # noqa: F811
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_database(tmp_path_factory.mktemp("identity"))
        for username, role in (
            ("coordinator_social", Role.COORDINATOR),
            ("officer_social", Role.OFFICER),
            ("team_lead_social", Role.TEAM_LEAD),
        ):
            pg.pg_add_user(fresh, username, role, "social")
        coordinator = build_services(pg.pg_login(fresh.path, "coordinator_social"))
        ids = {
            "asa": f.person(coordinator.store, "Åsa", "Öberg", identity_number=NUMBER),
            "bo": f.person(coordinator.store, "Bo", "Lind", identity_number="19851224-1236"),
        }
        keep()
        yield fresh, ids


def _names(rows):
    return [r.full_name for r in rows]


@pytest.mark.parametrize("username", ["officer_social", "team_lead_social"])
def test_list_profile_and_search_without_the_number(world, username):
    fresh, ids = world
    services = build_services(pg.pg_login(fresh.path, username))
    persons = services.mapping.persons
    rows = {r.id: r for r in persons.page(PersonFilter())}
    assert rows[ids["asa"]].identity_masked == "19900101-****"
    assert persons.profile(ids["asa"]).identity_masked == "19900101-****"
    for typed in ("19900101-1236", "199001011236", "900101-1236", "19900101", "900101"):
        assert _names(persons.page(PersonFilter(text=typed))) == ["Åsa Öberg"], typed
        assert persons.count(PersonFilter(text=typed)) == 1, typed
    for hidden in ("1236", "01-1236", "19900101-1237"):
        assert persons.page(PersonFilter(text=hidden)) == [], hidden
    assert _names(persons.page(PersonFilter(text="öberg 19900101"))) == ["Åsa Öberg"]
    assert _names(persons.page(PersonFilter(text="lind"))) == ["Bo Lind"]
    assert not persons.search_capped(PersonFilter(text="lind"))
    services.store.lock()


def test_team_leads_briefing_sheet_shows_the_masked_number(world):
    fresh, ids = world
    store = pg.pg_login(fresh.path, "team_lead_social")
    meta = DocumentMeta("SEKRETESS", "Team Lead", dt.datetime(2026, 12, 7, 8, 0), "RP-1")
    with store.read_session() as session:
        sheet = person_sheet(session, store, ids["asa"], meta, dt.date(2026, 12, 7))
    assert sheet.personal_id_masked == "19900101-XXXX"
    store.lock()


def test_the_coordinators_reveal_reads_the_number_and_is_audited(world):
    fresh, ids = world
    services = build_services(pg.pg_login(fresh.path, "coordinator_social"))
    assert services.mapping.persons.reveal_identity(ids["asa"]) == NUMBER
    with services.store.read_session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "person.reveal_id")
        ).all()[-1]
    assert entry.object_ids == str(ids["asa"])
    services.store.lock()


@pytest.mark.parametrize(
    ("typed", "index"),
    [("öberg", "ix_person_name_trgm"), ("19900101", "ix_person_identity_masked")],
)
def test_the_searches_without_the_number_have_their_own_index(world, typed, index):
    """The planner told to avoid a full scan, as it would at 100,000 persons."""
    fresh, _ = world
    store = pg.pg_login(fresh.path, "officer_social")
    with store.read_session() as session:
        condition = search.text_condition(session, typed, reveal=False)
        query = select(Person.id).where(condition)
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(session.execute(text(f"EXPLAIN {compiled}")).scalars())
    assert index in plan, plan
    store.lock()
