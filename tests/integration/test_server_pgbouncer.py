"""Rondplan through PgBouncer in transaction mode, as docs/server.md sets it up (issue 19).

PgBouncer (Debian's, 1.18) runs in front of the SCRAM and TLS cluster with the
documented configuration (``pgbouncer.py``): transaction pooling, one server connection
per user so that clients really share it, per-user roles found with ``auth_query`` and
SCRAM pass-through. The workstation's address says ``pgbouncer=transaction`` (no
server-side prepared statements: PgBouncer before 1.21 does not carry them between
sessions) and ``listen=`` the server itself, since LISTEN needs a session of its own.
"""

from __future__ import annotations

import threading

import psycopg
import pytest

from desktop.models import Role
from desktop.services.bundle import build_services
from desktop.services.changes import Changes
from desktop.services.mapping.rows import PersonFilter, PersonInput
from desktop.services.security import SecurityServices
from desktop.services.server_policy import server_policy
from desktop.store.errors import WrongPassword
from desktop.store.server.connect import ServerAddress
from desktop.store.server.notify import ChangeListener
from desktop.store.server.provision import init_server
from desktop.store.server.store import LockedServer, ServerStore
from tests.factories import PASSWORD
from tests.integration import pgbouncer

# Searches each workstation repeats: psycopg prepares a statement from its 5th run.
REPEATS = 8


@pytest.fixture(scope="module")
def pooled(scram_cluster, tmp_path_factory):
    """A Rondplan database with coordinator ``cora``, and PgBouncer in front of it."""
    tmp_path = tmp_path_factory.mktemp("pooled")
    owner_url = scram_cluster.create_database()
    created = init_server(
        owner_url, "anna", "Anna Admin", PASSWORD, state_dir=tmp_path, policy=server_policy()
    )
    security = SecurityServices.build(created.store)
    security.reauth.mark_given()  # the password was just given at init
    security.users.create_user("cora", "Cora Samordnare", Role.COORDINATOR, "social", PASSWORD)
    created.store.lock()
    database = ServerAddress.parse(owner_url).database
    pooler = pgbouncer.start(scram_cluster, database)
    tls = f"sslmode=verify-full&sslrootcert={scram_cluster.root_cert}&gssencmode=disable"
    url = (
        f"postgresql://127.0.0.1:{pooler.port}/{database}?{tls}"
        f"&pgbouncer=transaction&listen=127.0.0.1:{scram_cluster.port}"
    )
    opened: list[ServerStore] = []

    def login(folder: str, address: str = url, password: str = PASSWORD) -> ServerStore:
        store = LockedServer(address, tmp_path / folder).unlock("cora", password)
        opened.append(store)
        return store

    yield url, login, pooler, database
    for store in opened:
        store.lock()
    pooler.stop()


def test_two_workstations_save_search_and_hear_each_other_through_the_pool(pooled):
    _url, login, pooler, database = pooled
    first, second = login("first"), login("second")
    heard: list[Changes] = []
    arrived = threading.Event()

    def on_change(changes: Changes) -> None:
        heard.append(changes)
        arrived.set()

    # The listener of the second workstation: straight to PostgreSQL (listen=).
    listener = ChangeListener(second.conninfo, on_change, own_origin=second.origin)
    listener.start()
    try:
        assert listener.ready.wait(20), "the listener never connected"
        services = [build_services(first), build_services(second)]
        person = services[0].mapping.persons.create(PersonInput("Pia", "Poolad"))
        (person_id,) = person.ids_of("person")
        # Both workstations' searches share the user's one server connection.
        for _ in range(REPEATS):
            for each in services:
                found = each.mapping.persons.page(PersonFilter(text="Poolad"))
                assert [row.id for row in found] == [person_id]
                assert each.mapping.persons.count(PersonFilter(text="Pia")) == 1
        assert arrived.wait(20), "no change reached the other workstation"
        assert any(c.touches("person") for c in heard)
    finally:
        listener.stop()
    # The application's transactions went through PgBouncer's transaction pool ...
    pools = {row[1]: row for row in pooler.admin("SHOW POOLS") if row[0] == database}
    assert f"{database}.cora" in pools and pools[f"{database}.cora"][-1] == "transaction"
    stats = {row[0]: row for row in pooler.admin("SHOW STATS")}
    assert int(stats[database][1]) >= 2 * REPEATS  # total_xact_count
    # ... and the listener did not (it would hold a pooled session for good).
    assert "LISTEN" not in pooler.log()


def test_a_wrong_password_is_refused_by_the_pool(pooled):
    _url, login, _, _ = pooled
    with pytest.raises(WrongPassword):
        login("wrong", password="fel-lösenord-123456")
    assert login("right").identity.username == "cora"


def test_without_the_pool_setting_prepared_statements_collide(pooled):
    """The negative control: the address without ``pgbouncer=transaction`` breaks."""
    url, login, _, _ = pooled
    plain = url.replace("&pgbouncer=transaction", "")
    store = login("plain", plain)
    # Two client sessions one after the other, on the user's one server connection:
    # psycopg prepares the repeated query in each under the same name.
    with pytest.raises(psycopg.errors.DuplicatePreparedStatement):
        for _ in range(2):
            with store.connect() as conn:
                for _ in range(REPEATS):
                    conn.execute("SELECT count(*) FROM person WHERE id > %s", (0,))
    pooled_store = login("pooled")
    for _ in range(2):
        with pooled_store.connect() as conn:
            for _ in range(REPEATS):
                conn.execute("SELECT count(*) FROM person WHERE id > %s", (0,))
