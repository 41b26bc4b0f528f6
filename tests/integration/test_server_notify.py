"""Changes on one workstation reach the others within seconds (LISTEN/NOTIFY)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.models import Role
from desktop.services.bundle import build_services
from desktop.services.changes import Changes
from desktop.services.mapping.rows import PersonInput
from desktop.store.server.notify import RemoteChange, parse_payload
from desktop.views.changes_hub import ChangesHub
from desktop.views.server.banner import ConnectionBar
from desktop.views.server.relay import ServerRelay
from tests import factories
from tests.integration import pg

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(tmp_path, pg_server):
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    pg.pg_add_user(fresh, "coordinator_police", Role.COORDINATOR, "police")
    yield fresh
    pg.REGISTRY.close()


def _person(name: str) -> PersonInput:
    return PersonInput(first_name=name, last_name="Berg")


def test_a_change_reaches_another_process_within_seconds(server, tmp_path):
    url = pg.REGISTRY.urls[server.path]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "tests.integration.listen_child",
        url,
        "coordinator_police",
        str(tmp_path),
    ]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env
    ) as child:
        _exchange(child, server)


def _exchange(child: subprocess.Popen[str], server) -> None:  # type: ignore[no-untyped-def]
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        services = build_services(pg.pg_login(server.path, "coordinator_social"))
        started = time.monotonic()
        changes = services.mapping.persons.create(_person("Adam"))
        line = child.stdout.readline()
        elapsed = time.monotonic() - started
        received = json.loads(line)
        person_id = next(iter(changes.ids_of("person")))
        assert "person" in received["kinds"]
        assert ["person", person_id] in received["ids"]
        assert elapsed < 5
        # Ids and kinds only: the name typed never travels in a notification.
        assert "Adam" not in line
    finally:
        if child.stdin:
            child.stdin.close()
        child.wait(15)


def test_a_rolled_back_change_is_never_announced_and_own_changes_are_skipped():
    assert parse_payload('{"o": "me", "k": ["person"], "i": [["person", 1]]}', "me") is None
    other = parse_payload('{"o": "you", "k": ["visit"], "i": [["visit", 7]]}', "me")
    assert other == RemoteChange(frozenset({"visit"}), frozenset({("visit", 7)}))
    assert parse_payload("not json", "me") is None


def test_the_relay_publishes_into_the_hub_on_the_gui_thread(server, qtbot):
    hub = ChangesHub()
    watcher = pg.pg_login(server.path, "coordinator_police")
    relay = ServerRelay(watcher.conninfo, watcher.origin, hub)
    relay.start()
    try:
        assert relay.listener.ready.wait(10)
        services = build_services(pg.pg_login(server.path, "coordinator_social"))
        with qtbot.waitSignal(hub.changes_applied, timeout=5000) as blocker:
            services.mapping.persons.create(_person("Bo"))
        assert blocker.args[0].touches("person")
    finally:
        relay.stop()


def test_the_banner_shows_while_the_link_is_down(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ConnectionBar(window)
    window.show()
    assert not bar.isVisible()
    bar.set_connected(False)
    assert bar.isVisible()
    assert "Förbindelsen med servern bröts" in bar.banner.label.text()
    bar.set_connected(True)
    assert not bar.isVisible()


def test_the_listener_reports_a_lost_link_and_comes_back(server, qtbot):
    """Kill the listener's backend from the owner's side: banner on, then off again."""
    import psycopg

    watcher = pg.pg_login(server.path, "coordinator_police")
    relay = ServerRelay(watcher.conninfo, watcher.origin)
    states: list[bool] = []
    relay.connection_changed.connect(states.append)
    relay.start()
    try:
        assert relay.listener.ready.wait(10)
        owner = pg._conninfo(pg.REGISTRY.urls[server.path])
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE usename = %s AND query LIKE 'LISTEN%%' OR (usename = %s AND "
                "pid <> pg_backend_pid() AND application_name = 'rondplan')",
                (watcher.role, watcher.role),
            )
        qtbot.waitUntil(lambda: states[-2:] == [False, True], timeout=10000)
    finally:
        relay.stop()


def test_the_listener_stops_while_locked_and_listens_again_after_unlock(server, qtbot):
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QMainWindow

    from desktop.views.server.session import ServerLink

    class Lock(QObject):
        locked = Signal()
        unlocked = Signal()

    window = QMainWindow()
    qtbot.addWidget(window)
    hub = ChangesHub()
    received: list[Changes] = []
    hub.changes_applied.connect(received.append)
    watcher = pg.pg_login(server.path, "coordinator_police")
    lock = Lock()
    link = ServerLink(watcher, hub, window, lock)
    services = build_services(pg.pg_login(server.path, "coordinator_social"))
    try:
        first = link.relay
        assert first is not None and first.listener.ready.wait(10)
        watcher.lock()
        lock.locked.emit()
        assert link.relay is None
        assert not first.listener._thread.is_alive()  # no connection left as the role
        services.mapping.persons.create(_person("Cem"))
        qtbot.wait(800)
        assert received == []  # nothing arrives while locked
        watcher.unlock(factories.PASSWORD)
        lock.unlocked.emit()
        assert link.relay is not None and link.relay.listener.ready.wait(10)
        with qtbot.waitSignal(hub.changes_applied, timeout=5000):
            services.mapping.persons.create(_person("Dan"))
    finally:
        link.stop()
