"""What the frozen build leaves out: the rules the spec applies to PyInstaller's lists.

PyInstaller collects every Qt plugin, every Qt translation, every Faker locale and the
shared libraries all of them pull in. Rondplan needs a fraction of that. These rules
run in ``rondplan.spec`` on ``a.binaries`` and ``a.datas`` (destination paths with
``/``), so the build itself never writes what it does not ship.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Qt plugins by folder: None keeps the whole folder, a set keeps the named plugins
# (the file name without "lib", "q" prefix variations and suffix, see _plugin_name),
# and a folder not listed is dropped.
QT_PLUGINS: dict[str, set[str] | None] = {
    # Windows, X11, Wayland; offscreen for the self-test, screenshots and CI.
    "platforms": {"qwindows", "qxcb", "qwayland", "qoffscreen", "qminimal"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},
    "wayland-graphics-integration-client": {"shm-emulation-server", "qt-plugin-wayland-egl"},
    "xcbglintegrations": None,
    # Icons are SVG; photos JPEG or PNG (PNG is built in); the Windows icon is ICO.
    "imageformats": {"qsvg", "qjpeg", "qico", "qgif"},
    "iconengines": None,
    # Printing (printed briefings, the recovery sheet, the network diagram).
    "printsupport": None,
    # Windows look and the portal's file dialogs in sandboxed Linux desktops.
    "styles": None,
    "platformthemes": {"qxdgdesktopportal"},
    # Left out: generic (evdev/tslib input for kiosks), egldeviceintegrations (eglfs),
    # networkinformation and tls (Rondplan's only Qt networking is the local socket
    # of the single-instance check), sqldrivers, multimedia and the rest.
}

# Qt translations: Rondplan loads Swedish (and English for the English UI) only.
QT_LANGUAGES = ("_sv.qm", "_en.qm")

# Faker builds the demo database with Faker("sv_SE"); providers without a Swedish
# module fall back to their default locale (en_US, en_GB for bank, la for lorem),
# and some English modules import from "en".
FAKER_LOCALES = {"sv_SE", "en_US", "en_GB", "en", "la"}

# Shared libraries the operating system provides and that must match it: the CUPS
# client talks to the local print server (Qt's CUPS plugin loads the system's copy;
# without CUPS it offers printing to PDF). Dropping it drops GnuTLS, Kerberos and
# Avahi, which only it needed.
SYSTEM_PROVIDED = ("libcups.so",)

# Sources of the translations and the helper they are extracted from; the .qm files ship.
SOURCE_ONLY_SUFFIXES = (".ts",)
SOURCE_ONLY_FILES = ("resources/translations/helper_strings.py",)


def _plugin_name(filename: str) -> str:
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_plugin(dest: str) -> bool:
    """Whether a file under ``PySide6/Qt/plugins`` (or ``PySide6/plugins``) ships."""
    parts = PurePosixPath(dest).parts
    try:
        folder = parts[parts.index("plugins") + 1]
    except (ValueError, IndexError):
        return True
    if folder not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[folder]
    return wanted is None or _plugin_name(parts[-1]) in wanted


def keep_binary(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    name = PurePosixPath(dest).name
    if dest.startswith("PySide6/") and "/plugins/" in dest:
        return keep_qt_plugin(dest)
    return not name.startswith(SYSTEM_PROVIDED)


def keep_data(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    parts = PurePosixPath(dest).parts
    if dest.startswith("PySide6/") and "translations" in parts:
        return dest.endswith(QT_LANGUAGES)
    if dest.startswith("faker/providers/") and len(parts) > 4:
        # faker/providers/<provider>/<locale>/...
        return parts[3] in FAKER_LOCALES or "." in parts[3]
    if dest.startswith("resources/"):
        return not dest.endswith(SOURCE_ONLY_SUFFIXES) and dest not in SOURCE_ONLY_FILES
    return True


def keep_module(name: str) -> bool:
    """Whether a pure-Python module goes into the archive (Faker's other locales do not)."""
    parts = name.split(".")
    if parts[:2] == ["faker", "providers"] and len(parts) > 3:
        return parts[3] in FAKER_LOCALES
    return True


def is_root(dest: str) -> bool:
    """Binaries loaded by name at run time: Python extension modules and Qt plugins."""
    dest = dest.replace("\\", "/")
    name = PurePosixPath(dest).name
    return name.endswith((".pyd", ".abi3.so")) or ".cpython-" in name or "/plugins/" in dest


def reachable(
    binaries: Iterable[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[str]],
    extra_roots: Iterable[str] = (),
) -> list[tuple[str, str, str]]:
    """The binaries that a root (or ``extra_roots``, by file name) loads, directly or not.

    ``imports_of(source_path)`` gives the names of the libraries a binary links against.
    A library that only a dropped plugin needed is left out with it.
    """
    entries = list(binaries)
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in entries:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name.lower(), entry)
    extra = {name.lower() for name in extra_roots}
    todo = [e for e in entries if is_root(e[0]) or PurePosixPath(e[0]).name.lower() in extra]
    seen = {id(e) for e in todo}
    while todo:
        entry = todo.pop()
        for name in imports_of(entry[1]):
            found = by_name.get(PurePosixPath(name.replace("\\", "/")).name.lower())
            if found is not None and id(found) not in seen:
                seen.add(id(found))
                todo.append(found)
    return [e for e in entries if id(e) in seen]


def without_dangling_links(
    datas: Iterable[tuple[str, str, str]], shipped: Iterable[str]
) -> list[tuple[str, str, str]]:
    """The data entries less the symbolic links to files that no longer ship.

    PyInstaller links every Qt library into the top folder as well; a link to a
    dropped library (Qt Quick, eglfs) would be left dangling.
    """
    targets = {dest.replace("\\", "/") for dest in shipped}
    kept = []
    for dest, source, typecode in datas:
        if typecode == "SYMLINK":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(dest), source))
            if target not in targets:
                continue
        kept.append((dest, source, typecode))
    return kept


def elf_needed(path: str) -> list[str]:
    """The libraries an ELF file links against directly (its DT_NEEDED entries).

    ``ldd`` lists dependencies transitively and through the build machine's own
    libraries, which would keep everything a dropped system library pulled in.
    """
    out = subprocess.run(
        ["readelf", "--dynamic", "--wide", path], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
