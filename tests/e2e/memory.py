"""Reading another process's memory and unwrapping keys as an outsider would.

``scan_process`` reads every readable mapping of a (stopped-in-place) child process
through ``/proc/<pid>/maps`` and ``/proc/<pid>/mem``. ``unwrap_keys`` opens the keyslot
file with the recovery code using only argon2 and AES-GCM, not Rondplan's own code,
so the keys a test looks for are not computed by the code under test.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_MAPS = re.compile(rb"^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s*(.*)$")


def needles_for(label: str, key: bytes) -> dict[str, bytes]:
    """The key itself and its hex in lower and upper case, as ASCII and as UTF-32/16
    (a CPython str may store text in 1, 2 or 4 bytes per character)."""
    low, up = key.hex(), key.hex().upper()
    found = {f"{label} raw": key}
    for case, text in (("hex", low), ("HEX", up)):
        found[f"{label} {case}"] = text.encode("ascii")
        found[f"{label} {case} utf-16"] = text.encode("utf-16-le")
        found[f"{label} {case} utf-32"] = text.encode("utf-32-le")
    return found


def scan_process(pid: int, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Where each needle occurs in the process's readable memory (mapping names)."""
    hits: dict[str, list[str]] = {}
    maps = Path(f"/proc/{pid}/maps").read_bytes().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            match = _MAPS.match(line)
            if match is None or not match.group(3).startswith(b"r"):
                continue
            name = match.group(4).decode(errors="replace")
            if name in ("[vvar]", "[vsyscall]") or name.startswith("/usr/lib/locale"):
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except OSError:
                continue
            for label, needle in needles.items():
                if needle in data:
                    hits.setdefault(label, []).append(name or "[anon]")
    return hits


def unwrap_keys(keys_file: Path, recovery_code: str) -> tuple[bytes, dict[str, bytes]]:
    """The data key and every compartment key, from the recovery slot of ``keys_file``."""
    data = json.loads(keys_file.read_bytes())
    slot = data["slots"]["__recovery__"]
    kdf = slot["kdf"]
    kek = hash_secret_raw(
        recovery_code.encode(),
        base64.b64decode(slot["salt"]),
        time_cost=kdf["time_cost"],
        memory_cost=kdf["memory_kib"],
        parallelism=kdf["parallelism"],
        hash_len=32,
        type=Type.ID,
    )

    def open_(blob64: str, what: str) -> bytes:
        blob = base64.b64decode(blob64)
        aad = f"rondplan:{data['database_id']}:__recovery__:{what}".encode()
        return AESGCM(kek).decrypt(blob[:12], blob[12:], aad)

    data_key = open_(slot["data_key"], "data")
    comps = {code: open_(b, f"compartment:{code}") for code, b in slot["compartments"].items()}
    return data_key, comps
