"""The server store: a ``Store`` whose engine is PostgreSQL as the user's own role.

Login = connect as the user's role (derived SCRAM password) → read the own keyslot row
→ unwrap it with Argon2id as on a local file. There is no SQLCipher key on the server:
the "data key" in the slots only wraps the audit key, while agency compartments keep
their client-side encryption, so the server never sees another agency's plaintext.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import select
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import psycopg
from platformdirs import user_state_path
from psycopg import sql
from sqlalchemy import Engine, ExceptionContext, create_engine, event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from desktop.messages import Phrase
from desktop.store import migrate
from desktop.store.audit_chain import (
    AuditSigner,
    ChainSummary,
    Checkpoint,
    CheckpointInvalid,
    read_checkpoint,
    write_checkpoint,
)
from desktop.store.errors import ReadOnlyServer, StoreError, WrongPassword
from desktop.store.interface import Identity, Notice, StoreSql
from desktop.store.keyslots import UnlockedKeys
from desktop.store.server import audit as server_audit
from desktop.store.server import standby
from desktop.store.server.attempts import LoginAttempts
from desktop.store.server.connect import (
    ServerAddress,
    ServerUnavailable,
    connect,
    login_kdfs,
    role_name,
    role_password,
)
from desktop.store.server.keyslots import ServerKeyslots, set_administrator
from desktop.store.sql import SERVER_SQL
from desktop.store.unlocked import UnlockedStore

log = logging.getLogger(__name__)

CHANNEL = "rondplan_changes"
# A pooled connection idle this long is pinged before use (see _alive).
IDLE_PING_S = 30.0
# The workstation's checkpoint file is written (with fsync) at most this often; in
# between, the newest head seen is held in memory and compared at every integration
# (issue 16: the fsync of every save was half of a read's time under load).
CHECKPOINT_WRITE_S = 2.0
_IDLE_SINCE = "rondplan_idle_since"
# The INSERT of a unit's audit entries, waiting for the unit's COMMIT (pool record info).
_ENTRIES = "rondplan_audit_entries"
# pg_notify payloads must stay under 8000 bytes; beyond this, only kinds are sent.
MAX_NOTIFY_IDS = 200


def state_folder() -> Path:
    """Where this workstation keeps its audit checkpoint of a server database."""
    return user_state_path("Rondplan", appauthor=False) / "server"


class NeedsUpgrade(StoreError):
    code = "server.needs_upgrade"


class ServerStore(UnlockedStore):
    """An unlocked server database (``desktop.store.interface.Store``).

    No key rotation of a file, no backup from a workstation: the server is backed up by
    its operators (pg_basebackup and WAL archive), so those are not in its interface.
    """

    shares_keyslots = False
    sql: StoreSql = SERVER_SQL
    # The pool (issue 19, docs/server.md "Connections"): one connection kept between
    # actions, up to three more while work overlaps (the GUI and a background read or
    # print), closed again when returned. With the change listener an idle workstation
    # holds 2 connections, at most 5 at a burst: 500 workstations keep 1,000 when idle
    # (or 500 through PgBouncer's transaction pool, the listeners direct).
    POOL_SIZE = 1
    POOL_OVERFLOW = 3

    def __init__(
        self,
        address: ServerAddress,
        role: str,
        password: str,
        keyslots: ServerKeyslots,
        keys: UnlockedKeys,
        identity: Identity,
        state_dir: Path | None = None,
    ) -> None:
        self.address = address
        self.role = role
        # The generation of the login secret this role logged in with (issue 19).
        self.login_kdf = login_kdfs()[0]
        self._conninfo = address.conninfo(role, password)
        # Identifies this store's own NOTIFYs, so its listener can skip them.
        self.origin = secrets.token_hex(8)
        folder = state_dir or state_folder()
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(folder / f"{address.host}_{address.database}", keyslots, keys, identity)
        self.checkpoint_path = folder / f"{address.host}_{address.database}.audit"
        # The entries of reads on a standby, until a server that takes writes has them:
        # named by the installation, so any address of it (a standby's own) finds them.
        self.held = standby.HeldEntries(standby.held_path(folder, self.database_id, role))
        self._taking = 0
        # Whether the server was a standby (read-only) at the last audited action.
        self.read_only = False
        keyslots.rebind(self.connect)
        # Entries from this seq on were chained and hashed by the server (migration 0012).
        self.server_from: int | None = None
        # What went wrong once history this workstation saw is missing on the server (a
        # code with its parameters, worded where shown); the checkpoint is then never moved
        # on (the evidence stays for `check`).
        self.history_problem: Phrase | None = None
        # The newest (seq, hash) this session saw, and when it was last written.
        self._seen: Checkpoint | None = None
        self._seen_written = 0.0
        # What the unit of work being committed on this thread changed (``notice``),
        # announced after its commit.
        self._after = threading.local()

    @property
    def conninfo(self) -> str:
        """The libpq string of this user's role for the change listener: to the URL's
        ``listen`` servers if it names them (LISTEN needs a session, not a pooler's)."""
        self._keys()
        return self.address.for_listener(self._conninfo)

    def connect(self) -> psycopg.Connection:
        """A raw psycopg connection as this user's role (refused while locked)."""
        self._keys()
        return connect(self._conninfo, prepares=self.address.prepares)

    def _make_engine(self) -> Engine:
        engine = create_engine(
            "postgresql+psycopg://",
            creator=self.connect,
            poolclass=QueuePool,
            pool_size=self.POOL_SIZE,
            max_overflow=self.POOL_OVERFLOW,
            hide_parameters=True,
        )
        # A restarted server or a dropped link: a pooled connection is tested before use
        # only when it may be dead (see _alive), not with a round trip on every checkout.
        event.listen(engine.pool, "checkin", _checked_in)
        _commit_with_entries(engine)
        event.listen(engine.pool, "checkout", _checked_out(engine))

        @event.listens_for(engine, "handle_error")
        def _lost(context: ExceptionContext) -> None:
            # A dropped link is a known condition with one sentence (the banner says the
            # rest), not a bug: the caller's dialog stays open with what the user typed.
            if context.is_pre_ping:
                return  # the pool's own liveness check: it replaces the connection itself
            if isinstance(
                context.original_exception,
                psycopg.errors.LockNotAvailable | psycopg.errors.QueryCanceled,
            ):
                # Held up by another session: end the ones that hold everyone up.
                self.end_stalls()
                return
            if context.is_disconnect or isinstance(
                context.original_exception, psycopg.OperationalError
            ):
                raise ServerUnavailable() from context.original_exception
            if isinstance(context.original_exception, psycopg.errors.ReadOnlySqlTransaction):
                # A standby (issue 19): one sentence, wherever the write came from.
                raise ReadOnlyServer() from context.original_exception

        return engine

    def _make_audit_signer(self, keys: UnlockedKeys) -> AuditSigner:
        # The server chains and hashes entries itself (migration 0012): nothing is signed
        # here, and this workstation's checkpoint keeps the audit key's MAC.
        return AuditSigner(self._audit_key(keys.data_key))

    def queue_audit(
        self, session: Session, pending: list[dict[str, object]], notice: Notice | None
    ) -> bool:
        """The entries into the server's queue, sent with the unit's COMMIT.

        No lock: the server writes who and when, and chains them after the commit. The
        NOTIFY waits for the commit too (``audit_committed``): PostgreSQL serialises the
        commits of every transaction that notifies, and with a synchronous standby it
        holds that lock through the wait for the standby: a NOTIFY in each save let
        one save commit per round trip to the standby (issue 19: 45 saves/s).
        On a standby (issue 19) the entries wait on the workstation (``standby.py``):
        whatever the unit wrote was refused at its flush already, so only reads get here.
        """
        connection = session.connection()
        raw = connection.connection.driver_connection
        assert isinstance(raw, psycopg.Connection)
        self.read_only = standby.read_only(raw)
        if self.read_only:
            self.held.hold(pending)
            return True
        held = self.held.entries()
        self._taking = len(held)
        self._after.notice = notice
        pending = [*held, *pending]
        rows = sql.SQL(", ").join(
            sql.SQL("({})").format(sql.SQL(", ").join(map(sql.Literal, row)))
            for row in server_audit.queue_rows(pending)
        )
        statement = sql.SQL("INSERT INTO public.audit_pending ({}) VALUES {}").format(
            sql.SQL(", ").join(map(sql.Identifier, server_audit.PENDING_COLUMNS)), rows
        )
        # Sent with the COMMIT, in its round trip (_commit_with_entries).
        connection.connection.info[_ENTRIES] = statement.as_string(raw)
        return True

    def audit_committed(self) -> None:
        """Announce the unit's changes, chain the queue (ours and anyone's) and move
        this workstation's checkpoint: one round trip, no wait for a standby.

        The save is committed already: a failure here only leaves entries queued for the
        next integration, by anyone (and other workstations refresh at their next
        notice or reconnection).
        """
        if self._taking:
            self.held.taken(self._taking)  # committed with this unit's own entries
            self._taking = 0
        notice, self._after.notice = getattr(self._after, "notice", None), None
        try:
            self._settle(notice=notice)
        except (psycopg.Error, StoreError, DisconnectionError) as error:
            log.info("audit integration postponed: %s", type(error).__name__)

    def settle_audit(self) -> None:
        self._settle(on_standby=True)

    def _settle(self, on_standby: bool = False, notice: Notice | None = None) -> None:
        """Integrate, compare the checkpoint with the server, then (only if it holds)
        move it to the new head: verification before anything is overwritten.

        A standby chains nothing (its primary does, at the next save). ``on_standby``:
        compare there anyway, with the server's own read-only walk of the chain (an
        explicit check; after every read it would cost a walk of the whole log).
        ``notice``: the NOTIFY of the unit just committed, sent with the integration.
        """
        checkpoint = self._seen or self._checkpoint_on_disk()
        known = checkpoint.seq if checkpoint else None
        with self.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, psycopg.Connection)
            self.read_only = standby.read_only(raw)
            if self.read_only and not on_standby:
                return
            if self.read_only:
                with connection.begin():
                    head = standby.chain_head(raw, known)
            else:
                payload = self._payload(*notice) if notice is not None else None
                head = server_audit.integrate(raw, known, CHANNEL, payload)
        self.server_from = head.server_from
        if checkpoint is not None and head.known_hash != checkpoint.entry_hash:
            first = min(checkpoint.seq, (head.seq or 0) + 1)
            self.history_problem = Phrase(server_audit.HISTORY_LOST, {"seq": first})
            self._keep_evidence(checkpoint)
        if self.history_problem is not None:
            self.checkpoint_frozen = True  # the login's check reports it too (integrity)
        if self.checkpoint_frozen or head.seq is None or head.entry_hash is None:
            return
        if checkpoint is None or head.seq >= checkpoint.seq:
            self._seen = Checkpoint(head.seq, head.entry_hash)
            if on_standby or time.monotonic() - self._seen_written >= CHECKPOINT_WRITE_S:
                self._write_seen()

    def _keep_evidence(self, seen: Checkpoint) -> None:
        """What this workstation saw before history went missing, written at once if
        the file is older (it is written only every CHECKPOINT_WRITE_S): the next login
        compares with it and says so again. Found by a real asynchronous failover
        (tests/integration/test_server_failover.py); never over a later checkpoint."""
        if self.checkpoint_path.exists():
            try:
                on_disk = read_checkpoint(self.checkpoint_path, self.audit_signer, self.database_id)
            except CheckpointInvalid:
                return  # evidence of another kind: left as it is
            if on_disk is not None and on_disk.seq >= seen.seq:
                return
        write_checkpoint(self.checkpoint_path, self.audit_signer, self.database_id, seen)

    def _checkpoint_on_disk(self) -> Checkpoint | None:
        try:
            return read_checkpoint(self.checkpoint_path, self.audit_signer, self.database_id)
        except CheckpointInvalid:
            self.history_problem = Phrase("chain.server_checkpoint_changed")
            return None

    def _write_seen(self) -> None:
        """The newest head seen into the checkpoint file, never over a later one."""
        seen = self._seen
        if seen is None or self.checkpoint_frozen:
            return
        on_disk = self._checkpoint_on_disk()
        if self.history_problem is not None or (on_disk is not None and on_disk.seq > seen.seq):
            return  # the evidence stays as it is
        write_checkpoint(self.checkpoint_path, self.audit_signer, self.database_id, seen)
        self._seen_written = time.monotonic()

    def server_hash(self, prev_hash: str, fields: dict[str, object]) -> str | None:
        seq = fields.get("seq")
        if self.server_from is None or not isinstance(seq, int) or seq < self.server_from:
            return None
        return server_audit.server_entry_hash(prev_hash, fields)

    def audit_summary(self, wanted: Sequence[int]) -> ChainSummary | None:
        """The chain verified by the server for a role that may not read it (issue 16)."""
        with self.engine.begin() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, psycopg.Connection)
            return server_audit.verify(raw, wanted)

    def end_stalls(self) -> int:
        """End other sessions that hold locks beyond the server's limits (best effort)."""
        try:
            with self.connect() as conn:
                row = conn.execute(server_audit.END_STALLS).fetchone()
        except (psycopg.Error, StoreError) as error:
            log.info("could not end stalled sessions: %s", type(error).__name__)
            return 0
        return int(row[0]) if row and row[0] else 0

    def announce(
        self, session: Session, kinds: frozenset[str], ids: frozenset[tuple[str, int]]
    ) -> None:
        """NOTIFY in the same transaction: delivered to listeners only if it commits."""
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": self._payload(kinds, ids)},
        )

    def _payload(self, kinds: frozenset[str], ids: frozenset[tuple[str, int]]) -> str:
        listed = sorted(ids)
        payload: dict[str, object] = {"o": self.origin, "k": sorted(kinds)}
        if len(listed) <= MAX_NOTIFY_IDS:
            payload["i"] = [[kind, i] for kind, i in listed]
        return json.dumps(payload, separators=(",", ":"))

    def change_password(
        self, username: str, old: str, new: str, before: Callable[[], None] | None = None
    ) -> None:
        super().change_password(username, old, new, before)  # rewraps the slot and the role
        if username == self.identity.username:
            self.engine.dispose()
            # The slot's save set the role's login with the newest generation.
            self.login_kdf = login_kdfs()[0]
            self._conninfo = self.address.conninfo(self.role, role_password(self.role, new))

    def set_administrator(self, username: str, admin: bool) -> None:
        """Put a user's role in the admin group or take it out (a checked function)."""
        with self.connect() as conn, conn.transaction():
            set_administrator(conn, self.address.database, username, admin)

    def lock(self) -> None:
        """As for a file: close connections and forget the keys, and the login secret."""
        if self._seen is not None:
            self._write_seen()  # what this session saw last, before the key goes
        self._seen = None
        super().lock()
        self._conninfo = ""

    def unlock(self, password: str) -> None:
        # The base class checks the password against the slot, then re-reads the user row.
        login = role_password(self.role, password, self.login_kdf)
        self._conninfo = self.address.conninfo(self.role, login)
        try:
            super().unlock(password)
        except BaseException:
            self._conninfo = ""
            raise


class LockedServer:
    """A server address whose user has not logged in yet."""

    def __init__(self, url: str, state_dir: Path | None = None) -> None:
        self.address = ServerAddress.parse(url)
        self.state_dir = state_dir
        # Shown where the local store shows its file.
        self.path = Path(self.address.url())

    def unlock(self, username: str, password: str) -> ServerStore:
        folder = self.state_dir or state_folder()
        attempts = LoginAttempts(folder / f"{self.address.host}_{self.address.database}.logins")
        attempts.check(username)
        role = role_name(self.address.database, username)
        # Each generation of the login secret in turn, newest first (issue 19): a role
        # set before a release raised the cost still logs in.
        generations = login_kdfs()
        for number, kdf in enumerate(generations, 1):
            login = role_password(role, password, kdf)
            conninfo = self.address.conninfo(role, login)
            try:
                with connect(conninfo) as conn:
                    _check_revision(conn)
                break
            except WrongPassword:
                if number < len(generations):
                    continue
                attempts.failed(username)  # audited at the next login from this workstation
                raise
        slots = ServerKeyslots.read(lambda: connect(conninfo), self.address.database)
        slots.attempts = attempts
        keys = slots.unlock(username, password)
        with connect(conninfo) as conn:
            identity = _identity(conn, username)
            read_only = standby.read_only(conn)
            slots.known_users = {r[0] for r in conn.execute("SELECT username FROM user_account")}
        store = ServerStore(self.address, role, login, slots, keys, identity, self.state_dir)
        store.login_kdf = kdf
        store.read_only = read_only
        # Before the login's own entry: what this workstation saw is compared first.
        store.audit_committed()
        return store


def _checked_in(dbapi_connection: object, record: ConnectionPoolEntry) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()
    record.info.pop(_ENTRIES, None)  # a unit that never committed


def _commit_with_entries(engine: Engine) -> None:
    """A unit's queued audit entries go with its COMMIT, in one round trip.

    After the session's last flush (``before_commit`` included), so they are the
    transaction's last statement, as before; an error of either fails the commit as a
    COMMIT's own would (the unit rolls back and says why). psycopg then finds the
    transaction ended and sends no COMMIT of its own.
    """
    dialect = engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(connection: Any) -> None:
        entries = connection.info.pop(_ENTRIES, None)
        if entries is not None:
            connection.driver_connection.execute(entries + "; COMMIT")
        commit(connection)

    def do_rollback(connection: Any) -> None:
        # (Also called with the pool's first connection, which has no info.)
        with contextlib.suppress(NotImplementedError, AttributeError):
            connection.info.pop(_ENTRIES, None)
        rollback(connection)

    dialect.do_commit = do_commit  # type: ignore[method-assign, assignment]
    dialect.do_rollback = do_rollback  # type: ignore[method-assign, assignment]


def _checked_out(engine: Engine) -> Callable[..., None]:
    def check(dbapi_connection: psycopg.Connection, record: ConnectionPoolEntry, _: object) -> None:
        idle = time.monotonic() - record.info.get(_IDLE_SINCE, time.monotonic())
        if not _alive(dbapi_connection, idle, engine.dialect.do_ping):
            raise DisconnectionError  # the pool replaces it with a new connection

    return check


def _alive(conn: psycopg.Connection, idle: float, ping: Callable[[Any], object]) -> bool:
    """Whether a pooled connection can be used: pinged only when it may be dead.

    Between transactions the server sends a pooled connection nothing, so anything to
    read (or a closed socket) means the server ended it, as a restart or an administrator
    does, or had something to say: a ping tells which. A connection idle longer than
    ``IDLE_PING_S`` is pinged too, for a link that died without a word (a NAT timeout).
    Every other checkout saves the ping's round trip (the pool used to ping each one).
    """
    if conn.closed:
        return False
    try:
        readable = bool(select.select([conn.fileno()], [], [], 0)[0])
    except (OSError, ValueError):
        return False
    if not readable and idle < IDLE_PING_S:
        return True
    try:
        ping(conn)
    except psycopg.Error:
        return False
    return True


def _check_revision(conn: psycopg.Connection) -> None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except psycopg.errors.UndefinedTable:
        row = None
    if row is None or row[0] != migrate.head_revision():
        raise NeedsUpgrade


def _identity(conn: psycopg.Connection, username: str) -> Identity:
    row = conn.execute(
        "SELECT u.id, u.username, u.display_name, u.role, u.agency_id, a.code, a.name, "
        "u.active FROM user_account u JOIN agency a ON a.id = u.agency_id "
        "WHERE u.username = %s",
        (username,),
    ).fetchone()
    if row is None or not row[7]:
        raise WrongPassword("store.account_unknown")
    from desktop.models import Role

    return Identity(row[0], row[1], row[2], Role(row[3]), row[4], row[5], row[6])


def open_server(url: str, state_dir: Path | None = None) -> LockedServer:
    return LockedServer(url, state_dir)


__all__ = ["LockedServer", "NeedsUpgrade", "ServerStore", "open_server"]
