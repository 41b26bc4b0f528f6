"""A real primary and streaming replica: the application through a failover (issue 19).

The tests start both clusters themselves (``replication.py``, on free loopback ports), make a
Rondplan database on the primary with ``init --server``, and work as a coordinator whose
workstation has the documented address: every server in a libpq host list with
``target_session_attrs=read-write``. The primary is killed (``pg_ctl -m immediate``),
the replica promoted, and the same store, never reopened, saves again. A workstation
that reaches only the standby reads, and its saves are refused in one Swedish sentence.
An asynchronous failover that lost acknowledged saves is reported by the workstation
that saw them (issue 16's detection of reused sequence numbers), in one sentence.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.messages import error_words, words
from desktop.models import Role
from desktop.services.bundle import Services, build_services
from desktop.services.mapping.rows import PersonFilter, PersonInput
from desktop.services.security import SecurityServices
from desktop.services.security.session import SessionAudit
from desktop.services.server_policy import server_policy
from desktop.store.errors import ReadOnlyServer
from desktop.store.server.connect import ServerUnavailable
from desktop.store.server.provision import init_server
from desktop.store.server.store import LockedServer, ServerStore
from tests.factories import PASSWORD
from tests.integration import replication
from tests.integration.cluster import free_port
from tests.integration.replication import Node

READ_ONLY = (
    "Servern tar bara emot läsningar just nu (en reservserver); ändringen sparades inte. "
    "Försök igen om en stund eller kontakta driften."
)
HISTORY_LOST = "Behandlingsloggen på servern saknar poster som den här arbetsstationen redan har"
HISTORY_LOST_EN = "The processing log on the server lacks entries this workstation has already seen"
# Saves tried after the promotion before the test gives up (each fails fast on loopback).
MAX_RETRIES = 50


@dataclass
class Pair:
    """The running primary and standby; a failover makes the standby the primary and
    ``ready`` then makes a new standby of it (on a free port)."""

    primary: Node
    standby: Node | None
    state: Path
    nodes: list[Node] = field(default_factory=list)
    # The workstations' address, set by ``ready`` and kept through a failover.
    url: str = ""

    def ready(self) -> None:
        """A primary with a streaming standby that has replayed everything."""
        if self.standby is None:
            self.standby = replication.start_replica(self.primary, free_port())
            self.nodes.append(self.standby)
            # The documented address: both servers, the one that takes writes chosen.
            self.url = (
                f"postgresql://127.0.0.1:{self.primary.port},127.0.0.1:{self.standby.port}/"
                f"{replication.DATABASE}?target_session_attrs=read-write&gssencmode=disable"
            )
        replication.wait_replayed(self.primary, self.standby)

    def fail_over(self) -> None:
        """Kill the primary as a power cut would, then promote the standby."""
        assert self.standby is not None
        self.primary.kill()
        self.standby.promote()
        self.primary, self.standby = self.standby, None

    def login(
        self, username: str, url: str | None = None, state: Path | None = None
    ) -> ServerStore:
        """``username`` logs in at ``url`` (default: the pair's address) from the
        workstation whose state folder is ``state`` (default: the module's one)."""
        return LockedServer(url or self.url, state or self.state).unlock(username, PASSWORD)


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Iterator[Pair]:
    problem = replication.problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and no replication clusters: {problem}", pytrace=False)
        pytest.skip(problem)
    primary = replication.start_primary(free_port())
    made = Pair(primary, None, tmp_path_factory.mktemp("workstation"), [primary])
    try:
        created = init_server(
            primary.url(),
            "anna",
            "Anna Admin",
            PASSWORD,
            state_dir=made.state,
            policy=server_policy(),
        )
        security = SecurityServices.build(created.store)
        security.reauth.mark_given()  # the password was just given at init
        security.users.create_user("cora", "Cora Samordnare", Role.COORDINATOR, "social", PASSWORD)
        created.store.lock()
        yield made
    finally:
        for node in made.nodes:
            node.remove()


def _save(services: Services, last_name: str) -> int:
    changes = services.mapping.persons.create(PersonInput("Test", last_name))
    return next(iter(changes.ids_of("person")))


def _names_on(node: Node) -> set[str]:
    """The persons' last names as the server itself holds them (a superuser's read)."""
    with node.superuser(replication.DATABASE) as conn:
        return {row[0] for row in conn.execute("SELECT last_name FROM person")}


def _details_on(node: Node) -> str:
    """Every audit entry's action and detail on the server (a superuser's read)."""
    with node.superuser(replication.DATABASE) as conn:
        rows = conn.execute("SELECT action, coalesce(detail, '') FROM audit_entry ORDER BY seq")
        return "\n".join(f"{action} {detail}" for action, detail in rows)


def test_a_workstation_on_the_standby_reads_and_a_save_is_one_sentence(pair):
    pair.ready()
    writer = build_services(pair.login("cora"))
    person_id = _save(writer, "Läsbar")
    writer.store.lock()
    pair.ready()
    assert pair.standby is not None
    only_standby = pair.login("cora", pair.standby.url())
    try:
        services = build_services(only_standby)
        # Searches and profiles are audited reads: they work on the standby.
        found = services.mapping.persons.page(PersonFilter(text="Läsbar"))
        assert [row.id for row in found] == [person_id]
        assert services.mapping.persons.profile(person_id).last_name == "Läsbar"
        with pytest.raises(ReadOnlyServer) as refused:
            _save(services, "Aldrig")
        assert error_words(refused.value) == READ_ONLY
    finally:
        only_standby.lock()
    assert "Aldrig" not in _names_on(pair.primary)


def test_read_only_commands_work_on_the_standby(pair, tmp_path, monkeypatch, capsys):
    pair.ready()
    workstation = tmp_path / "state"  # this test's own: nothing held from before
    writer = build_services(pair.login("cora", state=workstation))
    _save(writer, "Exporterad")
    writer.store.lock()
    pair.ready()
    assert pair.standby is not None
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: workstation)
    url = pair.standby.url()
    assert main(["stats", "--server", url, "--user", "cora", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == 1
    assert main(["check", "--server", url, "--user", "cora"]) == 0
    assert "behandlingsloggen är hel" in capsys.readouterr().out
    exported = tmp_path / "personer.csv"
    assert main(["export", "persons", "--server", url, "--user", "cora", "-o", str(exported)]) == 0
    assert "Exporterad" in exported.read_text(encoding="utf-8-sig")
    # Nothing the standby read is left out of the log: the entries wait on the
    # workstation and go in with cora's next login on the primary.
    assert "held_from_standby" not in _details_on(pair.primary)
    back = pair.login("cora", state=workstation)
    SessionAudit(back).record_login()  # the login's own entry, as in the application
    back.lock()
    details = _details_on(pair.primary).splitlines()
    held = [line.split()[0] for line in details if "held_from_standby=" in line]
    # Each command's login (stats, check, export) and the export, in the order read.
    assert held == ["login", "login", "login", "export"], details
    assert not list(workstation.glob("*.held"))


def test_the_same_store_saves_again_after_the_replica_is_promoted(pair):
    pair.ready()
    replication.make_synchronous(pair.primary)  # as docs/server.md: nothing is lost
    store = pair.login("cora")
    services = build_services(store)
    _save(services, "FöreBytet")
    pair.fail_over()  # at once: no waiting for the standby to catch up
    retries = 0
    promoted = time.monotonic()
    while True:
        try:
            _save(services, "EfterBytet")
            break
        except ServerUnavailable as unavailable:
            # Between the kill and the new primary's first connection: one sentence.
            assert (error_words(unavailable) or "").startswith("Servern kan inte nås")
            retries += 1
            assert retries <= MAX_RETRIES, "no save reached the promoted replica"
            time.sleep(0.1)
    print(f"first save {time.monotonic() - promoted:.2f} s after the promotion, {retries} retries")
    assert {"FöreBytet", "EfterBytet"} <= _names_on(pair.primary)
    # Searching works on the same store, and nothing was lost, so nothing is reported.
    found = services.mapping.persons.page(PersonFilter(text="EfterBytet"))
    assert [row.last_name for row in found] == ["EfterBytet"]
    assert store.history_problem is None
    store.lock()


def test_acknowledged_saves_lost_by_an_asynchronous_failover_are_reported(
    pair, monkeypatch, capsys
):
    pair.ready()
    assert pair.standby is not None
    store = pair.login("cora")
    services = build_services(store)
    _save(services, "Replikerad")
    pair.ready()
    replication.cut_streaming(pair.primary, pair.standby)
    # Acknowledged by the primary, seen by this workstation, never on the replica.
    for n in range(3):
        _save(services, f"Förlorad{n}")
    assert store.history_problem is None
    pair.fail_over()
    for _ in range(MAX_RETRIES):
        try:
            _save(services, "EfterFörlusten")
            break
        except ServerUnavailable:
            time.sleep(0.1)
    names = _names_on(pair.primary)
    assert "EfterFörlusten" in names and "Replikerad" in names
    assert not any(name.startswith("Förlorad") for name in names)  # really lost
    problem = store.history_problem
    assert problem is not None and problem.code == "chain.server_history_lost"  # a code
    swedish = words(problem.code, problem.params, "sv")
    assert swedish.startswith(HISTORY_LOST) and f"från och med post {problem.params['seq']})" in (
        swedish
    )
    assert swedish.endswith(".") and swedish.count(". ") == 0 and "\n" not in swedish
    assert words(problem.code, problem.params, "en").startswith(HISTORY_LOST_EN)
    store.lock()
    # The next login on this workstation says it too, and so does `rondplan check`.
    again = pair.login("cora")
    assert again.history_problem is not None
    assert again.history_problem.code == "chain.server_history_lost"
    again.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: pair.state)
    capsys.readouterr()
    assert main(["check", "--server", pair.url, "--user", "cora"]) == 1
    assert "behandlingslogg: FEL – posterna från och med" in capsys.readouterr().out
