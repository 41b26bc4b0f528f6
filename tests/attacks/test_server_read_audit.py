"""Reads of personal data are recorded by the server, whatever the client does.

A cluster of its own with pgaudit preloaded and configured as docs/server.md tells the
operator (``shared_preload_libraries``, ``pgaudit.role`` = ``<database>:audited``,
``log_line_prefix`` with ``%u``). Each role's user reads with raw SQL as their own
login role (psycopg, the password derived as the application does); the server's log
then holds an object-audit line for that read under that role's name. Before issue 16
nothing was recorded: no audited role existed and no table was granted to one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from desktop.models import Role
from desktop.services.server_policy import server_policy
from desktop.store.server.connect import ServerAddress, role_name, role_password
from desktop.store.server.provision import init_server
from tests.factories import PASSWORD, Fresh
from tests.integration import cluster, pg

pytestmark = pytest.mark.postgres

PGAUDIT_CONF = (
    "shared_preload_libraries = 'pgaudit'\n"
    "log_line_prefix = '%m [%p] user=%u db=%d '\n"
    "pgaudit.log = 'none'\n"
    "pgaudit.log_parameter = off\n"
)

# (user, role, what the user may read of person) - every application role.
READERS = (
    ("coordinator", Role.COORDINATOR, "SELECT first_name, identity_number FROM person"),
    ("teamlead", Role.TEAM_LEAD, "SELECT first_name FROM person"),
    # The personnummer only for the coordinator (issue 16); an officer reads its mask.
    ("officer", Role.OFFICER, "SELECT first_name, identity_masked FROM person"),
    ("auditor", Role.AUDITOR, "SELECT count(id) FROM person"),
    ("anna", Role.ADMINISTRATOR, "SELECT count(id) FROM person"),
)


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    problem = cluster.problem()
    if problem is not None:
        pytest.fail(f"no test cluster can be made here: {problem}", pytrace=False)
    made = cluster.start(PGAUDIT_CONF)
    state = tmp_path_factory.mktemp("pgaudit")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("PGPASSFILE", str(made.pgpass))
        try:
            url = made.create_database()
            created = init_server(
                url, "anna", "Anna Admin", PASSWORD, state_dir=state, policy=server_policy()
            )
            fresh = Fresh(state / "rondplan.db", created.store, created.recovery_code)
            for username, role, _ in READERS[:-1]:
                pg.pg_add_user(fresh, username, role, "police")
            created.store.lock()
            database = url.split("?")[0].rsplit("/", 1)[1]
            with made.superuser() as conn:  # the operator's one step per database
                conn.execute(
                    f"ALTER DATABASE \"{database}\" SET pgaudit.role = '{database}:audited'"
                )
            yield url, made.folder / "server.log"
        finally:
            made.stop()


def _as(url: str, username: str) -> psycopg.Connection:
    address = ServerAddress.parse(url)
    role = role_name(address.database, username)
    return psycopg.connect(address.conninfo(role, role_password(role, PASSWORD)), autocommit=True)


def _audit_lines(log: Path, role: str) -> list[str]:
    text = log.read_text(errors="replace")
    return [
        line
        for line in text.splitlines()
        if f"user={role} " in line and "AUDIT: OBJECT" in line and "public.person" in line
    ]


@pytest.mark.parametrize(("username", "role", "statement"), READERS)
def test_a_raw_read_of_persons_is_in_the_server_log_with_the_role(
    audited, username, role, statement
):
    url, log = audited
    login = role_name(ServerAddress.parse(url).database, username)
    before = len(_audit_lines(log, login))
    marker = f"/* probe {username} {time.monotonic_ns()} */"
    with _as(url, username) as conn:
        conn.execute(f"{statement} {marker}").fetchall()
    for _ in range(50):  # the logging collector may write a moment later
        lines = _audit_lines(log, login)
        if len(lines) > before:
            break
        time.sleep(0.1)
    found = [line for line in lines[before:] if marker in line]
    assert found, f"no audit line for {login}"
    assert re.search(r"AUDIT: OBJECT,\d+,\d+,READ,SELECT,TABLE,public\.person,", found[0])


def test_a_read_through_a_join_of_addresses_is_recorded_too(audited):
    url, log = audited
    login = role_name(ServerAddress.parse(url).database, "coordinator")
    marker = f"/* join {time.monotonic_ns()} */"
    with _as(url, "coordinator") as conn:
        conn.execute(
            f"SELECT p.last_name, a.street FROM person p JOIN address a ON a.person_id = p.id "
            f"{marker}"
        ).fetchall()
    time.sleep(0.3)
    text = log.read_text(errors="replace")
    lines = [line for line in text.splitlines() if marker in line and f"user={login} " in line]
    assert any("public.address" in line for line in lines)
    assert any("public.person" in line for line in lines)
