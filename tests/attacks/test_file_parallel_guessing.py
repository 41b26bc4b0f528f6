"""Password guessing against the keyslot file: in parallel, and by editing the counters.

The insider here has no password of the target, only the application and the file.
Before issue 15: 12 processes at once, three waves, all 36 guesses were evaluated and
only 3 counted and logged (each process saved its own copy of the counters); editing
the counters in the JSON lifted a block unseen; six wrong recovery codes locked out
the right one. Now each attempt is counted under the file lock before the KDF runs, a
block set by one process stops all, the counters are authenticated with a key only
the password gives (an edit is reported in the audit log at the next successful
login), and the recovery code is never blocked.
"""

from __future__ import annotations

import json
import multiprocessing
import time

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, User
from desktop.services.security import SecurityServices
from desktop.store.database import LockedDatabase
from desktop.store.errors import AccountLocked, WrongPassword
from desktop.store.keyslots import FREE_ATTEMPTS, RECOVERY, keyslot_path
from tests.factories import fresh_with_users, login

PROCESSES = 12
WAVES = 3
TARGET = "officer_police"


def _guess(path: str, guess: str, start, results) -> None:
    window = LockedDatabase(__import__("pathlib").Path(path))
    start.wait()
    try:
        window.unlock(TARGET, guess)
        results.put("opened")
    except AccountLocked:
        results.put("blocked")
    except WrongPassword:
        results.put("wrong")


def _wave(path, wave: int) -> list[str]:
    ctx = multiprocessing.get_context("fork")
    start = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_guess, args=(str(path), f"gissning-{wave}-{i}", start, results))
        for i in range(PROCESSES)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    return [results.get(timeout=5) for _ in procs]


def _raw(path) -> dict:
    return json.loads(keyslot_path(path).read_bytes())


def test_parallel_guesses_are_all_counted_and_a_block_stops_every_process(tmp_path):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    outcomes: list[str] = []
    for wave in range(WAVES):
        outcomes += _wave(fresh.path, wave)
    assert "opened" not in outcomes
    data = _raw(fresh.path)
    slot = data["slots"][TARGET]
    events = [e for e in data["pending"] if e["username"] == TARGET]
    failed = [e for e in events if e["event"] == "login.failed"]
    blocked = [e for e in events if e["event"] == "login.blocked"]
    # Every one of the 36 guesses is on record, as a failure or as a refusal.
    assert len(failed) + len(blocked) == PROCESSES * WAVES
    assert slot["attempts"] == len(failed) == outcomes.count("wrong")
    assert len(blocked) == outcomes.count("blocked")
    # The block applied across processes: the KDF ran for the free attempts only
    # (plus at most one per wave, if a short delay ran out between waves).
    assert slot["attempts"] <= FREE_ATTEMPTS + WAVES


def test_edited_counters_are_reported_at_the_next_login(tmp_path):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    login(fresh.path, TARGET).lock()  # an ordinary login: the counters are authenticated
    for i in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword):
            LockedDatabase(fresh.path).unlock(TARGET, f"fel-{i}")
    with pytest.raises(AccountLocked):
        LockedDatabase(fresh.path).unlock(TARGET, "fel-igen")
    # The guesser edits the JSON to lift the block and hide the count.
    data = _raw(fresh.path)
    slot = data["slots"][TARGET]
    slot["failures"], slot["blocked_until"] = 0, None
    data["pending"] = []
    keyslot_path(fresh.path).write_text(json.dumps(data))
    # The edit lifts the block (a file its reader can write cannot prevent that; the
    # guesser could as well copy the file and guess offline, limited by Argon2id)...
    with pytest.raises(WrongPassword):
        LockedDatabase(fresh.path).unlock(TARGET, "gissning-efter-ändringen")
    # ...but the next successful login finds and logs it.
    store = login(fresh.path, TARGET)
    SecurityServices.build(store).session.record_login()
    user_id = None
    with store.read_session() as session:
        user_id = session.scalar(select(User.id).where(User.username == TARGET))
        actions = [
            (e.action, e.object_ids)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]
    store.lock()
    assert ("keyslot.counters_edited", str(user_id)) in actions
    assert ("login.failed", str(user_id)) in actions  # the guess after the edit


def test_wrong_recovery_codes_do_not_lock_out_the_right_one(tmp_path):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    before = _raw(fresh.path)["slots"][RECOVERY].get("attempts", 0)
    for i in range(FREE_ATTEMPTS + 3):
        with pytest.raises(WrongPassword):
            LockedDatabase(fresh.path).unlock_with_recovery(f"AAAA-BBBB-CCCC-DDDD-EEEE-FFF{i}")
    started = time.monotonic()
    keys = LockedDatabase(fresh.path).unlock_with_recovery(fresh.recovery_code)
    assert keys.data_key and time.monotonic() - started < 5
    data = _raw(fresh.path)
    assert data["slots"][RECOVERY]["attempts"] == before + FREE_ATTEMPTS + 4
    assert [e["event"] for e in data["pending"]].count("login.failed") == FREE_ATTEMPTS + 3
