"""A read-only server (a hot standby): reads work, their audit entries wait (issue 19).

A standby takes no write at all, so the entries of what a user reads there (a login, a
search, a profile, an export) cannot reach the audit log. They are held in a file in
the workstation's state folder, one per user and server (owner-only, like the failed
logins), and go into the log with that user's next audited action on a server that
takes writes; the server then stamps them with that session's user and time, and
``detail`` keeps when they were read. Saves on a standby are refused in one sentence
(``ReadOnlyServer``). What the file cannot prove, the standby's own log does: pgaudit
records every read of personal data there too (docs/server.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import psycopg

from desktop.store.files import atomic_write_bytes
from desktop.store.server import audit as server_audit
from desktop.store.server.audit import ChainHead

HELD_FROM = "held_from_standby"


def chain_head(conn: psycopg.Connection[Any], known_seq: int | None) -> ChainHead:
    """What ``rondplan_audit_integrate`` answers, without integrating anything: the head,
    where the server's hashes begin and the hash now at ``known_seq``, from the
    server's read-only walk of the chain (``rondplan_audit_verify``, migration 0017)."""
    wanted = [known_seq] if known_seq is not None else []
    row = conn.execute(server_audit.VERIFY, (wanted,)).fetchone()
    if row is None:
        return ChainHead(None, None, None, None)
    head_seq, head_hash, server_from, hashes = row[3], row[4], row[5], row[6]
    known = hashes[0] if wanted and hashes else None
    return ChainHead(head_seq, head_hash, server_from, known)


def read_only(conn: psycopg.Connection[Any]) -> bool:
    """Whether ``conn``'s server takes no writes: a hot standby, or a database made
    read-only. PostgreSQL 14+ reports both at connect and on change: no round trip."""
    status = conn.info.parameter_status
    return status("in_hot_standby") == "on" or status("default_transaction_read_only") == "on"


def held_path(folder: Path, database_id: str, role: str) -> Path:
    """The file of ``role``'s held entries in the installation ``database_id`` (neither
    the role's name nor the installation's id is in the file name)."""
    digest = hashlib.sha256(f"{database_id}|{role}".encode()).hexdigest()[:24]
    return folder / f"{digest}.held"


class HeldEntries:
    """Audit entries of reads on a standby, in order, until a primary takes them."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def hold(self, pending: list[dict[str, object]], now: dt.datetime | None = None) -> None:
        """Append ``pending``, each marked with the time it was read."""
        at = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        kept = self.entries()
        for given in pending:
            entry = {k: v for k, v in given.items() if k != "at"}
            detail = str(entry.get("detail") or "")
            entry["detail"] = f"{detail};{HELD_FROM}={at}" if detail else f"{HELD_FROM}={at}"
            kept.append(entry)
        self._write(kept)

    def entries(self) -> list[dict[str, object]]:
        """The held entries, oldest first (none if the file is missing or unreadable)."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []
        held = []
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                held.append(entry)
        return held

    def taken(self, count: int) -> None:
        """The first ``count`` entries are in the log now: forget them."""
        rest = self.entries()[count:]
        if rest:
            self._write(rest)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)

    def _write(self, entries: list[dict[str, object]]) -> None:
        text = "".join(json.dumps(e, default=str, ensure_ascii=False) + "\n" for e in entries)
        atomic_write_bytes(self.path, text.encode("utf-8"))
