"""Atomic, owner-only file writes (temp file, fsync, replace), as Electrum does."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a crash leaves either the old or the new file.

    Permissions are restricted before any data is written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # Unique per call: two threads of one process (a worker and the GUI) may write the
    # same file at once, and must not share, truncate or rename each other's temp file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def restrict_permissions(path: Path) -> None:
    """Owner read/write only, where the platform supports it."""
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive operating-system lock on the file ``path`` while it is changed.

    POSIX: ``fcntl.flock`` on the file itself. It is replaced (not rewritten) by every
    atomic write, so after the lock is granted the file is checked to still be the one
    at ``path``; if a writer replaced it meanwhile, the new one is locked instead.
    Windows cannot replace an open file, so a lock file beside it is locked there
    (``msvcrt.locking``). Either lock ends with the process: a kill -9 never leaves it
    held. A file that does not exist yet (a new database) needs no lock.
    """
    if os.name == "nt":  # pragma: no cover - Windows
        with _windows_lock(path.with_name(path.name + ".lock")):
            yield
        return
    import fcntl

    while True:
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # releases the lock on the replaced file
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def _windows_lock(lock_path: Path) -> Iterator[None]:  # pragma: no cover - Windows
    import msvcrt

    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                break
            except OSError:
                continue  # LK_LOCK gives up after 10 s; keep waiting
        try:
            yield
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    finally:
        os.close(fd)
