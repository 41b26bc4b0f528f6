"""The keyslot file beside the database: the data key wrapped once per user.

Each user slot holds the random data key (and the compartment keys of the user's
agency) wrapped with AES-256-GCM under an Argon2id key from the user's password.
One recovery slot holds every key under the recovery code printed at ``init``.
The file is plain JSON without secrets in the clear, written atomically, owner-only.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import crypto, sealed_box
from desktop.store.errors import AccountLocked, NotADatabase, WrongPassword
from desktop.store.files import atomic_write_bytes

FORMAT = 1
RECOVERY = "__recovery__"
# Failed attempts before delays start; each further failure doubles the delay.
FREE_ATTEMPTS = 5
BASE_DELAY_S = 2
MAX_DELAY_S = 15 * 60


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


@dataclass(frozen=True)
class Slot:
    salt: bytes
    kdf: crypto.KdfParams
    data_key: bytes  # sealed
    compartments: dict[str, bytes] = field(default_factory=dict)  # agency code -> sealed
    failures: int = 0
    blocked_until: dt.datetime | None = None
    # Key rotation: the slot's own X25519 key pair (private half sealed under the KEK)
    # lets anyone holding the data key seal a new data key to it ("pending", newest
    # last) without knowing the user's password.
    box_public: bytes | None = None
    box_private: bytes | None = None
    pending: tuple[bytes, ...] = ()
    # Set by an administrator's reset: the user must choose their own password at the
    # next login (the administrator knows this one).
    temporary: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            **({"temporary": True} if self.temporary else {}),
            "salt": _b64(self.salt),
            "kdf": self.kdf.as_dict(),
            "data_key": _b64(self.data_key),
            "compartments": {k: _b64(v) for k, v in sorted(self.compartments.items())},
            "failures": self.failures,
            "blocked_until": self.blocked_until.isoformat() if self.blocked_until else None,
            "box_public": _b64(self.box_public) if self.box_public else None,
            "box_private": _b64(self.box_private) if self.box_private else None,
            "pending": [_b64(p) for p in self.pending],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Slot:
        blocked = data.get("blocked_until")
        kdf = data["kdf"]
        assert isinstance(kdf, dict)
        comps = data.get("compartments") or {}
        assert isinstance(comps, dict)
        return cls(
            salt=_unb64(str(data["salt"])),
            kdf=crypto.KdfParams(**{k: int(v) for k, v in kdf.items()}),
            data_key=_unb64(str(data["data_key"])),
            compartments={str(k): _unb64(str(v)) for k, v in comps.items()},
            failures=int(str(data.get("failures", 0))),
            blocked_until=dt.datetime.fromisoformat(str(blocked)) if blocked else None,
            box_public=_unb64(str(data["box_public"])) if data.get("box_public") else None,
            box_private=_unb64(str(data["box_private"])) if data.get("box_private") else None,
            pending=tuple(_unb64(str(p)) for p in data.get("pending") or []),  # type: ignore[attr-defined]
            temporary=data.get("temporary") is True,
        )


@dataclass(frozen=True)
class UnlockedKeys:
    """What a successful unlock yields. Lives only in memory, inside the store."""

    data_key: bytes
    compartments: dict[str, bytes]
    # After a key rotation the database may hold any of these (newest first in
    # ``data_key``); the opener tries them in order. Empty when nothing was rotated.
    older_data_keys: tuple[bytes, ...] = ()

    def candidates(self) -> tuple[bytes, ...]:
        return (self.data_key, *self.older_data_keys)


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
            return cls(path, str(data["database_id"]), slots, pending)
        except FileNotFoundError as exc:
            raise NotADatabase(
                "Nyckelfilen (.keys) saknas bredvid databasen. "
                "Lägg tillbaka den eller återställ en säkerhetskopia."
            ) from exc
        except (ValueError, KeyError, TypeError, AssertionError) as exc:
            raise NotADatabase("Nyckelfilen är skadad. Återställ en säkerhetskopia.") from exc

    def save(self) -> None:
        payload = {
            "format": FORMAT,
            "database_id": self.database_id,
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
    ) -> None:
        """Create or replace the slot ``name`` wrapping ``keys`` under ``secret``.

        ``temporary``: an administrator set ``secret``; the user must replace it.
        """
        params = kdf or crypto.default_kdf()
        salt = os.urandom(16)
        kek = crypto.derive_kek(secret, salt, params)
        box = X25519PrivateKey.generate()
        self.slots[name] = Slot(
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

    def unlock(self, name: str, secret: str, now: dt.datetime | None = None) -> UnlockedKeys:
        """Unwrap the keys of slot ``name``; records failures so delays survive restarts."""
        now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        slot = self.slots.get(name)
        if slot is None:
            # Same cost as a real attempt, so a missing user name is not revealed by timing.
            crypto.derive_kek(secret, b"\0" * 16, crypto.default_kdf())
            self._record(now, "login.failed", name)
            self.save()
            raise WrongPassword
        if slot.blocked_until and slot.blocked_until > now:
            self._record(now, "login.blocked", name)
            self.save()
            raise AccountLocked(
                "För många felaktiga försök. Vänta till "
                f"{slot.blocked_until.replace(tzinfo=dt.UTC).astimezone().strftime('%H:%M:%S')}"
                " och försök igen."
            )
        kek = crypto.derive_kek(secret, slot.salt, slot.kdf)
        try:
            data_key = crypto.open_sealed(kek, slot.data_key, self._aad(name, "data"))
            compartments = {
                code: crypto.open_sealed(kek, sealed, self._aad(name, f"compartment:{code}"))
                for code, sealed in slot.compartments.items()
            }
        except crypto.UnwrapError:
            failures = slot.failures + 1
            blocked = None
            if failures >= FREE_ATTEMPTS:
                delay = min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - FREE_ATTEMPTS))
                blocked = now + dt.timedelta(seconds=delay)
            self.slots[name] = replace(slot, failures=failures, blocked_until=blocked)
            self._record(now, "login.failed", name)
            self.save()
            raise WrongPassword from None
        if slot.failures or slot.blocked_until:
            self.slots[name] = replace(slot, failures=0, blocked_until=None)
            self.save()
        if slot.pending and slot.box_private:
            private = X25519PrivateKey.from_private_bytes(
                crypto.open_sealed(kek, slot.box_private, self._aad(name, "box"))
            )
            rotated = [
                sealed_box.open_box(private, blob, self._aad(name, "pending"))
                for blob in reversed(slot.pending)
            ]
            return UnlockedKeys(rotated[0], compartments, (*rotated[1:], data_key))
        return UnlockedKeys(data_key, compartments)

    def rotate_data_key(self, new_key: bytes) -> list[str]:
        """Seal ``new_key`` to every slot's box key; returns slots that cannot take it."""
        skipped = []
        for name, slot in self.slots.items():
            if slot.box_public is None:
                skipped.append(name)
                continue
            sealed = sealed_box.seal_to(slot.box_public, new_key, self._aad(name, "pending"))
            self.slots[name] = replace(slot, pending=(*slot.pending, sealed))
        return skipped

    # Bounded so a guessing script cannot grow the file without limit.
    MAX_PENDING = 1000

    def _record(self, now: dt.datetime, event: str, name: str) -> None:
        # Only names already in the file are kept: a mistyped name may be anything,
        # even a person's name, and must not be written down.
        known = name if name in self.slots else ""
        if len(self.pending) < self.MAX_PENDING:
            self.pending.append({"at": now.isoformat(), "event": event, "username": known})

    def queue_event(self, now: dt.datetime, event: str, name: str) -> None:
        """Keep an audit event that could not be written (e.g. "lock") for the next unlock."""
        self._record(now, event, name)
        # If even the file cannot be saved, the event still waits in memory for the unlock.
        with contextlib.suppress(OSError):
            self.save()

    def take_pending(self) -> list[dict[str, str]]:
        """The recorded events, removed from the file (the caller logs them)."""
        events, self.pending = self.pending, []
        if events:
            self.save()
        return events

    def grant_compartment(self, name: str, secret: str, code: str, key: bytes) -> None:
        """Add one compartment key to slot ``name`` (the user's password is needed)."""
        slot = self.slots[name]
        kek = crypto.derive_kek(secret, slot.salt, slot.kdf)
        crypto.open_sealed(kek, slot.data_key, self._aad(name, "data"))  # verifies secret
        sealed = crypto.seal(kek, key, self._aad(name, f"compartment:{code}"))
        self.slots[name] = replace(slot, compartments={**slot.compartments, code: sealed})

    def remove(self, name: str) -> None:
        self.slots.pop(name, None)
