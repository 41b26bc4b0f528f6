"""Every table has a rule, the server grants exactly the rule, and the doc shows it.

The rules are ``desktop/services/server_rights.py`` (from the permission table). This
walks every table and column of the schema, in the SQLAlchemy metadata and on a live
server migrated to the head, and fails on a table without a rule or a column limit
naming a column that does not exist; then it asks the server, for every role, table,
operation and column, whether the role's group holds that privilege
(``has_table_privilege`` / ``has_column_privilege``), and compares with the rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.orm import Session

import desktop.models  # noqa: F401  (every table registered)
from desktop.models import (
    Base,
    Delivery,
    DeliveryChannel,
    Person,
    Referral,
    ReferralStatus,
    RetentionCategory,
    RetentionRule,
    Role,
    SupportKind,
    SupportService,
    Visit,
)
from desktop.services import server_rights as rights
from desktop.services import server_rights_doc as rights_doc
from desktop.services.permissions import ALLOWED, Action
from desktop.services.security import SecurityServices
from desktop.store.server.connect import ServerAddress
from desktop.store.server.provision import owner_engine
from tests.integration import pg

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
# Tables only a local file has (the FTS5 index), never on a server.
FILE_ONLY = {"person_fts"}


def test_every_action_of_the_permission_table_has_its_needs():
    assert set(rights.NEEDS) == set(Action)


def test_every_table_of_the_metadata_has_a_rule():
    tables = set(Base.metadata.tables) - FILE_ONLY
    assert tables - set(rights.ALL_TABLES) == set()
    for (role, table), right in rights.column_limits().items():
        if table not in Base.metadata.tables:
            continue  # a rule ahead of its table (granted once the table exists)
        columns = set(Base.metadata.tables[table].columns.keys())
        columns |= set(rights.SERVER_ONLY_COLUMNS.get(table, ()))  # generated on a server
        for limit in (right.select_columns, right.update_columns):
            assert limit is None or limit <= columns, (role, table, limit - columns)


@pytest.fixture(scope="module")
def live(tmp_path_factory, pg_server):
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_with_users(tmp_path_factory.mktemp("rights"))
        keep()
        url = pg.url_of(fresh.path)
        pg.seeding_rights(url, False)  # the administrator's own rights only
        with psycopg.connect(pg._conninfo(url)) as conn:
            yield conn, url.rsplit("/", 1)[1]


def test_every_table_and_column_on_the_server_has_a_rule(live):
    conn, _ = live
    rows = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public'"
    ).fetchall()
    tables = {table for table, _ in rows}
    assert tables - set(rights.ALL_TABLES) == set(), "a table on the server has no rule"
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(table, set()).add(column)
    for (role, table), right in rights.column_limits().items():
        for limit in (right.select_columns, right.update_columns):
            assert limit is None or limit <= columns.get(table, limit), (role, table)


def test_each_role_group_holds_exactly_its_rights(live):
    conn, database = live
    rows = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public'"
    ).fetchall()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    wrong = []
    for role in Role:
        group = rights.group_name(database, role)
        for table in sorted(columns):
            for operation in rights.OPERATIONS:
                held = conn.execute(
                    "SELECT has_table_privilege(%s, %s, %s)", (group, f"public.{table}", operation)
                ).fetchone()[0]
                if operation in (rights.SELECT, rights.UPDATE):
                    for column in columns[table]:
                        on_column = conn.execute(
                            "SELECT has_column_privilege(%s, %s, %s, %s)",
                            (group, f"public.{table}", column, operation),
                        ).fetchone()[0]
                        if on_column != rights.may(role, table, operation, column, columns):
                            wrong.append((role.value, table, column, operation, on_column))
                if held != rights.may(role, table, operation, tables=columns):
                    wrong.append((role.value, table, operation, held))
    assert wrong == []


def test_a_login_role_is_in_the_group_of_its_role_only(live):
    conn, database = live
    members = conn.execute(
        "SELECT g.rolname, x.rolname FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles x ON x.oid = m.member "
        "WHERE x.rolname LIKE %s",
        (database + ".%",),
    ).fetchall()
    groups = {role.value: rights.group_name(database, role) for role in Role}
    users = dict(conn.execute("SELECT username, role FROM user_account").fetchall())
    for username, role in users.items():
        login = f"{database}.{username}"
        held = {g for g, x in members if x == login and g in groups.values()}
        assert held == {groups[role]}, username


def test_the_administrators_and_auditors_have_no_case_reading_action():
    """The premise of the grants: the permission table gives these roles nothing that
    reads a person, and the needs of what it does give them read no name."""
    for role in (Role.ADMINISTRATOR, Role.AUDITOR):
        assert not ALLOWED[role] & {Action.PERSON_READ, Action.SEARCH, Action.NOTE_READ}
        person = rights.role_rights(role).get("person")
        if person is not None and rights.SELECT in person.operations:
            assert person.select_columns is not None
            assert not person.select_columns & {"first_name", "last_name", "identity_number"}


def test_the_matrix_in_docs_server_md_is_up_to_date():
    text = DOC.read_text(encoding="utf-8")
    assert rights_doc.BEGIN_MARK in text and rights_doc.END_MARK in text, "the markers are gone"
    shown = text.split(rights_doc.BEGIN_MARK, 1)[1].split(rights_doc.END_MARK, 1)[0]
    # Written by hand here, not by with_matrix: the text between the markers is the table.
    assert shown.strip() == rights_doc.matrix_markdown().strip(), (
        "docs/server.md is out of date: python -m desktop.services.server_rights_doc docs/server.md"
    )


def test_an_administrators_retention_run_needs_no_case_data(tmp_path, pg_server):
    """With the administrator's own rights only (no names, no texts): expired visits,
    deliveries and referrals go, counted; the run reads ids, dates and links."""
    fresh = pg.pg_fresh_with_users(tmp_path)
    url = pg.url_of(fresh.path)
    pg.seeding_rights(url, False)
    old = dt.datetime(2020, 3, 2, 10, 0)
    engine = owner_engine(ServerAddress.parse(url))
    try:
        with Session(engine) as session, session.begin():
            person = Person(first_name="Gammal", last_name="Uppgift")
            service = SupportService(name="Jobb", kind=SupportKind.EMPLOYMENT, provider="AF")
            session.add_all([person, service])
            session.flush()
            visit = Visit(person_id=person.id, starts_at=old, ends_at=old + dt.timedelta(hours=1))
            session.add(visit)
            session.flush()
            session.add_all(
                [
                    Delivery(
                        person_id=person.id,
                        delivered_on=old.date(),
                        channel=DeliveryChannel.HOME_VISIT,
                        visit_id=visit.id,
                    ),
                    Referral(
                        person_id=person.id,
                        service_id=service.id,
                        status=ReferralStatus.COMPLETED,
                        visit_id=visit.id,
                        opened_on=old.date(),
                        closed_on=old.date(),
                    ),
                    *(
                        RetentionRule(category=category, keep_days=365, legal_text="Test")
                        for category in (
                            RetentionCategory.VISIT,
                            RetentionCategory.DELIVERY,
                            RetentionCategory.REFERRAL,
                        )
                    ),
                ]
            )
    finally:
        engine.dispose()
    try:
        result = SecurityServices.build(fresh.admin).retention.run()
    finally:
        pg.REGISTRY.close()
    assert result.counts[RetentionCategory.VISIT] == 1
    assert result.counts[RetentionCategory.DELIVERY] == 1
    assert result.counts[RetentionCategory.REFERRAL] == 1
