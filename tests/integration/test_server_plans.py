"""The server's plans at national scale: every page's main statements use their index.

100,000 persons (one address each) and 100,000 visits over ten years, written in SQL
by benchmarks/scale_data.py (``RONDPLAN_PLAN_VISITS=500000`` for the full 500,000 of
issue 19; 100,000 keeps the fixture within CI's time on a loaded machine), then
VACUUM ANALYZE as autovacuum leaves a server in use. Each test calls the real service
as a user's role and captures the statements it sends (SQLAlchemy's
``before_cursor_execute``), then asks ``EXPLAIN (FORMAT JSON)`` of exactly those
statements with their parameters, as that role (row-level security included): no
sequential scan of person, visit or address, and the index the page relies on named.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from benchmarks.scale_data import fill
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonFilter
from desktop.services.planning.rows import MONTH_CELL_VISITS
from desktop.services.statistics import Period
from desktop.store.server.connect import ServerAddress
from desktop.store.server.store import LockedServer, ServerStore
from tests.factories import PASSWORD
from tests.integration import pg
from tests.unit.operations.calendar_checks import assert_month_of

pytestmark = pytest.mark.usefixtures("pg_server")

PERSONS = 100_000
VISITS = int(os.environ.get("RONDPLAN_PLAN_VISITS", "100000"))
LARGE = ("person", "visit", "address")
Node = tuple[str, str | None, str | None]  # node type, relation, index


@pytest.fixture(scope="module")
def scaled(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The owner's URL of a register at scale (dropped after the module)."""
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_with_users(tmp_path_factory.mktemp("plans"))
        keep()
        url = pg.url_of(fresh.path)
        fresh.admin.lock()
        fill(ServerAddress.parse(url).conninfo(), PERSONS, VISITS)
        yield url


@pytest.fixture(scope="module")
def logins(scaled: str) -> Iterator[Callable[[str], ServerStore]]:
    folder = Path(tempfile.mkdtemp(prefix="rondplan-plans-"))
    stores: dict[str, ServerStore] = {}

    def login(username: str) -> ServerStore:
        if username not in stores:
            stores[username] = LockedServer(scaled, state_dir=folder).unlock(username, PASSWORD)
        return stores[username]

    yield login
    for store in stores.values():
        store.lock()


def plans(store: ServerStore, call: Callable[[], Any]) -> list[tuple[str, list[Node]]]:
    """Each SELECT that ``call`` sends, with the nodes of its plan as this role."""
    sent: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, many) -> None:  # type: ignore[no-untyped-def]
        sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    found = []
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        for statement, parameters in sent:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            row = raw.execute("EXPLAIN (FORMAT JSON) " + statement, parameters).fetchone()
            found.append((statement, _nodes(row[0][0]["Plan"])))
        conn.rollback()
    assert found, "the call sent no query"
    return found


def _nodes(plan: dict[str, Any]) -> list[Node]:
    here = [(plan["Node Type"], plan.get("Relation Name"), plan.get("Index Name"))]
    for child in plan.get("Plans", ()):
        here += _nodes(child)
    return here


def assert_indexed(found: list[tuple[str, list[Node]]], *expected: str) -> None:
    for statement, nodes in found:
        scanned = [r for kind, r, _ in nodes if kind == "Seq Scan" and r in LARGE]
        assert not scanned, f"sequential scan of {scanned} in: {statement[:300]}"
    used = {index for _, nodes in found for _, _, index in nodes if index}
    for index in expected:
        assert index in used, f"{index} not used; used: {sorted(used)}"


def _search(store: ServerStore, text: str) -> Callable[[], Any]:
    persons = build_services(store).mapping.persons
    return lambda: persons.page(PersonFilter(text=text), audit=False)


def test_a_keystroke_of_three_letters_uses_the_trigram_index(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("coordinator_social")
    assert_indexed(plans(store, _search(store, "ber")), "ix_person_search_trgm")


def test_a_keystroke_of_a_role_without_the_number_uses_the_names_index(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("officer_social")
    assert_indexed(plans(store, _search(store, "ber")), "ix_person_name_trgm")


def test_a_personnummer_part_uses_the_trigram_or_masked_index(logins) -> None:  # type: ignore[no-untyped-def]
    coordinator = logins("coordinator_social")
    assert_indexed(plans(coordinator, _search(coordinator, "19850612")), "ix_person_search_trgm")
    officer = logins("officer_social")
    assert_indexed(plans(officer, _search(officer, "850612")), "ix_person_identity_masked")


def test_the_settled_search_counts_on_the_trigram_index(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("coordinator_social")
    persons = build_services(store).mapping.persons
    flt = PersonFilter(text="berg")

    def settled() -> None:
        persons.page(flt)
        persons.count(flt)
        persons.search_capped(flt)

    found = plans(store, settled)
    assert_indexed(found, "ix_person_search_trgm")
    counts = [nodes for statement, nodes in found if "count(*)" in statement]
    assert counts and all(
        ("Bitmap Index Scan", None, "ix_person_search_trgm") in nodes for nodes in counts
    )


def test_the_month_calendar_reads_by_time_and_key(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("coordinator_social")
    visits = build_services(store).operations.visits
    found = plans(store, lambda: visits.calendar(dt.date(2026, 6, 1), dt.date(2026, 7, 12)))
    # One statement: visits, names and the address valid at each visit's time together
    # (was one per 500 persons for names and again for addresses, issue 19).
    assert len(found) == 1, [statement[:120] for statement, _ in found]
    # The month's visits, their persons' names and the persons' addresses from covering
    # indexes alone (migrations 0022 and 0023).
    assert_indexed(found, "ix_person_calendar", "ix_address_person_id", "ix_visit_calendar")
    assert ("Index Only Scan", "visit", "ix_visit_calendar") in found[0][1]
    assert ("Index Only Scan", "person", "ix_person_calendar") in found[0][1]
    assert ("Index Only Scan", "address", "ix_address_person_id") in found[0][1]


def test_the_month_view_reads_each_days_first_visits_by_time_and_key(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("coordinator_social")
    visits = build_services(store).operations.visits
    first, last = dt.date(2026, 6, 1), dt.date(2026, 7, 12)
    found = plans(store, lambda: visits.calendar_month(first, last, MONTH_CELL_VISITS))
    assert len(found) == 1, [statement[:120] for statement, _ in found]
    assert ("Index Only Scan", "visit", "ix_visit_calendar") in found[0][1]
    assert ("Index Only Scan", "person", "ix_person_calendar") in found[0][1]
    assert ("Index Only Scan", "address", "ix_address_person_id") in found[0][1]
    # What it gives is the full calendar's first visits of each day and its counts,
    # with and without a filter, on the server's SQL.
    full = visits.calendar(first, last)
    month = visits.calendar_month(first, last, MONTH_CELL_VISITS)
    assert len(month.visits) < len(full) // 2
    assert_month_of(full, month, MONTH_CELL_VISITS)
    some = full[len(full) // 2]
    for operation_id, team_id in ((some.operation_id, None), (None, some.team_id)):
        filtered = visits.calendar_month(first, last, 2, operation_id, team_id)
        assert_month_of(full, filtered, 2, operation_id, team_id)


def test_the_address_policy_asks_for_the_role_once_per_statement(logins) -> None:  # type: ignore[no-untyped-def]
    """Migration 0022: the policy's role checks are InitPlans, not a call per row."""
    store = logins("officer_social")  # the role whose rows the policy filters
    visits = build_services(store).operations.visits
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        sent: list[tuple[str, Any]] = []

        def capture(conn, cursor, statement, parameters, context, many) -> None:  # type: ignore[no-untyped-def]
            sent.append((statement, parameters))

        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            visits.calendar(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        [(statement, parameters)] = [s for s in sent if s[0].lstrip().upper().startswith("WITH")]
        row = raw.execute("EXPLAIN (FORMAT JSON) " + statement, parameters).fetchone()
        conn.rollback()
    filters = _filters(row[0][0]["Plan"], "address")
    assert filters, "no filter on address: the policy was not applied"
    assert not [f for f in filters if "rondplan_member_of" in f or "rondplan_is_owner" in f]


def _filters(plan: dict[str, Any], relation: str) -> list[str]:
    here = [plan["Filter"]] if plan.get("Relation Name") == relation and "Filter" in plan else []
    for child in plan.get("Plans", ()):
        here += _filters(child, relation)
    return here


def test_the_profile_reads_by_key(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("coordinator_social")
    persons = build_services(store).mapping.persons
    someone = persons.page(PersonFilter(text="johansson"), limit=1, audit=False)[0].id
    found = plans(store, lambda: persons.profile(someone))
    assert_indexed(found, "pk_person", "ix_address_person_id", "ix_visit_person_id")


def test_the_dashboard_scans_no_large_table(logins) -> None:  # type: ignore[no-untyped-def]
    store = logins("coordinator_social")
    statistics = build_services(store).statistics
    found = plans(store, lambda: statistics.figures(Period.year_to(dt.date(2026, 11, 20))))
    assert_indexed(found, "ix_visit_period", "ix_delivery_period", "ix_visit_support_offered")
    # Offers at the door: the visits with support offered from their own index alone, not
    # each year's visit read from the table for its flag (migration 0024).
    [offers] = [nodes for statement, nodes in found if "support_offered" in statement]
    assert ("Index Only Scan", "visit", "ix_visit_support_offered") in offers
