"""Issue 16: the audit log on a server is read by the auditor only.

Before migration 0017 every role read every entry of ``audit_entry`` with psql: who
looked at which person, when, from which workstation. The permission table
(``desktop/services/permissions.py``) gives AUDIT_READ to the auditor alone (and no
role an "own entries" action), so every other role's raw read is refused; their
``rondplan check`` asks the server to verify the chain (``rondplan_audit_verify``:
counts and hashes, never a field), which still finds an edited entry.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.services.security.audit import ChainProblem, verify_chain
from tests.attacks import server_world
from tests.factories import PASSWORD
from tests.integration import pg
from tests.integration.conftest import pg_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres

NOT_AUDITORS = [
    "admin",
    "coordinator_police",
    "team_lead_social",
    "officer_police",
    "officer_social",
    "officer_probation",
]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, pg_server):  # noqa: F811
    with pg.kept_databases() as keep:
        made = pg.pg_fresh_with_users(tmp_path_factory.mktemp("audit_reading"))
        keep()
        pg.seeding_rights(pg.url_of(made.path), False)  # the administrator's own rights
        yield made


@pytest.fixture
def own(tmp_path):
    for made in server_world.world(tmp_path):
        pg.seeding_rights(server_world.url(made), False)
        yield made


@pytest.mark.parametrize("username", NOT_AUDITORS)
@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM audit_entry",
        "SELECT count(*) FROM audit_entry",
        "SELECT object_ids FROM audit_entry WHERE action = 'person.read'",
        "SELECT seq, entry_hash FROM audit_entry WHERE user_id = (SELECT id FROM user_account "
        "WHERE username = current_user)",
    ],
)
def test_no_role_but_the_auditor_reads_the_audit_log(fresh, username, statement):
    with (
        server_world.as_user(fresh, username) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement).fetchall()


def test_the_auditor_reads_every_entry(fresh):
    with server_world.as_owner(fresh) as owner:
        total = owner.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    with server_world.as_user(fresh, "auditor_social") as conn:
        rows = conn.execute("SELECT seq, action, object_ids FROM audit_entry").fetchall()
    assert total > 0
    assert len(rows) == total


@pytest.mark.parametrize("username", ["officer_police", "admin"])
def test_the_servers_verification_tells_counts_and_hashes_only(fresh, username):
    with server_world.as_owner(fresh) as owner:
        total, head, head_hash = owner.execute(
            "SELECT count(*), max(seq), (SELECT entry_hash FROM audit_entry "
            "ORDER BY seq DESC LIMIT 1) FROM audit_entry"
        ).fetchone()
    with server_world.as_user(fresh, username) as conn:
        cursor = conn.execute("SELECT * FROM rondplan_audit_verify(ARRAY[1])")
        columns = [c.name for c in cursor.description]
        row = cursor.fetchone()
    assert columns == [
        "entries",
        "problem",
        "first_bad",
        "head_seq",
        "head_hash",
        "server_from",
        "hashes",
    ]
    assert row[:5] == (total, None, None, head, head_hash)


@pytest.mark.parametrize("username", [*NOT_AUDITORS, "auditor_social"])
def test_every_roles_login_unlock_and_check_still_work(fresh, username):
    store = pg.pg_login(fresh.path, username)
    try:
        # The lock screen's unlock re-reads the account (and its signed records).
        store.lock()
        store.unlock(PASSWORD)
        report = verify_chain(store)
    finally:
        store.lock()
    with server_world.as_owner(fresh) as owner:
        total = owner.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    assert report.ok, report.message
    assert report.entries == total


def test_an_entry_edited_behind_the_application_is_found_without_reading_it(own):
    store = pg.pg_login(own.path, "officer_social")
    store.lock()  # its own entries are chained now
    with server_world.as_owner(own) as owner:
        seq = owner.execute("SELECT max(seq) - 1 FROM audit_entry").fetchone()[0]
        owner.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER")
        owner.execute("UPDATE audit_entry SET object_ids = '999' WHERE seq = %s", (seq,))
        owner.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER")
    store = pg.pg_login(own.path, "officer_social")
    try:
        report = verify_chain(store)
    finally:
        store.lock()
    assert report.problem is ChainProblem.CHANGED
    assert report.first_bad_seq == seq
