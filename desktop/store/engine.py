"""The SQLCipher engine: keyed raw on every pooled connection, never plaintext.

Connection rules (DESIGN.md): an explicit QueuePool, WAL with synchronous=FULL,
secure_delete, temp_store=MEMORY, foreign keys, a busy timeout, a page cache near the
database size, a real BEGIN per transaction and hidden parameters in errors.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import QueuePool

from desktop.store.collation import (
    COLLATION,
    KEY_FUNCTION,
    SEARCH_FOLD_FUNCTION,
    compare_swedish,
    search_fold_sql,
    sort_key_sql,
)
from desktop.store.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DiskError,
    DiskFull,
    MissingDatabase,
    NotADatabase,
    ReadOnlyServer,
    StoreError,
)
from desktop.store.memwipe import raw_key_literal, wipe

BUSY_TIMEOUT_MS = 5000
# Negative cache_size is KiB: 128 MiB keeps encrypted reads near plain speed.
CACHE_KIB = 131_072
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    f"PRAGMA cache_size = -{CACHE_KIB}",
)


def _uri(path: Path) -> str:
    # mode=rw makes SQLite fail instead of creating a new (plaintext) file by mistake.
    return f"file:{path.as_posix()}?mode=rw"


def create_empty_file(path: Path) -> None:
    """An empty owner-only file, so SQLite's files inherit restrictive permissions."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def connect_raw(path: Path, key: bytes, *, create: bool = False) -> sqlcipher.Connection:
    """One keyed, verified DB-API connection. The key is set before anything else."""
    if create:
        create_empty_file(path)
    elif not path.exists():
        raise MissingDatabase
    try:
        conn = sqlcipher.connect(
            _uri(path), uri=True, check_same_thread=False, isolation_level=None
        )
    except sqlcipher.Error as exc:
        raise disk_error_at(translate(exc), path) from None
    try:
        # SQLCipher logs decryption failures to stderr by default; errors reach the
        # user as one clear sentence instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        set_raw_key(conn, key)
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise StoreError("store.no_sqlcipher")
        # The first real read proves the key: a wrong key fails here, before any write.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS:
            conn.execute(pragma)
        # Swedish alphabetical order for ORDER BY ... COLLATE sv (desktop.store.collation).
        conn.create_collation(COLLATION, compare_swedish)
        conn.create_function(KEY_FUNCTION, 1, sort_key_sql, deterministic=True)
        conn.create_function(SEARCH_FOLD_FUNCTION, 1, search_fold_sql, deterministic=True)
    except sqlcipher.Error as exc:
        conn.close()
        raise disk_error_at(translate(exc), path) from None
    except BaseException:
        conn.close()
        raise
    return conn


def set_raw_key(conn: sqlcipher.Connection, key: bytes | bytearray) -> None:
    """Key ``conn`` with the raw key (``sqlite3_key``), no SQL text holding its hex.

    ``PRAGMA key = "x'..'"`` would leave the hex in a Python str (immutable, kept in the
    connection's statement cache) and in SQLite's copy of the statement, neither of
    which can be overwritten at lock. ``set_key`` takes a buffer, which is wiped here;
    SQLCipher copies it into its codec context and clears that copy when the
    connection closes.
    """
    literal = raw_key_literal(key)
    try:
        conn.set_key(literal)
    finally:
        wipe(literal)


def rekey_raw(conn: sqlcipher.Connection, new_key: bytes | bytearray) -> None:
    """``PRAGMA rekey`` with a raw key, through ``sqlite3_rekey`` (see set_raw_key)."""
    literal = raw_key_literal(new_key)
    try:
        conn.reset_key(literal)
    finally:
        wipe(literal)


def make_engine(path: Path, key: Callable[[], bytes], *, pool_size: int = 4) -> Engine:
    """An engine whose every pooled connection is keyed raw (no per-connection KDF).

    ``key`` is asked for on each new connection, so a locked store (which raises there)
    can open none, and no closure keeps the key alive after lock.
    """
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=lambda: connect_raw(path, key()),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=False,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # pysqlite's implicit transactions are off (isolation_level=None); emit our own.
        # Writers take the lock up front so two writers never deadlock on upgrade.
        immediate = conn.get_execution_options().get("rondplan_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_MESSAGES: tuple[tuple[str, type[StoreError]], ...] = (
    ("file is not a database", NotADatabase),
    ("file is encrypted", NotADatabase),
    ("malformed", CorruptDatabase),
    ("hmac check failed", CorruptDatabase),
    ("database is locked", DatabaseLocked),
    ("database table is locked", DatabaseLocked),
    ("disk is full", DiskFull),
    ("disk i/o error", DiskError),
    ("unable to open database", MissingDatabase),
)


_DISK_CODES: dict[int, type[StoreError]] = {13: DiskFull, 10: DiskError}  # FULL, IOERR


def disk_error_at(error: BaseException, path: Path) -> BaseException:
    """A disk error next to ``path`` is reported as a full disk when there is no room
    left there: SQLite often says "disk I/O error" when the real cause is ENOSPC."""
    if isinstance(error, DiskError):
        try:
            free = shutil.disk_usage(path.parent if path.parent != Path("") else Path(".")).free
        except OSError:
            return error
        if free < _LOW_SPACE:
            return DiskFull()
    return error


# PostgreSQL's "cannot execute … in a read-only transaction" (issue 19).
_READ_ONLY_TRANSACTION = "25006"

# Below this, a disk I/O error is taken as the disk being full (a page, a WAL frame,
# the shared-memory file and the journal do not fit).
_LOW_SPACE = 1024 * 1024


def translate(exc: BaseException) -> BaseException:
    """A known storage error for ``exc`` if there is one, else ``exc`` itself (a bug)."""
    if isinstance(exc, StoreError):
        return exc
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    # The result code first: a full disk (SQLITE_FULL) or a failing one (SQLITE_IOERR and
    # its extended codes) is not a damaged database, whose advice is to restore a backup.
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _DISK_CODES:
        return _DISK_CODES[code & 0xFF]()
    if getattr(original, "sqlstate", None) == _READ_ONLY_TRANSACTION:
        # A server's standby (or a primary made read-only): psycopg's ReadOnlySqlTransaction.
        return ReadOnlyServer()
    if isinstance(original, sqlcipher.Error | sqlite3.Error | OperationalError):
        text = str(original).lower()
        for needle, error in _MESSAGES:
            if needle in text:
                return error()
    if isinstance(original, OSError) and getattr(original, "errno", None) == 28:
        return DiskFull()
    return exc


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Turn known SQLite failures inside the block into StoreErrors."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        translated = translate(exc)
        if translated is exc:
            raise
        raise translated from None


def export_encrypted(path: Path, key: bytes, dest: Path) -> None:
    """Copy the database into a new encrypted file with ``sqlcipher_export``."""
    create_empty_file(dest)
    try:
        with storage_errors():
            conn = connect_raw(path, key)
            try:
                literal = raw_key_literal(key)
                try:
                    # A blob parameter: no str holds the hex (SQLite copies the bound
                    # value into its own heap for the statement; see docs/security.md).
                    conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(dest), literal))
                finally:
                    wipe(literal)
                conn.execute("SELECT sqlcipher_export('backup')")
                conn.execute("DETACH DATABASE backup")
            finally:
                conn.close()
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
