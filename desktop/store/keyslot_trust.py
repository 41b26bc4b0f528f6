"""Signing keys and the trust root in a keyslot file (issue 15).

Each slot of a local file carries the user's signing key, sealed under the password and
bound to the pinned trust root; an administrator's slot also holds the trust root's
private key, sealed to the slot's box key.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import crypto, sealed_box, signing
from desktop.store.errors import TamperedKeyfile
from desktop.store.keyslot_base import KeyslotBase
from desktop.store.slot import Slot, UnlockedKeys


class TrustKeys(KeyslotBase):
    """The signing key and trust keys of each slot."""

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
