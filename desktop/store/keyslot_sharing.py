"""Sharing keys between slots: rotation, compartments given and taken, pending keys.

A key given without the holder's password is sealed to the slot's box key and opened
at its next unlock; a rotation seals the new key to every slot that should hold it.
"""

from __future__ import annotations

from dataclasses import replace

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import crypto, sealed_box
from desktop.store.errors import KeyRotated
from desktop.store.keyslot_base import RECOVERY, KeyslotBase
from desktop.store.slot import Slot, UnlockedKeys, key_id


class SharedKeys(KeyslotBase):
    """Keys sealed to slots: rotations and compartments."""

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
