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


def log_in(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Unlock the database file or the server as ``--user`` with the password read as above.

    The login is audited like a login in the app, and failed attempts held in the
    keyslot file reach the audit log now.
    """
    from desktop.services import protected_addresses
    from desktop.services.security.session import SessionAudit

    if not getattr(args, "user", None):
        raise UserError("Ange användare med --user NAMN.")
    from desktop.store.open import open_store

    url = server_url(args)
    locked = open_store(url, server=True) if url else open_store(database_path(args))
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


# Dates on the command line: far enough for any plan or statistic, near enough
# that month and year arithmetic never leaves what datetime and SQLite can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2199
# SQLite's (and PostgreSQL's bigint) largest integer: ids above it match nothing.
MAX_ID = 2**63 - 1


def _shown(text: str, limit: int = 40) -> str:
    """An argument inside a message, cut so the message stays one short line."""
    return text if len(text) <= limit else text[:limit] + "…"


def iso_date(text: str):  # type: ignore[no-untyped-def]
    """An argparse type for ÅÅÅÅ-MM-DD with a Swedish message, years 1900-2199."""
    import datetime as dt

    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"»{_shown(text)}« är inget datum; skriv det som ÅÅÅÅ-MM-DD"
        ) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"»{text}« ligger utanför åren {FIRST_YEAR}–{LAST_YEAR}")
    return value


def record_id(text: str) -> int:
    """An argparse type for an id: a whole number from 1 that SQLite can store."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"»{_shown(text)}« är inget id (ett heltal)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"»{_shown(text)}« är inget giltigt id (från 1)")
    return value


def int_between(low: int, high: int):  # type: ignore[no-untyped-def]
    """An argparse type for a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"»{_shown(text)}« är inget heltal") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"»{_shown(text)}« ligger utanför {low:_}–{high:_}".replace("_", " ")
            )
        return value

    parse.__name__ = "heltal"
    return parse


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
        return f"Filen eller mappen finns inte: {_shown(str(exc.filename), 60)}"
    if isinstance(exc, IsADirectoryError):
        return f"Det är en mapp, inte en fil: {_shown(str(exc.filename), 60)}"
    if isinstance(exc, OSError) and exc.errno is not None:
        return _os_error_message(exc)
    if isinstance(exc, OverflowError):
        # A number past what SQLite stores (an id typed as 2**64) reaching a query.
        return "Ett tal i kommandot är för stort."
    return None


def _os_error_message(exc: OSError) -> str:
    """A file the user named could not be used: one line, the name cut short."""
    import errno

    name = _shown(str(exc.filename), 60) if exc.filename is not None else "filen"
    if exc.errno == errno.ENOSPC:
        return "Disken är full. Frigör utrymme och försök igen."
    if exc.errno == errno.ENAMETOOLONG:
        return f"Filnamnet är för långt: {name}. Välj ett kortare namn."
    if exc.errno == errno.EROFS:
        return f"Platsen är skrivskyddad: {name}. Välj en annan plats."
    if exc.errno == errno.EDQUOT:
        return "Din diskkvot är slut. Frigör utrymme och försök igen."
    if exc.errno == errno.EIO:
        return f"Disken kunde inte läsa eller skriva {name} (I/O-fel). Kontrollera disken."
    if exc.errno == errno.EEXIST:
        return f"Filen finns redan: {name}. Välj ett annat namn."
    return f"Filen eller mappen {name} kunde inte användas ({exc.strerror or 'okänt fel'})."
