"""The audit chain on a server: entries queued by clients, chained by the server.

Migration ``0012_server_audit`` holds the SQL. A unit of work inserts its entries into
``audit_pending`` (the server writes who, role, agency and time); after the commit any
client calls ``rondplan_audit_integrate`` and the server moves committed entries onto
the chain in one batch, with SHA-256 hashes it computes itself. Nothing a save holds
until its commit serialises the workstations, and no client can write an entry in
another user's name or one that breaks the chain for everyone.

The workstation's checkpoint (HMAC'd with the audit key, as on a file) is compared with
the server before it is moved on: history that went missing (a lossy failover, deleted
entries) is reported and the evidence is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from desktop.models import Role
from desktop.store.audit_chain import FIELDS, ChainSummary
from desktop.store.server.connect import group_role
from desktop.store.server.schema import quote

PENDING_COLUMNS = tuple(name for name in FIELDS if name != "seq")
INSERT_PENDING = (
    f"INSERT INTO public.audit_pending ({', '.join(PENDING_COLUMNS)}) "
    f"VALUES ({', '.join('%s' for _ in PENDING_COLUMNS)})"
)
# After a unit's commit, in one round trip and a transaction of its own: chain the
# queue, and (with a notice) NOTIFY other workstations. Committed without waiting for
# the standby: the entries are in the queue durably already (the integration is redone
# from it after a crash, migration 0017), and a lost notice is a refresh hint lost.
INTEGRATE_AFTER = (
    "SELECT i.*, pg_catalog.set_config('synchronous_commit', 'off', true) "
    "FROM public.rondplan_audit_integrate(%s) i"
)
INTEGRATE_ANNOUNCE = (
    "SELECT i.*, pg_catalog.set_config('synchronous_commit', 'off', true), "
    "pg_catalog.pg_notify(%s, %s) FROM public.rondplan_audit_integrate(%s) i"
)
END_STALLS = "SELECT public.rondplan_end_stalls()"
VERIFY = "SELECT * FROM public.rondplan_audit_verify(%s::integer[])"

#: History this workstation saw is missing on the server (words: desktop/messages/audit.py).
HISTORY_LOST = "chain.server_history_lost"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    return str(value)


def server_entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """What ``rondplan_audit_hash`` computes: SHA-256 of the length-prefixed fields."""
    parts = []
    for name in FIELDS:
        text = _text(fields.get(name))
        parts.append("~" if text is None else f"{len(text)}:{text}")
    return hashlib.sha256((prev_hash + "|" + "|".join(parts)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainHead:
    """The chain after an integration: its head, and the hash now at a known seq."""

    seq: int | None
    entry_hash: str | None
    server_from: int | None
    known_hash: str | None


def integrate(
    conn: psycopg.Connection,
    known_seq: int | None,
    channel: str | None = None,
    payload: str | None = None,
) -> ChainHead:
    """Chain every committed pending entry (a no-op while another client does it).

    With ``payload``: NOTIFY it on ``channel`` in the same statement. One round trip, in
    a transaction of its own (autocommit); ``conn`` must be outside a transaction.
    """
    params: tuple[object, ...]
    if payload is None:
        query, params = INTEGRATE_AFTER, (known_seq,)
    else:
        query, params = INTEGRATE_ANNOUNCE, (channel, payload, known_seq)
    conn.autocommit = True
    try:
        row = conn.execute(query, params).fetchone()
    finally:
        if not conn.closed:
            conn.autocommit = False
    if row is None:
        return ChainHead(None, None, None, None)
    return ChainHead(row[0], row[1], row[2], row[3])


def verify(conn: psycopg.Connection, wanted: Sequence[int]) -> ChainSummary:
    """The chain verified by the server (migration 0017): counts and hashes, no field."""
    asked = [int(seq) for seq in wanted]
    row = conn.execute(VERIFY, (asked,)).fetchone()
    if row is None:
        return ChainSummary(0, None, None, None, {})
    entries, problem, first_bad, head_seq, head_hash, _, hashes = row
    head = (int(head_seq), str(head_hash)) if head_seq is not None and head_hash else None
    found = {seq: str(h) for seq, h in zip(asked, hashes or [], strict=False) if h is not None}
    return ChainSummary(int(entries or 0), problem, first_bad, head, found)


def queue_rows(pending: list[dict[str, object]]) -> list[tuple[object, ...]]:
    """The parameters of ``INSERT_PENDING`` for each entry."""
    return [tuple(given.get(name) for name in PENDING_COLUMNS) for given in pending]


def audit_grant_statements(database: str) -> list[str]:
    """The audit queue's and chain's privileges, and the database's CONNECT.

    Run after ``schema.grant_statements`` (``ALL TABLES`` there includes these tables).
    """
    app = quote(group_role(database, "app"))
    # Every group an application role may be in (one per role since migration 0011),
    # those that exist.
    names = ", ".join(
        _literal(group_role(database, name)) for name in ("app", "admin", *(r.value for r in Role))
    )
    each_group = (
        "DO $$ DECLARE g text; BEGIN FOR g IN SELECT rolname FROM pg_catalog.pg_roles "
        f"WHERE rolname IN ({names}) LOOP EXECUTE pg_catalog.format("
        "'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.audit_entry FROM %I; "
        "REVOKE ALL ON public.audit_pending, public.audit_chain_state, public.server_limits "
        "FROM %I', g, g); END LOOP; END $$"
    )
    return [
        # Only this database's own roles connect (a role of another Rondplan database on
        # the same cluster neither connects nor LISTENs here).
        f"REVOKE CONNECT ON DATABASE {quote(database)} FROM PUBLIC",
        # Entries reach the chain only through the queue and the server's integration.
        each_group,
        f"GRANT INSERT ON public.audit_pending TO {app}",
        f"GRANT EXECUTE ON FUNCTION public.rondplan_audit_integrate(integer) TO {app}",
        f"GRANT EXECUTE ON FUNCTION public.rondplan_end_stalls() TO {app}",
        # The chain verified by the server for the roles that may not read it (0017).
        f"GRANT EXECUTE ON FUNCTION public.rondplan_audit_verify(integer[]) TO {app}",
    ]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# What the owner's functions need to see and end other roles' stalled sessions.
OWNER_ROLES = ("pg_signal_backend", "pg_read_all_stats")


def grant_owner_monitoring(conn: psycopg.Connection) -> None:
    """The owner's membership in the two predefined roles ``rondplan_end_stalls`` needs.

    A superuser has them; an owner with CREATEROLE may grant them to itself on
    PostgreSQL 15 (a later version may need the DBA: docs/server.md).
    """
    for role in OWNER_ROLES:
        held = conn.execute("SELECT pg_has_role(current_user, %s, 'USAGE')", (role,)).fetchone()
        if held is None or not held[0]:
            conn.execute(f"GRANT {role} TO CURRENT_USER")


def set_limits(
    conn: psycopg.Connection,
    statement_ms: int,
    lock_ms: int,
    idle_ms: int,
    blocker_ms: int,
) -> None:
    """The owner's limits for every login role of the database (applied at once)."""
    conn.execute(
        "UPDATE public.server_limits SET statement_ms = %s, lock_ms = %s, idle_ms = %s, "
        "blocker_ms = %s WHERE id = 1",
        (statement_ms, lock_ms, idle_ms, blocker_ms),
    )
    conn.execute("SELECT public.rondplan_apply_role_limits()")
