"""The mapping service tests, run unchanged against PostgreSQL."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from desktop.models import Note, Role
from desktop.services.bundle import build_services
from desktop.services.uow import UnitOfWork
from tests.integration import pg
from tests.unit.mapping import factories as f
from tests.unit.mapping.conftest import services  # noqa: F401  (the same fixture)
from tests.unit.mapping.test_list_extras import *  # noqa: F403
from tests.unit.mapping.test_merge_review_groups import *  # noqa: F403
from tests.unit.mapping.test_persons import *  # noqa: F403
from tests.unit.mapping.test_search import *  # noqa: F403
from tests.unit.mapping.test_timeline import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")


def test_merge_keeps_every_history_row(tmp_path):  # type: ignore[no-redef]
    """Server version: another agency's note is written by that agency (row-level
    security refuses a coordinator writing it) and still follows the merge."""
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    pg.pg_add_user(fresh, "officer_police", Role.OFFICER, "police")
    coordinator = build_services(pg.pg_login(fresh.path, "coordinator_social"))
    police = pg.pg_login(fresh.path, "officer_police")
    store = coordinator.store
    keep = f.person(store, "Ali", "Hassan")
    drop = f.person(store, "Ali", "Hasan", aliases="Lillen")
    for author in (store, police):
        with UnitOfWork(author, "Anteckning") as uow:
            uow.session.add(
                Note(agency_id=author.identity.agency_id, person_id=drop, ciphertext=b"x")
            )
            uow.audit("note.create", "note")
    coordinator.mapping.merge(keep, drop, 1, 1)  # fresh rows: the versions the user saw
    for reader in (store, police):
        with reader.read_session() as s:
            assert s.scalar(select(func.count()).where(Note.person_id == keep)) == 1
            assert s.scalar(select(func.count()).where(Note.person_id == drop)) == 0

    with (
        psycopg.connect(police.conninfo) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("SELECT rondplan_repoint_notes(%s, %s)", (keep, drop))
