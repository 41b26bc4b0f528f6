"""What every subcommand shares: the database option, passwords, opening the store."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

PASSWORD_ENV = "RONDPLAN_PASSWORD"


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit status 1."""


def default_database_path() -> Path:
    # Imported here: every start parses the command line, few need this path.
    from platformdirs import user_data_path

    return user_data_path("Rondplan", appauthor=False) / "rondplan.db"


def add_database_option(parser: argparse.ArgumentParser, server: bool = True) -> None:
    """``--db PATH``, and ``--server URL`` where the command also works on a server."""
    where = parser.add_mutually_exclusive_group() if server else parser
    where.add_argument(
        "--db",
        type=Path,
        metavar="SÖKVÄG",
        help="databasfil (standard: rondplan.db i användarens datamapp)",
    )
    if server:
        # Its own dest: the top-level --server (rondplan --server URL stats …) is also read.
        where.add_argument(
            "--server",
            dest="command_server",
            metavar="URL",
            help="delad PostgreSQL-server i stället för lokal fil",
        )


def add_user_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAMN", help="användarnamn")
    parser.add_argument(
        "--password-stdin", action="store_true", help="läs lösenordet från standard in"
    )


def server_url(args: argparse.Namespace) -> str | None:
    """The server given before or after the command name, if any."""
    return getattr(args, "command_server", None) or getattr(args, "server", None)


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_database_path()


def read_password(args: argparse.Namespace, prompt: str = "Lösenord: ") -> str:
    """From RONDPLAN_PASSWORD, from --password-stdin, or by prompting."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
    elif os.environ.get(PASSWORD_ENV):
        password = os.environ[PASSWORD_ENV]
    elif sys.stdin.isatty():
        password = getpass.getpass(prompt)
    else:
        raise UserError(
            f"Inget lösenord angivet. Använd {PASSWORD_ENV}, --password-stdin eller en terminal."
        )
    if not password:
        raise UserError("Lösenordet är tomt.")
    return password


def open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Unlock the database file or the server as ``--user`` with the password read as above.

    The login is audited like a login in the app, and failed attempts held in the
    keyslot file reach the audit log now.
    """
    from desktop.services import protected_addresses
    from desktop.services.security.session import SessionAudit

    if not getattr(args, "user", None):
        raise UserError("Ange användare med --user NAMN.")
    url = server_url(args)
    if url:
        from desktop.store.server.store import open_server

        locked = open_server(url)
    else:
        from desktop.store.database import open_database

        locked = open_database(database_path(args))  # type: ignore[assignment]
    store = locked.unlock(args.user, read_password(args))
    try:
        if store.password_change_required:
            # An administrator knows this password: nothing is done with it but a change.
            raise UserError(
                "Lösenordet är tillfälligt. Starta programmet, logga in och välj ett eget "
                "lösenord innan du använder kommandona."
            )
        for warning in SessionAudit(store).record_login():
            # Issue 15: what the login's integrity check found (also in the audit log).
            print(warning, file=sys.stderr)
        protected_addresses.after_login(store)
    except BaseException:
        store.lock()
        raise
    return store


def iso_date(text: str):  # type: ignore[no-untyped-def]
    """An argparse type for ÅÅÅÅ-MM-DD with a Swedish message."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"»{text}« är inget datum; skriv det som ÅÅÅÅ-MM-DD"
        ) from None


def require_suffix(path: Path, allowed: tuple[str, ...], what: str) -> None:
    """Refuse an output file whose ending does not say what will be written,
    or whose folder does not exist."""
    if path.suffix.casefold() not in allowed:
        endings = " eller ".join(allowed)
        raise UserError(f"{what} måste sluta på {endings}: {path.name}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Mappen finns inte: {folder}. Skapa den eller välj en annan.")


def known_error_message(exc: BaseException) -> str | None:
    """The user's sentence for a known storage or domain error, None for a bug."""
    from desktop.services.errors import DomainError
    from desktop.store.errors import StoreError

    if isinstance(exc, StoreError | DomainError):
        return exc.user_message
    if isinstance(exc, PermissionError):
        return "Rondplan saknar behörighet till filen eller mappen. Välj en annan plats."
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return f"Filen eller mappen finns inte: {exc.filename}"
    if isinstance(exc, IsADirectoryError):
        return f"Det är en mapp, inte en fil: {exc.filename}"
    if isinstance(exc, OSError) and exc.errno == 28:
        return "Disken är full. Frigör utrymme och försök igen."
    return None
