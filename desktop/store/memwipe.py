"""Overwrite key material in memory when the store locks (issue 15, "keys leave memory").

Python promises nothing here: ``bytes`` and ``str`` are immutable, and neither the
object allocator nor the C library clears memory it frees. What can be done:

* ``bytearray`` (and writable buffers) are zeroed through their own buffer.
* A ``bytes`` object holding a key is overwritten in place with ``ctypes.memset`` on
  CPython's character buffer (``PyBytesObject.ob_sval``) before the store drops its
  last reference, so the freed block no longer holds the key. The offset is measured
  at import and checked against the object's contents before every write; where it
  does not match (another interpreter), nothing is written and ``wipe`` returns False.

Only objects that are *secrets owned by the store* may be passed here: overwriting a
``bytes`` object changes it for every holder of a reference. Everything in
``UnlockedKeys`` is such a secret unless its field says otherwise
(``field(metadata={"public": True})``, e.g. a pinned public key the store also keeps),
so :func:`wipe_secrets` walks it generically: new key fields added to ``UnlockedKeys``
are covered without changes here. ``str`` is never wiped generically (names and codes
may be interned and shared); the store builds no ``str`` that holds a key or its hex.
"""

from __future__ import annotations

import ctypes
import dataclasses
import sys
from collections.abc import Mapping

# PyBytesObject: ob_refcnt, ob_type, ob_size, ob_shash, then the characters.
_BYTES_DATA_OFFSET = sys.getsizeof(b"") - 1
_MIN_LENGTH = 8  # short bytes may be cached singletons shared by the interpreter


def _bytes_buffer_matches(obj: bytes) -> bool:
    if sys.implementation.name != "cpython":
        return False
    return ctypes.string_at(id(obj) + _BYTES_DATA_OFFSET, len(obj)) == obj


def wipe(obj: object) -> bool:
    """Overwrite one buffer with zeros; True if it was overwritten."""
    if isinstance(obj, bytearray):
        obj[:] = bytes(len(obj))
        return True
    if isinstance(obj, memoryview):
        if obj.readonly:
            return False
        obj.cast("B")[:] = bytes(obj.nbytes)
        return True
    if isinstance(obj, bytes):
        if len(obj) < _MIN_LENGTH or not _bytes_buffer_matches(obj):
            return False
        # The store owns this key and drops it right after; see the module docstring.
        ctypes.memset(id(obj) + _BYTES_DATA_OFFSET, 0, len(obj))
        return True
    return False


def wipe_secrets(holder: object) -> int:
    """Overwrite every key buffer reachable from ``holder``; returns how many.

    Walks dataclass fields, mapping values, tuples and lists; other objects are left
    alone (e.g. a cryptography key object, whose OpenSSL memory is cleared when freed).
    """
    seen: set[int] = set()
    count = 0
    stack: list[object] = [holder]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, bytes | bytearray | memoryview):
            count += wipe(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(
                getattr(item, f.name)
                for f in dataclasses.fields(item)
                if not f.metadata.get("public")  # public keys others may share
            )
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, tuple | list):
            stack.extend(item)
    return count


def raw_key_literal(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<hex>'`` built in a bytearray the caller wipes.

    No ``str`` (``key.hex()``, an f-string) ever holds the hex: those cannot be
    overwritten and would stay in freed memory after the lock.
    """
    digits = b"0123456789abcdef"
    out = bytearray(len(key) * 2 + 3)
    out[0:2] = b"x'"
    for i, byte in enumerate(key):
        out[2 + 2 * i] = digits[byte >> 4]
        out[3 + 2 * i] = digits[byte & 15]
    out[-1] = ord("'")
    return out
