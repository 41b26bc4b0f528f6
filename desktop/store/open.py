"""The one way to open a store: a file's path or a server's address, not unlocked yet.

``open_store(location).unlock(username, password)`` gives the ``Store`` the services use,
whichever backend is behind it (``desktop.store.interface``). The application's login
window, the server login, the command line and the self-test all come through here.
"""

from __future__ import annotations

from pathlib import Path

from desktop.store.interface import LockedStore

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_address(location: str | Path) -> bool:
    """Whether ``location`` names a server (a ``postgresql://`` URL) rather than a file."""
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def open_store(
    location: str | Path, state_dir: Path | None = None, *, server: bool | None = None
) -> LockedStore:
    """The database at ``location``, its keyslots read, waiting for a user's login.

    A file that does not exist is refused (``MissingDatabase``); a server is not
    contacted until the login. ``server``: the location was given as a server's
    address (``--server``, the login window's server field), so one that is not a
    ``postgresql://`` URL is refused in one sentence rather than taken for a file.
    ``state_dir``: where this workstation keeps its checkpoint of a server's audit log
    (default: the user's state folder).
    """
    if server or (server is None and is_server_address(location)):
        # Imported here: psycopg is loaded only for a server.
        from desktop.store.server.store import LockedServer

        return LockedServer(str(location), state_dir)
    from desktop.store.database import LockedDatabase

    return LockedDatabase(Path(location))
