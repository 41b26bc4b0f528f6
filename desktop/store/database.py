"""The encrypted file: unlock it, and what only a file can do.

``open_database`` reads the keyslots of an existing file and ``LockedDatabase.unlock``
turns a user name and password into an unlocked ``LocalStore``: the common store
(``desktop.store.unlocked``) on SQLCipher, with the file's own capabilities
(``desktop.store.interface.FileStore``): key rotation, encrypted backup, compaction.
A new file is made by ``desktop.store.creation.create_database``.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from desktop.models import Setting, User
from desktop.store import crypto, migrate
from desktop.store.audit_chain import checkpoint_path
from desktop.store.engine import (
    connect_raw,
    export_encrypted,
    make_engine,
    rekey_raw,
    storage_errors,
)
from desktop.store.errors import (
    AlreadyExists,
    MissingDatabase,
    NewerDatabase,
    NotADatabase,
    WrongPassword,
)
from desktop.store.files import restrict_permissions
from desktop.store.interface import Identity, StoreSql
from desktop.store.keyslots import RECOVERY, KeyslotFile, UnlockedKeys, keyslot_path
from desktop.store.opening_checks import AUDIT_KEY, attested, opens
from desktop.store.sql import FILE_SQL
from desktop.store.unlocked import UnlockedStore

DATABASE_ID = "database_id"


class LocalStore(UnlockedStore):
    """An unlocked encrypted file (``desktop.store.interface.FileStore``)."""

    sql: StoreSql = FILE_SQL

    def _make_engine(self) -> Engine:
        return make_engine(self.path, lambda: self._keys().data_key)

    def rotate_data_key(self) -> list[str]:
        """Rekey the file with a new random data key (``PRAGMA rekey``).

        Every slot first gets the new key sealed to its own public key, so each user's
        next unlock picks it up without anyone knowing their password; then the file is
        rekeyed. Returns the names of slots that could not take it (none normally).
        """
        keys = self._keys()
        new = crypto.new_key()
        audit_key = self._audit_key(keys.data_key)
        with self.keyslots.hold():
            skipped = self._rotate_holding(keys, new, audit_key)
        self._replace_keys(replace(keys, data_key=new, older_data_keys=()))
        self._fingerprint = crypto.subkey(new, "fingerprint")
        return skipped

    def _rotate_holding(self, keys: UnlockedKeys, new: bytes, audit_key: bytes) -> list[str]:
        """The rotation's steps, with the keyslot file locked throughout."""
        # Refused (KeyRotated) if another instance rotated first: this key is stale.
        # The slots get the new key before anything uses it (a kill after this step
        # leaves the file under the old key, which every slot still opens).
        skipped = self.keyslots.rotate_data_key(new, keys.data_key)
        with Session(self.engine) as session, session.begin():
            value = ",".join(
                base64.b64encode(
                    crypto.seal(crypto.subkey(key, "audit-wrap"), audit_key, b"audit-key")
                ).decode("ascii")
                for key in (new, keys.data_key)
            )
            row = session.get(Setting, AUDIT_KEY)
            if row is None:
                session.add(Setting(key=AUDIT_KEY, value=value))
            else:
                row.value = value
        self.engine.dispose()
        with storage_errors():
            conn = connect_raw(self.path, keys.data_key)
            try:
                rekey_raw(conn, new)
            finally:
                conn.close()
        return skipped

    def backup_to(self, dest: Path) -> None:
        """An encrypted copy (never a raw copy of the live file) plus its keyslots."""
        keys = self._keys()
        if dest.exists():
            raise AlreadyExists("backup.exists")
        dest.parent.mkdir(parents=True, exist_ok=True)
        export_encrypted(self.path, keys.data_key, dest)
        _copy_private(self.keyslots.path, keyslot_path(dest))
        with contextlib.suppress(FileNotFoundError):
            _copy_private(self.checkpoint_path, checkpoint_path(dest))

    def checkpoint_wal(self) -> None:
        """Move the WAL into the file without waiting for (or blocking) anyone."""
        with storage_errors(), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def compact(self) -> None:
        """Rebuild the file and empty the WAL so deleted rows leave no trace."""
        with storage_errors(), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_findings(self, check: str) -> list[str]:
        """What ``check`` ("integrity": the structure; "cipher": each page's HMAC) found,
        one row each: "ok" or nothing when sound (SQLite's own English words)."""
        pragma = {"integrity": "integrity_check", "cipher": "cipher_integrity_check"}[check]
        with storage_errors(), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            return [str(r[0]) for r in raw.execute(f"PRAGMA {pragma}").fetchall()]


class LockedDatabase:
    """A database whose keyslots are read but whose data key is not yet unwrapped."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise MissingDatabase
        self.path = path
        self.keyslots = KeyslotFile.load(keyslot_path(path))

    def unlock(self, username: str, password: str) -> LocalStore:
        keys = self.keyslots.unlock(username, password)
        return self._open(keys, username)

    def unlock_with_recovery(self, code: str) -> UnlockedKeys:
        """All keys, for an administrator's password reset."""
        return self.keyslots.unlock(RECOVERY, crypto.normalise_recovery_code(code))

    def _open(self, keys: UnlockedKeys, username: str) -> LocalStore:
        # After a key rotation the newest key is tried first; an interrupted rotation
        # (slots updated, file not yet rekeyed) falls back to the older key.
        *newer, oldest = keys.candidates()
        for candidate in newer:
            try:
                return self._open_with(_only(keys, candidate), username)
            except NotADatabase:
                continue
        store = self._open_with(_only(keys, oldest), username)
        # A rotation cut short: the slots named a key the file never got.
        self.keyslots.settle_data_key(oldest, lambda k: opens(self.path, k))
        return store

    def _open_with(self, keys: UnlockedKeys, username: str) -> LocalStore:
        engine = make_engine(self.path, lambda: keys.data_key, pool_size=1)
        try:
            with storage_errors():
                _upgrade_if_needed(self.path, engine, keys)
                with Session(engine) as session:
                    stored_id = session.get(Setting, DATABASE_ID)
                    if stored_id is None or stored_id.value != self.keyslots.database_id:
                        raise NotADatabase
                    user = session.scalars(
                        select(User).where(User.username == username)
                    ).one_or_none()
                    if user is None or not user.active:
                        raise WrongPassword("store.account_unknown")
                    identity = Identity(
                        user.id,
                        user.username,
                        user.display_name,
                        user.role,
                        user.agency_id,
                        user.agency.code,
                        user.agency.name,
                    )
                    identity, problem = attested(session, self.keyslots, keys, user, identity)
        finally:
            engine.dispose()
        store = LocalStore(self.path, self.keyslots, keys, identity)
        store.integrity_problem = problem
        if store.trust_root is None and identity.attestation is not None and not problem:
            store.trust_root = identity.attestation.root  # pinned by this unlock
        return store


def _only(keys: UnlockedKeys, data_key: bytes) -> UnlockedKeys:
    """``keys`` with ``data_key`` (the one that opened the file) and no other data key."""
    return replace(keys, data_key=data_key, older_data_keys=())


def _upgrade_if_needed(path: Path, engine: Engine, keys: UnlockedKeys) -> None:
    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current == head:
        return
    if current is not None and current not in migrate.known_revisions():
        raise NewerDatabase
    if current is not None:
        # Backup first (beets): an encrypted copy named after the revision it holds.
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = path.with_name(f"{path.stem}.före-{current}-{stamp}{path.suffix}")
        export_encrypted(path, keys.data_key, dest)
        _copy_private(keyslot_path(path), keyslot_path(dest))
    migrate.upgrade(engine)


def _copy_private(src: Path, dest: Path) -> None:
    shutil.copyfile(src, dest)
    restrict_permissions(dest)


def open_database(path: Path) -> LockedDatabase:
    return LockedDatabase(path)
