"""Where the bundled resources are: in the repository, or inside a frozen build.

PyInstaller unpacks data files under ``sys._MEIPASS``; the spec puts ``resources/``
there under the same name (packaging/rondplan.spec, ``bundled_resources``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def is_frozen() -> bool:
    return getattr(sys, "frozen", False) is True
