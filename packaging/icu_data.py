"""A smaller ICU data library for the Linux bundle (packaging/rondplan.spec).

PySide6's Linux wheel links Qt Core against ICU 73, whose data library holds every
locale of the world in 31 MB. Qt Core asks ICU only for case mapping, time-zone names
and IDs, text codecs and collation (``objdump -T libQt6Core.so.6 | grep _73``), and
Rondplan's UI is Swedish or English, its sorting done in Python. This module rewrites
ICU's common data package keeping the items those calls can load for the locales
Rondplan shows (root, Swedish, English), then links it into a new ``libicudata.so.73``
with the same SONAME and exported symbol, using binutils (``ld``, ``objcopy``), which
PyInstaller needs on Linux anyway.

Format of the package (ICU's ucmndata.h): a data header whose data format is
``CmnD``, then a table of contents, ``count`` followed by ``count`` pairs of
(name offset, data offset) relative to the table's start, sorted by name; the names;
then the items, each a complete ICU data file aligned to 16 bytes.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

# Locale files of these languages stay (with root, the parent of every locale).
KEPT_LANGUAGES = ("sv", "en")
# A locale file's name: a language, then optional script, region and variant.
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
# Every tree's index of its locales has a name of that shape too.
_NOT_LOCALES = {"res_index"}
# Trees and items no Qt Core call reaches: break-iterator rules and dictionaries
# (Qt breaks text itself), transliteration, rule-based number spelling, Unicode
# character names and the spoofing checker's tables.
_DROPPED_TREES = ("brkitr/", "translit/", "rbnf/")
_DROPPED_ITEMS = ("unames.icu", "confusables.cfu")
# Converters of single-byte code pages (Windows, ISO 8859, DOS, Mac) are 2-4 kB and
# stay; the East Asian multi-byte tables are 30-530 kB each and go.
_LARGEST_CONVERTER = 16 * 1024


def keep_item(name: str, size: int) -> bool:
    """Whether an item ("icudt73l/coll/sv.res") stays in the package."""
    path = name.split("/", 1)[1] if "/" in name else name
    if path.startswith(_DROPPED_TREES) or path in _DROPPED_ITEMS:
        return False
    base = path.rsplit("/", 1)[-1]
    stem, _, suffix = base.rpartition(".")
    if suffix == "cnv":
        return size <= _LARGEST_CONVERTER
    if suffix == "res" and _LOCALE.match(stem) and stem not in _NOT_LOCALES:
        return stem.split("_", 1)[0] in KEPT_LANGUAGES
    return True


def read_package(blob: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The header and the items of a common data package, by name."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items: dict[str, bytes] = {}
    for i, (name_offset, data_offset) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        name_start = toc + name_offset
        name = blob[name_start : blob.index(b"\0", name_start)].decode("ascii")
        items[name] = blob[toc + data_offset : toc + end]
    return blob[:header_size], items


def write_package(header: bytes, items: dict[str, bytes]) -> bytes:
    names = sorted(items)
    table_size = 4 + 8 * len(names)
    name_bytes = b"".join(n.encode("ascii") + b"\0" for n in names)
    offset = table_size + len(name_bytes)
    offset += -offset % 16
    start = offset
    table = [struct.pack("<I", len(names))]
    name_offset = table_size
    body = bytearray()
    for n in names:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(n) + 1
        body += items[n]
        body += b"\0" * (-len(body) % 16)
        offset = start + len(body)
    toc = b"".join(table) + name_bytes
    toc += b"\0" * (start - len(toc))
    return header + toc + bytes(body)


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size (from ``readelf``)."""
    symbols = subprocess.run(
        ["readelf", "--dyn-syms", "--wide", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(
        r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)",
        symbols,
    )
    if match is None:
        raise ValueError(f"no icudt*_dat symbol in {library}")
    address, size, name = int(match[1], 16), int(match[2], 0), match[3]
    sections = subprocess.run(
        ["readelf", "--section-headers", "--wide", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in sections.splitlines():
        fields = re.match(
            r"\s*\[\s*\d+\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line
        )
        if fields:
            start, offset, length = (int(f, 16) for f in fields.groups())
            if start <= address < start + length:
                return name, offset + address - start, size
    raise ValueError(f"{name} lies in no section of {library}")


def build_library(library: Path, out_dir: Path) -> Path:
    """Write a reduced copy of ``library`` (libicudata.so.NN) into ``out_dir``."""
    symbol, offset, size = _symbol(library)
    blob = library.read_bytes()[offset : offset + size]
    header, items = read_package(blob)
    kept = {name: data for name, data in items.items() if keep_item(name, len(data))}
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / library.name
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "icudata.bin"
        data.write_bytes(write_package(header, kept))
        obj = Path(tmp) / "icudata.o"
        # ld names the blob's start after the file's path; run it in the folder.
        subprocess.run(["ld", "-r", "-b", "binary", "-o", obj.name, data.name], cwd=tmp, check=True)
        subprocess.run(
            [
                "objcopy",
                "--rename-section",
                ".data=.rodata,alloc,load,readonly,data,contents",
                "--set-section-alignment",
                ".rodata=16",
                str(obj),
            ],
            check=True,
        )
        subprocess.run(
            [
                "ld",
                "-shared",
                "-soname",
                library.name,
                f"--defsym={symbol}=_binary_icudata_bin_start",
                "-o",
                str(target),
                str(obj),
            ],
            check=True,
        )
    return target
