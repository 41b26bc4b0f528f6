"""One slot of the keyslot file and the keys an unlock yields (values, no file I/O).

The file that holds the slots, with its lock, merge and write, is
:mod:`desktop.store.keyslots`.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field

from desktop.store import crypto


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
    # Revocation: new compartment keys sealed to ``box_public`` (code -> newest last),
    # like ``pending`` for the data key.
    pending_compartments: dict[str, tuple[bytes, ...]] = field(default_factory=dict)
    # Every attempt is counted (``attempts``) under the file lock before the KDF runs;
    # ``checked`` is the count at the last successful unlock, authenticated by
    # ``counter_mac`` (a key only the password gives), so a lowered count is detected.
    attempts: int = 0
    checked: int = 0
    counter_mac: bytes | None = None
    # Issue 15 (signed records): the user's Ed25519 signing key (private half sealed
    # under the KEK, its AAD naming ``trust_pin``), the trust root's public key this slot
    # trusts (``trust_pin``; stripping it makes ``sign_private`` unopenable), and for
    # administrators and the recovery slot the trust root's private key sealed to
    # ``box_public``.
    sign_public: bytes | None = None
    sign_private: bytes | None = None
    trust_pin: bytes | None = None
    trust_private: bytes | None = None

    def to_json(self) -> dict[str, object]:
        return {
            **({"temporary": True} if self.temporary else {}),
            **(
                {
                    "pending_compartments": {
                        code: [_b64(b) for b in boxes]
                        for code, boxes in sorted(self.pending_compartments.items())
                    }
                }
                if self.pending_compartments
                else {}
            ),
            "attempts": self.attempts,
            "checked": self.checked,
            "counter_mac": _b64(self.counter_mac) if self.counter_mac else None,
            **{
                name: _b64(value)
                for name, value in (
                    ("sign_public", self.sign_public),
                    ("sign_private", self.sign_private),
                    ("trust_pin", self.trust_pin),
                    ("trust_private", self.trust_private),
                )
                if value
            },
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
            pending_compartments={
                str(code): tuple(_unb64(str(b)) for b in boxes)
                for code, boxes in (data.get("pending_compartments") or {}).items()  # type: ignore[attr-defined]
            },
            attempts=int(str(data.get("attempts", 0))),
            checked=int(str(data.get("checked", 0))),
            counter_mac=_unb64(str(data["counter_mac"])) if data.get("counter_mac") else None,
            **{
                name: _unb64(str(data[name]))
                for name in ("sign_public", "sign_private", "trust_pin", "trust_private")
                if data.get(name)
            },
        )


@dataclass(frozen=True)
class UnlockedKeys:
    """What a successful unlock yields. Lives only in memory, inside the store."""

    data_key: bytes
    compartments: dict[str, bytes]
    # After a key rotation the database may hold any of these (newest first in
    # ``data_key``); the opener tries them in order. Empty when nothing was rotated.
    older_data_keys: tuple[bytes, ...] = ()
    # After a compartment key rotation: the keys a compartment had before (newest
    # first), to open what an interrupted rotation left under an older key.
    older_compartments: dict[str, tuple[bytes, ...]] = field(default_factory=dict)
    # Set when the slot's authenticated failure counter did not match the file: someone
    # edited the keyslot file (reported in the audit log by the unlock that found it).
    counters_tampered: bool = False
    # Issue 15: the user's signing key, the trust root's private key (administrators
    # and the recovery code only), the trust root this slot pinned, and the slot's KEK
    # kept only until the store has pinned the trust root (then dropped).
    signing_key: bytes | None = None
    trust_key: bytes | None = None
    # Public (the trust root's public key, also kept by the store): the lock's memwipe
    # must not overwrite it.
    trust_pin: bytes | None = field(default=None, metadata={"public": True})
    slot_kek: bytes | None = None

    def candidates(self) -> tuple[bytes, ...]:
        return (self.data_key, *self.older_data_keys)


def key_id(data_key: bytes) -> str:
    """A public name for a data key (an HMAC of it), to tell keys apart in the file."""
    return crypto.subkey(data_key, "key-id")[:12].hex()
