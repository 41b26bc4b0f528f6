"""Issue 16: a restore drill that works, and a copy the production roles cannot read.

A ``pg_dump`` of a Rondplan database restored under another name on the same cluster
could not be logged into (each login role is ``<database>.<user>``), while the
production database's roles read the copy with psql (the dump's grants name their
groups, and a new database lets PUBLIC connect). ``rondplan server restore-drill``
(docs/server.md, "Restore drill") makes the copy usable and its own. The test runs the
real pg_dump and pg_restore against the test server, into a database ``rp_h16_…``.
"""

from __future__ import annotations

import secrets
import subprocess

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.cli import main
from desktop.models import Person
from desktop.store.errors import WrongPassword
from desktop.store.server.connect import ServerAddress, role_name, role_password
from desktop.store.server.provision import owner_engine
from desktop.store.server.store import LockedServer
from tests.attacks import server_world
from tests.factories import PASSWORD
from tests.integration import pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


@pytest.fixture
def copy(fresh, tmp_path):
    """The production database dumped (privileges included) and restored as rp_h16_…."""
    source = ServerAddress.parse(server_world.url(fresh))
    engine = owner_engine(source)
    try:
        with Session(engine) as session, session.begin():
            session.add_all([Person(first_name="Kopia", last_name=f"Person {n}") for n in range(3)])
    finally:
        engine.dispose()
    name = f"rp_h16_{secrets.token_hex(4)}"
    url = pg.database_url(name)
    dump = tmp_path / "rondplan.dump"
    maintenance = ServerAddress.parse(pg.maintenance_url())
    connection = [
        "-h",
        maintenance.host,
        "-p",
        maintenance.port,
        "-U",
        maintenance.user or "postgres",
    ]
    subprocess.run(["pg_dump", *connection, "-Fc", "-f", str(dump), source.database], check=True)
    with psycopg.connect(pg._conninfo(pg.maintenance_url()), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        subprocess.run(["pg_restore", *connection, "-d", name, str(dump)], check=True)
        yield url
    finally:
        pg.drop_database(url)


def _production_role_reads(fresh, copy_url: str, username: str) -> bool:
    """psql as the production database's role, pointed at the copy."""
    source = ServerAddress.parse(server_world.url(fresh))
    role = role_name(source.database, username)
    target = ServerAddress.parse(copy_url)
    try:
        with psycopg.connect(target.conninfo(role, role_password(role, PASSWORD))) as conn:
            conn.execute("SELECT first_name FROM person").fetchall()
    except psycopg.Error:
        return False
    return True


def test_the_restored_copy_is_usable_and_closed_to_the_production_roles(
    fresh, copy, tmp_path, monkeypatch, capsys
):
    with server_world.as_owner(fresh) as owner:
        persons = owner.execute("SELECT count(*) FROM person").fetchone()[0]
    # What the insider had before the drill: the copy open to the production roles.
    assert _production_role_reads(fresh, copy, "coordinator_police")

    state = tmp_path / "state"
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: state)
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    code = main(["server", "restore-drill", "--server", copy, "--user", "coordinator_police"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "inloggning i kopian som coordinator_police: OK" in out
    assert "behandlingslogg: OK" in out

    for username in ("coordinator_police", "officer_social", "auditor_social", "admin"):
        assert not _production_role_reads(fresh, copy, username), username
    # The copy's own login works with the user's own password, and reads the data.
    store = LockedServer(copy, state).unlock("coordinator_police", PASSWORD)
    try:
        with store.read_session() as session:
            copied = session.scalar(select(func.count()).select_from(Person))
    finally:
        store.lock()
    assert copied == persons == 3
    # Others log in once the drill ran for them (or after a reset with the code).
    with pytest.raises(WrongPassword):
        LockedServer(copy, state).unlock("officer_social", PASSWORD)
    # Production is untouched.
    production = pg.pg_login(fresh.path, "coordinator_police")
    production.lock()
