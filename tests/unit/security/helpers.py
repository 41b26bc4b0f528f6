"""Shared helpers for the security tests: an attacker's raw connection, a clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from desktop.store.database import LockedDatabase


def attacker_connection(
    path: Path, recovery_code: str, drop_triggers: bool = True
) -> sqlcipher.Connection:
    """A raw SQLCipher connection keyed with the data key, as an attacker holding it.

    The append-only triggers are dropped, as such an attacker would.
    """
    key = LockedDatabase(path).unlock_with_recovery(recovery_code).data_key
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if drop_triggers:
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    return conn


class FakeClock:
    """A naive-UTC clock the test moves by hand."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 3, 2, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)
