"""Issue 15: after the lock, the data key and the compartment keys are gone from memory.

A child process logs in as a police coordinator on a demo database, reads police notes
(so the compartment key is used), locks, unlocks with its password, reads again and
locks again, the way the lock screen does it. Then the test reads the child's whole
memory (``/proc/<pid>/mem``) and looks for the data key and the police compartment
key, raw and as hex in either case, in one-, two- and four-byte text encodings. The
keys are unwrapped from the ``.keys`` file with the recovery code by the test's own
argon2 + AES-GCM code (tests/e2e/memory.py), not by Rondplan.

Before this issue the keys stayed: in the store's key object, in the hex of
``PRAGMA key`` statements kept by the connection's statement cache and in SQLite's
copy of each statement.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from desktop.services.demo import DEMO_PASSWORD, generate_demo
from tests.e2e.memory import needles_for, scan_process, unwrap_keys

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/mem").exists(), reason="needs Linux /proc/<pid>/mem"
)

CHILD = textwrap.dedent(
    """
    import gc, sys
    from pathlib import Path
    from desktop.services.bundle import build_services
    from desktop.store.database import LockedDatabase

    path, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
    person_ids = [int(x) for x in sys.argv[4].split(",")]
    store = LockedDatabase(Path(path)).unlock(user, password)
    services = build_services(store)
    services.security.session.record_login()

    def read_notes():
        texts = 0
        for person_id in person_ids:
            texts += len(services.security.notes.notes_for_person(person_id))
        return texts

    first = read_notes()
    services.security.session.lock()
    services.security.session.unlock(password)
    second = read_notes()
    services.security.session.lock()
    gc.collect()
    print("LOCKED", first, second, store.locked, flush=True)
    sys.stdin.readline()
    """
)


def _police_note_persons(db: Path, data_key: bytes) -> list[int]:
    # The adversary's way in: sqlcipher3 with the raw key, no Rondplan code.
    conn = sqlcipher.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        rows = conn.execute(
            "SELECT DISTINCT note.person_id FROM note JOIN agency ON agency.id = note.agency_id"
            " WHERE agency.code = 'police' AND note.person_id IS NOT NULL LIMIT 4"
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def test_keys_are_not_in_process_memory_after_lock(tmp_path):
    summary = generate_demo(tmp_path / "demo.db", seed=11)
    data_key, compartments = unwrap_keys(tmp_path / "demo.db.keys", summary.recovery_code)
    persons = _police_note_persons(summary.path, data_key)
    assert persons, "the demo database has police notes"
    env = {**os.environ, "RONDPLAN_TEST_KDF": "1"}
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(summary.path),
            "samordnare.polis",
            DEMO_PASSWORD,
            ",".join(map(str, persons)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("LOCKED"), child.stderr.read()  # type: ignore[union-attr]
        _, first, second, locked = line.split()
        assert int(first) > 0 and int(second) > 0 and locked == "True"
        needles = {
            **needles_for("data key", data_key),
            **needles_for("police key", compartments["police"]),
        }
        hits = scan_process(child.pid, needles)
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
        child.stdin.close()  # type: ignore[union-attr]
    assert hits == {}, f"key material still in memory after lock: {hits}"
