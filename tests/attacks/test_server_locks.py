"""Issue 16: no lock a client can take or hold stalls the others' saves.

Before migration 0012 every audited save waited for one advisory lock held to COMMIT,
so ``SELECT pg_try_advisory_lock(1380994126)`` at session level by any role stopped
every save of the database; so did ``LOCK TABLE person IN ACCESS EXCLUSIVE MODE`` in an
open transaction, with no timeout anywhere. Now the chain takes no client-visible lock,
every login role has server-side timeouts, and a session that holds the others up
beyond them is ended by the server (rondplan_end_stalls, run by every listening
workstation) even when it switched its own timeouts off. Waits here are bounded: the
limits are set small through the owner's provisioning function.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonInput
from desktop.store.server import notify
from desktop.store.server.notify import ChangeListener
from tests.attacks import server_world
from tests.integration import pg

pytestmark = pytest.mark.postgres

# Milliseconds: statement, lock wait, idle in a transaction, blocking in a transaction.
LIMITS = (3000, 8000, 1000, 2000)
SAVE_WITHIN_S = 8.0


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    # Any running workstation asks the server to end stalls this often (test: 0.5 s).
    monkeypatch.setattr(notify, "STALL_CHECK_S", 0.5, raising=False)
    for made in server_world.world(tmp_path):
        with server_world.as_owner(made) as owner:
            try:  # the owner's limits for every login role (small, for bounded waits)
                owner.execute(
                    "UPDATE server_limits SET statement_ms = %s, lock_ms = %s, idle_ms = %s, "
                    "blocker_ms = %s",
                    LIMITS,
                )
                owner.execute("SELECT rondplan_apply_role_limits()")
            except psycopg.errors.UndefinedTable:
                pass  # a server without limits (before migration 0012)
        yield made


def _save_in_background(store) -> tuple[threading.Thread, list[object]]:
    persons = build_services(store).mapping.persons
    done: list[object] = []

    def save() -> None:
        try:
            done.append(persons.create(PersonInput("Vanlig", "Sparning")))
        except Exception as error:  # reported by the test
            done.append(error)

    thread = threading.Thread(target=save, daemon=True)
    thread.start()
    return thread, done


def test_the_chain_lock_of_the_old_code_holds_nobody_up(fresh):
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    with server_world.as_user(fresh, "officer_police") as attacker:
        assert attacker.execute("SELECT pg_try_advisory_lock(1380994126)").fetchone()[0]
        thread, done = _save_in_background(coordinator)
        thread.join(SAVE_WITHIN_S)
        assert done and not isinstance(done[0], Exception), done


def test_lock_table_in_an_open_transaction_is_cut_off_while_others_save(fresh):
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    watcher = pg.pg_login(fresh.path, "officer_social")  # any running workstation
    listener = ChangeListener(watcher.conninfo, lambda _changes: None)
    listener.start()
    assert listener.ready.wait(10)
    attacker = server_world.as_user(fresh, "coordinator_police", autocommit=False)
    try:
        # The attacker switches off the timeouts the server gave its role first.
        attacker.execute("SET idle_in_transaction_session_timeout = 0")
        attacker.execute("SET statement_timeout = 0")
        attacker.execute("LOCK TABLE person IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        thread, done = _save_in_background(coordinator)
        thread.join(SAVE_WITHIN_S + 2)
        assert done and not isinstance(done[0], Exception), done
        assert time.monotonic() - started < SAVE_WITHIN_S + 2
        with pytest.raises(psycopg.OperationalError):
            attacker.execute("SELECT 1")  # the server ended the attacker's session
    finally:
        attacker.close()
        listener.stop()


def test_every_login_role_has_the_server_timeouts(fresh):
    with server_world.as_user(fresh, "team_lead_probation") as conn:
        shown = [
            conn.execute(f"SHOW {name}").fetchone()[0]
            for name in (
                "statement_timeout",
                "lock_timeout",
                "idle_in_transaction_session_timeout",
            )
        ]
    assert shown == ["3s", "8s", "1s"]
    # An idle transaction with the role's own settings is ended by the server itself.
    attacker = server_world.as_user(fresh, "coordinator_probation", autocommit=False)
    try:
        attacker.execute("LOCK TABLE person IN ACCESS EXCLUSIVE MODE")
        time.sleep(1.5)
        with pytest.raises(psycopg.errors.IdleInTransactionSessionTimeout):
            attacker.execute("SELECT 1")
        assert attacker.closed
    finally:
        attacker.close()
