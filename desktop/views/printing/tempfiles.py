"""The per-user folder where PDFs wait for preview: owner-only, emptied after use.

PDFs of a briefing hold secret data, so they live only in the user's own cache folder
(``user_cache_path("Rondplan")/print``), created owner-only; each file is removed
when its preview closes, everything at exit, and leftovers of a crash at the next start.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
from pathlib import Path

from platformdirs import user_cache_path


def default_print_folder() -> Path:
    return user_cache_path("Rondplan", appauthor=False) / "print"


class PrintFolder:
    """Owner-only temporary PDFs; ``prepare`` once, ``new_path`` per print."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_print_folder()
        self._prepared = False

    def prepare(self) -> Path:
        """Create the folder owner-only, remove stale files, clean up again at exit."""
        if not self._prepared:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(OSError):  # chmod is a no-op on Windows
                os.chmod(self.folder, 0o700)
            self.clear()
            atexit.register(self.clear)
            self._prepared = True
        return self.folder

    def new_path(self, prefix: str = "utskrift") -> Path:
        """A new, empty, owner-only file name in the folder."""
        folder = self.prepare()
        while True:
            path = folder / f"{prefix}-{secrets.token_hex(6)}.pdf"
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                continue
            os.close(fd)
            return path

    def remove(self, path: Path) -> None:
        """Remove one file (its partial sibling too); missing files are fine."""
        for candidate in (path, path.with_name(path.name + ".part")):
            with contextlib.suppress(FileNotFoundError, PermissionError):
                candidate.unlink()

    def clear(self) -> None:
        """Remove every file in the folder (a file still open elsewhere is left)."""
        if not self.folder.is_dir():
            return
        for child in self.folder.iterdir():
            if child.is_file():
                with contextlib.suppress(OSError):
                    child.unlink()
