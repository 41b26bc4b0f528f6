"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write"]


def atomic_write(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder.

    The temp file is owner-only (0o600) before any byte is written, flushed
    and fsynced, then moved over ``path`` with :func:`os.replace`, which is
    atomic on one file system; finally the folder is fsynced so the rename
    itself survives a power cut (POSIX; Windows has no directory fsync).

    Raises:
        OSError: The folder is missing, read-only or full; ``path`` is untouched.
    """
    target = Path(path)
    descriptor, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        # mkstemp already uses 0o600 on POSIX; say it anyway, before the data.
        os.chmod(temp_name, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_directory(target.parent)


def _fsync_directory(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
