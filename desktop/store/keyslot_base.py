"""The keyslot file's storage: loading, locked changes, atomic writes, waiting events.

The file is plain JSON without secrets in the clear, written atomically, owner-only;
every change is applied to the file as it is on disk, under the OS file lock.
``desktop.store.keyslots.KeyslotFile`` adds unlocking, signing keys and key sharing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Self

from desktop.store.errors import NotADatabase
from desktop.store.files import atomic_write_bytes, file_lock
from desktop.store.slot import Slot, key_id

FORMAT = 1
RECOVERY = "__recovery__"

_FILE_KEYS = {"format", "database_id", "data_key_id", "slots", "pending"}


class KeyslotBase:
    """Load, change and atomically save the keyslots of one database."""

    def __init__(
        self,
        path: Path,
        database_id: str,
        slots: dict[str, Slot],
        pending: list[dict[str, str]] | None = None,
    ) -> None:
        self.path = path
        self.database_id = database_id
        self.slots = slots
        # Failed logins cannot be written into the locked database; they wait here
        # (time, event, user name only) until the next unlock moves them to the audit log.
        self.pending: list[dict[str, str]] = pending or []
        # The current data key's ``key_id`` (None in files written before rotation kept it).
        self.data_key_id: str | None = None
        # Other keys of the file (e.g. written by a newer version) kept as they are.
        self._extra: dict[str, object] = {}
        self._mutex = threading.RLock()
        self._depth = 0

    @classmethod
    def new(cls, path: Path) -> Self:
        return cls(path, str(uuid.uuid4()), {})

    @classmethod
    def load(cls, path: Path) -> Self:
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT:
                raise NotADatabase
            slots = {name: Slot.from_json(raw) for name, raw in data["slots"].items()}
            pending = [
                {str(k): str(v) for k, v in event.items()} for event in data.get("pending", [])
            ]
            loaded = cls(path, str(data["database_id"]), slots, pending)
            loaded.data_key_id = data.get("data_key_id")
            loaded._extra = {k: v for k, v in data.items() if k not in _FILE_KEYS}
            return loaded
        except FileNotFoundError as exc:
            raise NotADatabase("store.keyfile_missing") from exc
        except (ValueError, KeyError, TypeError, AssertionError) as exc:
            raise NotADatabase("store.keyfile_damaged") from exc

    def save(self) -> None:
        """Write the file as it is on disk now, merged with nothing.

        Every change is already written by the method that made it (reload, merge,
        write under the file lock), so a copy held in memory is never saved over a
        newer file; this remains for callers that save after a change.
        """
        with self._change():
            pass

    def reload(self) -> None:
        """Read the file again (another instance may have changed it)."""
        with self._change(write=False):
            pass

    @contextlib.contextmanager
    def _change(self, write: bool = True) -> Iterator[None]:
        """Reload, let the caller change the fresh state, write: under the OS file lock.

        Two instances on one file (two windows, a window and the command line) never
        lose each other's updates: each change is applied to what is on disk at that
        moment, never to a copy read earlier. Re-entrant within this object: a nested
        change (the lock already held, the state already fresh) is written when it ends.
        """
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield
                    if write:
                        self._write()
                finally:
                    self._depth -= 1
                return
            with file_lock(self._lock_target()):
                self._depth = 1
                try:
                    self._reload_from_disk()
                    yield
                    if write:
                        self._write()
                finally:
                    self._depth = 0

    def _lock_target(self) -> Path:
        """The file whose lock guards this keyslot file: the database beside it.

        Not the keyslot file itself: every write replaces it, and a holder that writes
        twice (a rotation, a counted attempt) would hold the lock only on the old copy.
        The database file is changed in place, never replaced; SQLite's own locks are
        byte-range locks, independent of ``flock`` on a local disk. Without a database
        beside it (a new installation, a copy), the keyslot file itself is locked.
        """
        if self.path.name.endswith(".keys"):
            database = self.path.with_name(self.path.name[: -len(".keys")])
            if database.exists() and os.name != "nt":
                return database
        return self.path

    def hold(self) -> contextlib.AbstractContextManager[None]:
        """Keep the file locked (fresh, each change inside written at once) for a while.

        A key rotation holds it from sealing the new key to the rekey of the database,
        so no other instance sees the slots ahead of the file in between.
        """
        return self._change(write=False)

    def settle_data_key(self, key: bytes, opens: Callable[[bytes], bool]) -> None:
        """Record ``key`` as the file's data key if it is what the database opens with.

        After a rotation cut short (slots given the new key, the file not rekeyed) the
        file stays under ``key``; without this, every new slot would be refused. Checked
        again under the lock: a rotation by another instance may just have finished.
        """
        if self.data_key_id == key_id(key):
            return
        with self._change():
            if self.data_key_id not in (None, key_id(key)) and opens(key):
                self.data_key_id = key_id(key)

    def _reload_from_disk(self) -> None:
        if not self.path.exists():
            return  # a new file: the state in memory is all there is
        fresh = type(self).load(self.path)
        if fresh.database_id != self.database_id:
            raise NotADatabase("store.keyfile_other_database")
        self.slots = fresh.slots
        self.pending = fresh.pending
        self.data_key_id = fresh.data_key_id
        self._extra = fresh._extra

    def _write(self) -> None:
        payload = {
            **self._extra,
            "format": FORMAT,
            "database_id": self.database_id,
            **({"data_key_id": self.data_key_id} if self.data_key_id else {}),
            "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
            "pending": self.pending,
        }
        atomic_write_bytes(self.path, json.dumps(payload, indent=1).encode("utf-8"))

    def _aad(self, name: str, what: str) -> bytes:
        return f"rondplan:{self.database_id}:{name}:{what}".encode()

    # Bounded so a guessing script cannot grow the file without limit.
    MAX_PENDING = 1000

    def _record(self, now: dt.datetime, event: str, name: str) -> None:
        # Only names already in the file are kept: a mistyped name may be anything,
        # even a person's name, and must not be written down.
        with self._change():
            known = name if name in self.slots else ""
            if len(self.pending) < self.MAX_PENDING:
                self.pending.append({"at": now.isoformat(), "event": event, "username": known})

    def queue_event(self, now: dt.datetime, event: str, name: str) -> None:
        """Keep an audit event that could not be written (e.g. "lock") for the next unlock."""
        try:
            self._record(now, event, name)
        except OSError:
            # If even the file cannot be saved, the event still waits in memory.
            known = name if name in self.slots else ""
            self.pending.append({"at": now.isoformat(), "event": event, "username": known})

    def take_pending(self, logged: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
        """Remove events from the file (the caller has logged them); returns them.

        ``logged``: exactly those events (others may have been added meanwhile by
        another instance, and stay for the next unlock). None: every event.
        """
        with self._change():
            if logged is None:
                events, self.pending = self.pending, []
            else:
                events = [e for e in self.pending if e in logged]
                self.pending = [e for e in self.pending if e not in logged]
        return events

    def remove(self, name: str) -> None:
        with self._change():
            self.slots.pop(name, None)
