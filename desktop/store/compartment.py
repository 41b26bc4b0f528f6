"""One agency's compartment key at work: its text sealed and opened."""

from __future__ import annotations

from desktop.store import crypto, sealed_box


class CompartmentCipher:
    """Encrypts and decrypts one agency's text with that agency's compartment key."""

    def __init__(self, agency_code: str, key: bytes, older: tuple[bytes, ...] = ()) -> None:
        self.agency_code = agency_code
        self.__key = key
        # Keys the compartment had before a rotation: text an interrupted rotation left
        # under one of them still opens (and is written again under the newest key).
        self.__older = older

    def encrypt(self, text: str, context: str = "") -> bytes:
        return crypto.seal(self.__key, text.encode("utf-8"), self._aad(context))

    def decrypt(self, blob: bytes, context: str = "") -> str:
        for key in (self.__key, *self.__older):
            try:
                return crypto.open_sealed(key, blob, self._aad(context)).decode("utf-8")
            except crypto.UnwrapError:
                continue
        raise crypto.UnwrapError

    def _aad(self, context: str) -> bytes:
        return f"compartment:{self.agency_code}:{context}".encode()

    def public_key(self) -> bytes:
        """The agency's X25519 public key, which others use to seal text to it."""
        return sealed_box.public_bytes(sealed_box.private_key_from(self.__key))

    def open_box(self, blob: bytes, context: str = "") -> str:
        """Decrypt text sealed to this agency's public key (a disclosure's copy)."""
        for key in (self.__key, *self.__older):
            private = sealed_box.private_key_from(key)
            try:
                return sealed_box.open_box(private, blob, self._aad(context)).decode("utf-8")
            except crypto.UnwrapError:
                continue
        raise crypto.UnwrapError
