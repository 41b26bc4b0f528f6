"""The lock's memwipe: key buffers overwritten in place, public fields left alone."""

from __future__ import annotations

import os

from desktop.store.keyslots import UnlockedKeys
from desktop.store.memwipe import raw_key_literal, wipe, wipe_secrets
from tests.factories import PASSWORD, fresh_database


def test_every_secret_field_is_overwritten_and_public_ones_kept():
    data, police, older, signing, pin = (os.urandom(32) for _ in range(5))
    keys = UnlockedKeys(
        data_key=data,
        compartments={"police": police},
        older_data_keys=(older,),
        signing_key=signing,
        trust_pin=pin,
    )
    pin_copy = bytes(bytearray(pin))
    assert wipe_secrets(keys) == 4
    for buffer in (data, police, older, signing):
        assert buffer == bytes(32)  # the very objects the store held, now zeros
    assert pin == pin_copy


def test_bytearray_and_short_bytes():
    buffer = bytearray(b"secret key material")
    assert wipe(buffer) and buffer == bytearray(len(buffer))
    assert not wipe(b"ab")  # short bytes may be shared singletons: left alone


def test_raw_key_literal_is_sqlciphers_hex_form():
    key = os.urandom(32)
    assert bytes(raw_key_literal(key)) == f"x'{key.hex()}'".encode()


def test_lock_and_unlock_keep_the_pinned_trust_root(tmp_path):
    store = fresh_database(tmp_path).admin
    root = None if store.trust_root is None else bytes(bytearray(store.trust_root))
    store.lock()
    store.unlock(PASSWORD)
    assert store.trust_root == root
    store.lock()
