"""The keyslot file beside the database: the data key wrapped once per user.

Each user slot holds the random data key (and the compartment keys of the user's
agency) wrapped with AES-256-GCM under an Argon2id key from the user's password.
One recovery slot holds every key under the recovery code printed at ``init``.
The file is plain JSON without secrets in the clear, written atomically, owner-only
(``keyslot_base``); signing keys live in ``keyslot_trust``, key sharing in
``keyslot_sharing``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import crypto, sealed_box
from desktop.store.errors import (
    AccountLocked,
    KeyRotated,
    WrongPassword,
)
from desktop.store.keyslot_base import FORMAT as FORMAT
from desktop.store.keyslot_base import RECOVERY as RECOVERY
from desktop.store.keyslot_sharing import SharedKeys
from desktop.store.keyslot_trust import TrustKeys

# Slot and UnlockedKeys live in desktop.store.slot; importers of this module keep them.
from desktop.store.slot import Slot as Slot
from desktop.store.slot import UnlockedKeys as UnlockedKeys
from desktop.store.slot import key_id

# Reserved compartment code: the key of protected-identity addresses (issue 15), held in
# ``Slot.compartments`` like an agency's key by the roles that need those addresses.
PROTECTED_ADDRESSES = "__skyddad_adress__"
# Failed attempts before delays start; each further failure doubles the delay.
FREE_ATTEMPTS = 5
BASE_DELAY_S = 2
MAX_DELAY_S = 15 * 60
# The recovery code (~120 bits) cannot be guessed online: wrong codes are counted and
# logged but never block it (six wrong codes used to lock out the right one).


def keyslot_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


class KeyslotFile(TrustKeys, SharedKeys):
    """The keyslots of one database: wrapping, counted unlocks, signing and sharing."""

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

    def _attempt_failed(self, name: str, now: dt.datetime) -> None:
        """A wrong password: already counted and logged by ``_begin_attempt``."""
