"""Before the first window: can Qt open one on this machine? One sentence if not.

Qt aborts the process (a core dump) when its platform plugin cannot be loaded, and its
hint names the plugin, not the system library that is missing (issue 18: a stock Debian
lacked ``libxcb-icccm4``). The dynamic loader itself says which library it could not
load, so the check loads the platform plugin once, before Qt does, and turns a failure
into one sentence that names the library and the Debian package that holds it.
No Qt is imported here.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path

# Libraries Qt's xcb platform plugin needs that a minimal desktop may lack, and the
# Debian/Ubuntu packages that hold them.
DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

_WORDS = {
    "sv": {
        "library": (
            "Rondplan kan inte öppna något fönster: systembiblioteket {library} saknas "
            "eller går inte att läsa. Installera det{package} och starta igen "
            "(se Systemkrav i README)."
        ),
        "package": " (Debian/Ubuntu: sudo apt-get install {package})",
        "display": (
            "Rondplan hittar ingen skärm att visa fönstret på (DISPLAY och "
            "WAYLAND_DISPLAY saknas). Starta från skrivbordet, eller använd "
            "kommandona (rondplan --help)."
        ),
    },
    "en": {
        "library": (
            "Rondplan cannot open a window: the system library {library} is missing "
            "or cannot be read. Install it{package} and start again "
            "(see System requirements in the README)."
        ),
        "package": " (Debian/Ubuntu: sudo apt-get install {package})",
        "display": (
            "Rondplan finds no screen to show its window on (DISPLAY and WAYLAND_DISPLAY "
            "are not set). Start it from the desktop, or use the commands "
            "(rondplan --help)."
        ),
    },
}

_LOADER_ERROR = re.compile(r"([^\s:]+\.so(?:\.[0-9]+)*)\s*:")


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_library(plugin: Path | None = None) -> str | None:
    """The first library the xcb platform plugin cannot load, None if it loads."""
    plugin = plugin or _xcb_plugin()
    if plugin is None:
        return None
    try:
        # The same loader, the same search path as Qt's own load a moment later.
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        found = _LOADER_ERROR.search(str(error))
        return Path(found.group(1)).name if found else plugin.name
    return None


def gui_problem(lang: str | None = None) -> str | None:
    """One sentence on why no window can open here, or None.

    Only on Linux with the xcb platform (the default there): other platforms and
    ``QT_QPA_PLATFORM=offscreen`` need no X libraries.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return None  # Qt chooses its Wayland plugin, which needs none of the X libraries
    words = _WORDS["en" if lang == "en" else "sv"]
    library = missing_library()
    if library is not None:
        package = DEBIAN_PACKAGES.get(library)
        hint = words["package"].format(package=package) if package else ""
        return words["library"].format(library=library, package=hint)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return words["display"]
    return None
