"""Issue 16: an insider cannot write an audit entry in anyone else's name, nor one that
breaks the chain for everyone.

Before migration 0012 every role could INSERT into ``audit_entry`` with any user, role
and agency; one row with a made-up hash made ``check`` report "kedjan bryts" for every
user, and only a superuser could remove it.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.services.security.audit import verify_chain
from desktop.services.uow import UnitOfWork
from tests.attacks import server_world
from tests.integration import pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


def test_no_role_inserts_into_the_chain_itself(fresh):
    admin_id = server_world.user_id(fresh, "admin")
    with server_world.as_owner(fresh) as owner:
        head = owner.execute("SELECT max(seq), count(*) FROM audit_entry").fetchone()
    for username in ("officer_police", "coordinator_social", "auditor_social", "admin"):
        with (
            server_world.as_user(fresh, username) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute(
                "INSERT INTO audit_entry (seq, at, user_id, role, agency_id, workstation, "
                "action, object_type, object_ids, purpose, detail, prev_hash, entry_hash) "
                "VALUES (%s, now(), %s, 'administrator', 1, 'x', 'person.read', 'person', "
                "'', NULL, '', %s, %s)",
                ((head[0] or 0) + 1, admin_id, "0" * 64, "f" * 64),
            )
    auditor = pg.pg_login(fresh.path, "auditor_social")
    report = verify_chain(auditor)
    assert report.ok, report.message


def test_the_server_writes_who_role_agency_and_time(fresh):
    admin_id = server_world.user_id(fresh, "admin")
    officer_id = server_world.user_id(fresh, "officer_police")
    with server_world.as_owner(fresh) as owner:
        police = owner.execute("SELECT id FROM agency WHERE code = 'police'").fetchone()[0]
        social = owner.execute("SELECT id FROM agency WHERE code = 'social'").fetchone()[0]
    # The officer queues an entry claiming to be the administrator of social services,
    # written years ago.
    with server_world.as_user(fresh, "officer_police") as conn:
        conn.execute(
            "INSERT INTO audit_pending (at, user_id, role, agency_id, workstation, action, "
            "object_type, object_ids, purpose, detail) VALUES ('2001-01-01', %s, "
            "'administrator', %s, 'forged', 'user.create', 'user', '', NULL, 'forged')",
            (admin_id, social),
        )
    # Any client's next save chains it (here another user's).
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    with UnitOfWork(coordinator, "Spara") as uow:
        uow.audit("test.save")
    with server_world.as_owner(fresh) as owner:
        row = owner.execute(
            "SELECT user_id, role, agency_id, at > now() at time zone 'UTC' - interval '1 hour' "
            "FROM audit_entry WHERE detail = 'forged'"
        ).fetchone()
    assert row == (officer_id, "officer", police, True)
    report = verify_chain(pg.pg_login(fresh.path, "auditor_social"))
    assert report.ok, report.message
