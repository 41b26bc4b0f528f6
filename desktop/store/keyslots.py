"""The keyslot file beside the database: the data key wrapped once per user.

Each user slot holds the random data key (and the compartment keys of the user's
agency) wrapped with AES-256-GCM under an Argon2id key from the user's password.
One recovery slot holds every key under the recovery code printed at ``init``.
The file is plain JSON without secrets in the clear, written atomically, owner-only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import crypto, sealed_box, signing
from desktop.store.errors import (
    AccountLocked,
    KeyRotated,
    NotADatabase,
    TamperedKeyfile,
    WrongPassword,
)
from desktop.store.files import atomic_write_bytes, file_lock

# Slot and UnlockedKeys live in desktop.store.slot; importers of this module keep them.
from desktop.store.slot import Slot as Slot
from desktop.store.slot import UnlockedKeys as UnlockedKeys
from desktop.store.slot import key_id

FORMAT = 1
RECOVERY = "__recovery__"
# Reserved compartment code: the key of protected-identity addresses (issue 15), held in
# ``Slot.compartments`` like an agency's key by the roles that need those addresses.
PROTECTED_ADDRESSES = "__skyddad_adress__"
# Failed attempts before delays start; each further failure doubles the delay.
FREE_ATTEMPTS = 5
BASE_DELAY_S = 2
MAX_DELAY_S = 15 * 60
# The recovery code (~120 bits) cannot be guessed online: wrong codes are counted and
# logged but never block it (six wrong codes used to lock out the right one).


_FILE_KEYS = {"format", "database_id", "data_key_id", "slots", "pending"}


def keyslot_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


class KeyslotFile:
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

    # -- persistence -----------------------------------------------------------------
    @classmethod
    def new(cls, path: Path) -> KeyslotFile:
        return cls(path, str(uuid.uuid4()), {})

    @classmethod
    def load(cls, path: Path) -> KeyslotFile:
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

    # -- wrapping --------------------------------------------------------------------
    def _aad(self, name: str, what: str) -> bytes:
        return f"rondplan:{self.database_id}:{name}:{what}".encode()

    def put(
        self,
        name: str,
        secret: str,
        keys: UnlockedKeys,
        kdf: crypto.KdfParams | None = None,
        temporary: bool = False,
        trust_root: bytes | None = None,
        trust_key: bytes | None = None,
    ) -> None:
        """Create or replace the slot ``name`` wrapping ``keys`` under ``secret``.

        ``temporary``: an administrator set ``secret``; the user must replace it.
        ``trust_root``: the installation's trust root, pinned in the new slot;
        ``trust_key``: its private half, for an administrator's or the recovery slot.
        Refused (``KeyRotated``) if ``keys`` hold a data key that another instance has
        rotated away meanwhile: the slot would open nothing.
        """
        params = kdf or crypto.default_kdf()
        salt = os.urandom(16)
        kek = crypto.derive_kek(secret, salt, params)
        box = X25519PrivateKey.generate()
        slot = Slot(
            salt=salt,
            kdf=params,
            data_key=crypto.seal(kek, keys.data_key, self._aad(name, "data")),
            compartments={
                code: crypto.seal(kek, key, self._aad(name, f"compartment:{code}"))
                for code, key in keys.compartments.items()
            },
            box_public=sealed_box.public_bytes(box),
            box_private=crypto.seal(kek, sealed_box.private_bytes(box), self._aad(name, "box")),
            temporary=temporary,
        )
        # A password change keeps the user's signing key, pin and trust root (issue 15).
        if self.signs_records:
            slot = self._with_signing_key(
                name, slot, kek, trust_root or keys.trust_pin, keys.signing_key
            )
        if self.signs_records and (trust_key or keys.trust_key) is not None:
            slot = self._with_trust(name, slot, trust_key or keys.trust_key)  # type: ignore[arg-type]
        slot = self._with_counter_mac(name, slot, kek)
        with self._change():
            current = key_id(keys.data_key)
            if self.data_key_id is None:
                self.data_key_id = current
            elif self.data_key_id != current:
                # The file names another of the caller's keys (a rotation cut short):
                # wrap that one; none of them (rotated elsewhere meanwhile): refused.
                match = [k for k in keys.candidates() if key_id(k) == self.data_key_id]
                if not match:
                    raise KeyRotated
                sealed = crypto.seal(kek, match[0], self._aad(name, "data"))
                slot = replace(slot, data_key=sealed)
            self.slots[name] = slot

    def _counter_key(self, kek: bytes) -> bytes:
        return crypto.subkey(kek, "attempt-counter")

    def _counter_mac(self, name: str, slot: Slot, kek: bytes) -> bytes:
        message = f"{self.database_id}:{name}:{slot.checked}".encode()
        return hmac.new(self._counter_key(kek), message, hashlib.sha256).digest()

    def _with_counter_mac(self, name: str, slot: Slot, kek: bytes) -> Slot:
        """The slot after a successful unlock: no failures, the count authenticated."""
        settled = replace(slot, failures=0, blocked_until=None, checked=slot.attempts)
        return replace(settled, counter_mac=self._counter_mac(name, settled, kek))

    def _counters_intact(self, name: str, slot: Slot, kek: bytes) -> bool:
        """False if the counters were edited since the last successful unlock.

        ``checked`` (the count at that unlock) is authenticated; every attempt since
        then raised both ``attempts`` and ``failures`` (this one included), so a
        lowered failure count or attempt count no longer adds up. Only an exact copy
        of the slot as it was after that unlock (a rollback) cannot be told apart.
        """
        if slot.counter_mac is None:
            return slot.checked == 0  # a slot from before counters were authenticated
        if not hmac.compare_digest(slot.counter_mac, self._counter_mac(name, slot, kek)):
            return False
        return slot.attempts - slot.checked == slot.failures and slot.failures >= 1

    def _begin_attempt(self, name: str, now: dt.datetime) -> str:
        """Count one attempt under the file lock, before the KDF runs.

        Parallel guesses from many processes are each counted, and a block set by one
        applies to all (check and count are one locked step). Returns a token that
        ``_attempt_succeeded`` uses to withdraw the provisional "login.failed" event; a
        failed (or killed) attempt keeps it. An empty token: there is no such slot (the
        attempt is logged as failed).
        """
        token = secrets.token_hex(8)
        refused_until: dt.datetime | None = None
        with self._change():
            slot = self.slots.get(name)
            if slot is None:
                self._record(now, "login.failed", name)
                return ""
            if slot.blocked_until and slot.blocked_until > now:
                # Logged and written (no exception inside the change), refused below.
                self._record(now, "login.blocked", name)
                refused_until = slot.blocked_until
            else:
                failures = slot.failures + 1
                blocked: dt.datetime | None = None
                if failures >= FREE_ATTEMPTS:
                    delay = min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - FREE_ATTEMPTS))
                    blocked = None if name == RECOVERY else now + dt.timedelta(seconds=delay)
                self.slots[name] = replace(
                    slot, failures=failures, attempts=slot.attempts + 1, blocked_until=blocked
                )
                self._record(now, "login.failed", name)
                if self.pending and self.pending[-1].get("event") == "login.failed":
                    self.pending[-1] = {**self.pending[-1], "attempt": token}
        if refused_until is not None:
            until = refused_until.replace(tzinfo=dt.UTC).astimezone()
            raise AccountLocked("store.account_locked_until", until=until.strftime("%H:%M:%S"))
        return token

    def _attempt_succeeded(self, name: str, token: str, kek: bytes, now: dt.datetime) -> bool:
        """Settle a counted attempt as a success; returns False if counters were edited."""
        with self._change():
            slot = self.slots.get(name)
            if slot is None:
                return True  # removed meanwhile by an administrator
            intact = self._counters_intact(name, slot, kek)
            self.slots[name] = self._with_counter_mac(name, slot, kek)
            self.pending = [e for e in self.pending if e.get("attempt") != token]
            if not intact:
                self._record(now, "keyslot.counters_edited", name)
        return intact

    def unlock(self, name: str, secret: str, now: dt.datetime | None = None) -> UnlockedKeys:
        """Unwrap the keys of slot ``name``; every attempt is counted, across processes."""
        now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        token = self._begin_attempt(name, now)
        slot = self.slots.get(name)
        if slot is None or not token:
            # Same cost as a real attempt, so a missing user name is not revealed by timing.
            crypto.derive_kek(secret, b"\0" * 16, crypto.default_kdf())
            raise WrongPassword
        kek = crypto.derive_kek(secret, slot.salt, slot.kdf)
        try:
            data_key = crypto.open_sealed(kek, slot.data_key, self._aad(name, "data"))
            compartments = {
                code: crypto.open_sealed(kek, sealed, self._aad(name, f"compartment:{code}"))
                for code, sealed in slot.compartments.items()
            }
        except crypto.UnwrapError:
            self._attempt_failed(name, now)
            raise WrongPassword from None
        intact = self._attempt_succeeded(name, token, kek, now)
        keys = self._open_pending(name, slot, kek, data_key, compartments)
        return self._personal(name, kek, replace(keys, counters_tampered=not intact))

    # -- signing keys and the trust root (issue 15) ----------------------------------
    # A local file's slots carry signing keys; a server's log is authenticated by the
    # server itself (desktop.store.server), whose keyslots set this False.
    signs_records = True

    def _sign_aad(self, name: str, pin: bytes | None) -> bytes:
        # The signing key's seal names the pinned trust root: removing or swapping the
        # pin in the file makes the key unopenable instead of silently trusting another.
        return self._aad(name, "sign" + (":" + pin.hex() if pin else ""))

    def _with_signing_key(
        self, name: str, slot: Slot, kek: bytes, pin: bytes | None, private: bytes | None = None
    ) -> Slot:
        private = private or signing.new_private()
        return replace(
            slot,
            sign_public=signing.public_of(private),
            sign_private=crypto.seal(kek, private, self._sign_aad(name, pin)),
            trust_pin=pin,
        )

    def _with_trust(self, name: str, slot: Slot, trust_key: bytes) -> Slot:
        if slot.box_public is None:
            return slot
        sealed = sealed_box.seal_to(slot.box_public, trust_key, self._aad(name, "trust"))
        return replace(slot, trust_private=sealed)

    def _personal(self, name: str, kek: bytes, keys: UnlockedKeys) -> UnlockedKeys:
        """Add the slot's signing key (made now if the slot has none) and trust keys."""
        slot = self.slots.get(name)
        if slot is None or not self.signs_records:
            return keys
        if slot.sign_private is None or slot.box_private is None:
            with self._change():
                fresh = self.slots.get(name)
                if fresh is not None and fresh.box_private is None:
                    box = X25519PrivateKey.generate()
                    fresh = replace(
                        fresh,
                        box_public=sealed_box.public_bytes(box),
                        box_private=crypto.seal(
                            kek, sealed_box.private_bytes(box), self._aad(name, "box")
                        ),
                    )
                if fresh is not None and fresh.sign_private is None:
                    fresh = self._with_signing_key(name, fresh, kek, None)
                if fresh is not None:
                    self.slots[name] = fresh
            slot = self.slots.get(name, slot)
        if slot.sign_private is None:
            return keys
        try:
            signing_key = crypto.open_sealed(
                kek, slot.sign_private, self._sign_aad(name, slot.trust_pin)
            )
        except crypto.UnwrapError:
            raise TamperedKeyfile() from None
        trust_key = None
        if slot.trust_private and slot.box_private:
            box_key = X25519PrivateKey.from_private_bytes(
                crypto.open_sealed(kek, slot.box_private, self._aad(name, "box"))
            )
            with contextlib.suppress(crypto.UnwrapError, ValueError):
                trust_key = sealed_box.open_box(
                    box_key, slot.trust_private, self._aad(name, "trust")
                )
        return replace(
            keys,
            signing_key=signing_key,
            trust_key=trust_key,
            trust_pin=slot.trust_pin,
            slot_kek=kek,
        )

    def pin_trust_root(self, name: str, keys: UnlockedKeys, trust_root: bytes) -> None:
        """Pin ``trust_root`` in slot ``name`` (its first unlock after the root was made)."""
        if keys.slot_kek is None or keys.signing_key is None:
            return
        with self._change():
            slot = self.slots.get(name)
            if slot is not None:
                self.slots[name] = replace(
                    slot,
                    trust_pin=trust_root,
                    sign_private=crypto.seal(
                        keys.slot_kek, keys.signing_key, self._sign_aad(name, trust_root)
                    ),
                )

    def grant_trust(self, name: str, trust_key: bytes) -> None:
        """Seal the trust root's private key to slot ``name`` (an administrator's)."""
        with self._change():
            slot = self.slots.get(name)
            if slot is not None:
                self.slots[name] = self._with_trust(name, slot, trust_key)

    def revoke_trust(self, name: str) -> None:
        """Take the trust root's private key out of slot ``name`` (no longer an admin)."""
        with self._change():
            slot = self.slots.get(name)
            if slot is not None:
                self.slots[name] = replace(slot, trust_private=None)

    def _attempt_failed(self, name: str, now: dt.datetime) -> None:
        """A wrong password: already counted and logged by ``_begin_attempt``."""

    def _open_pending(
        self,
        name: str,
        slot: Slot,
        kek: bytes,
        data_key: bytes,
        compartments: dict[str, bytes],
    ) -> UnlockedKeys:
        """Apply the keys rotated since the slot was written (sealed to its box key)."""
        if not slot.box_private or not (slot.pending or slot.pending_compartments):
            return UnlockedKeys(data_key, compartments)
        private = X25519PrivateKey.from_private_bytes(
            crypto.open_sealed(kek, slot.box_private, self._aad(name, "box"))
        )
        older_data: tuple[bytes, ...] = ()
        if slot.pending:
            rotated = [
                sealed_box.open_box(private, blob, self._aad(name, "pending"))
                for blob in reversed(slot.pending)
            ]
            data_key, older_data = rotated[0], (*rotated[1:], data_key)
        newest = dict(compartments)
        older: dict[str, tuple[bytes, ...]] = {}
        for code, boxes in slot.pending_compartments.items():
            keys = [
                sealed_box.open_box(private, blob, self._aad(name, f"pending:{code}"))
                for blob in reversed(boxes)
            ]
            previous = (compartments[code],) if code in compartments else ()
            newest[code] = keys[0]
            older[code] = (*keys[1:], *previous)
        return UnlockedKeys(data_key, newest, older_data, older)

    def rotate_data_key(self, new_key: bytes, old_key: bytes | None = None) -> list[str]:
        """Seal ``new_key`` to every slot's box key; returns slots that cannot take it.

        Applied to the file as it is on disk (under the lock), so a slot created by
        another instance a moment ago gets the new key too. ``old_key``, if given,
        must be the file's current key (``KeyRotated`` otherwise).
        """
        skipped = []
        with self._change():
            if old_key is not None and self.data_key_id not in (None, key_id(old_key)):
                raise KeyRotated
            for name, slot in self.slots.items():
                if slot.box_public is None:
                    skipped.append(name)
                    continue
                sealed = sealed_box.seal_to(slot.box_public, new_key, self._aad(name, "pending"))
                self.slots[name] = replace(slot, pending=(*slot.pending, sealed))
            self.data_key_id = key_id(new_key)
        return skipped

    def rotate_compartment(self, code: str, new_key: bytes, holders: set[str]) -> list[str]:
        """Seal a new key of compartment ``code`` to ``holders`` and the recovery slot.

        Other slots get nothing (the revoked user's slot is removed before this).
        Returns the holders that could not take it.
        """
        skipped = []
        with self._change():
            for name, slot in self.slots.items():
                if name not in holders and name != RECOVERY:
                    continue
                if slot.box_public is None:
                    skipped.append(name)
                    continue
                aad = self._aad(name, f"pending:{code}")
                sealed = sealed_box.seal_to(slot.box_public, new_key, aad)
                boxes = {**slot.pending_compartments}
                boxes[code] = (*boxes.get(code, ()), sealed)
                self.slots[name] = replace(slot, pending_compartments=boxes)
        return skipped

    def holders_of(self, code: str) -> set[str]:
        """The slots holding compartment ``code`` (the recovery slot excluded)."""
        self.reload()
        return {
            name
            for name, slot in self.slots.items()
            if name != RECOVERY and (code in slot.compartments or code in slot.pending_compartments)
        }

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

    def grant_compartment(self, name: str, secret: str, code: str, key: bytes) -> None:
        """Add one compartment key to slot ``name`` (the user's password is needed)."""
        self.reload()
        slot = self.slots[name]
        kek = crypto.derive_kek(secret, slot.salt, slot.kdf)
        crypto.open_sealed(kek, slot.data_key, self._aad(name, "data"))  # verifies secret
        sealed = crypto.seal(kek, key, self._aad(name, f"compartment:{code}"))
        with self._change():
            fresh = self.slots.get(name, slot)
            self.slots[name] = replace(fresh, compartments={**fresh.compartments, code: sealed})

    def remove(self, name: str) -> None:
        with self._change():
            self.slots.pop(name, None)

    def grant_sealed(self, names: set[str], code: str, key: bytes) -> list[str]:
        """Give compartment ``code`` to slots ``names`` without their passwords.

        The key is sealed to each slot's box key (``pending_compartments``), which its
        next unlock opens. Slots already holding ``code`` are left alone. Returns the
        names that could not take it (no slot, or no box key).
        """
        skipped = []
        with self._change():
            for name in sorted(names):
                slot = self.slots.get(name)
                if slot is None or slot.box_public is None:
                    skipped.append(name)
                    continue
                if code in slot.compartments or code in slot.pending_compartments:
                    continue
                aad = self._aad(name, f"pending:{code}")
                boxes = {**slot.pending_compartments}
                boxes[code] = (sealed_box.seal_to(slot.box_public, key, aad),)
                self.slots[name] = replace(slot, pending_compartments=boxes)
        return skipped

    def revoke_compartment(self, name: str, code: str) -> bool:
        """Take compartment ``code`` out of slot ``name``; True if it was there.

        An older copy of the keyslot file still holds it: only a rotation of the key
        (desktop.store.database.Store.rotate_compartment) makes that copy useless.
        """
        with self._change():
            slot = self.slots.get(name)
            if slot is None or not (code in slot.compartments or code in slot.pending_compartments):
                return False
            self.slots[name] = replace(
                slot,
                compartments={k: v for k, v in slot.compartments.items() if k != code},
                pending_compartments={
                    k: v for k, v in slot.pending_compartments.items() if k != code
                },
            )
        return True

    def holding(self, code: str) -> set[str]:
        """Every slot holding compartment ``code``, the recovery slot included."""
        self.reload()
        return {
            name
            for name, slot in self.slots.items()
            if code in slot.compartments or code in slot.pending_compartments
        }
