"""What every subcommand shares: the database option, passwords, opening the store."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desktop.messages import Language, error_words, language, words
from desktop.messages import counted as counted
from desktop.services.errors import CodedError

PASSWORD_ENV = "RONDPLAN_PASSWORD"


class UserError(CodedError):
    """A mistake the user can fix: a code (``desktop/messages/cli.py``) printed as one line
    in the language of ``--lang``, exit status 1."""

    code = "cli.error"


class ArgumentWordsError(argparse.ArgumentTypeError):
    """A value argparse refuses, as a code: the parser words it in its language."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


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


def command_language(args: argparse.Namespace) -> Language:
    """The language of ``--lang`` (Swedish by default)."""
    return language(getattr(args, "lang", None))


def say(args: argparse.Namespace, code: str, /, **params: object) -> None:
    """One line of the command's report on standard output, in the language of ``--lang``
    (the words in ``desktop/messages/cli_report.py``)."""
    print(words(code, params, command_language(args)))


def read_password(args: argparse.Namespace, prompt: str = "cli.prompt_password") -> str:
    """From RONDPLAN_PASSWORD, from --password-stdin, or by prompting (``prompt`` is a
    code, worded in the language of ``--lang``)."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
    elif os.environ.get(PASSWORD_ENV):
        password = os.environ[PASSWORD_ENV]
    elif sys.stdin.isatty():
        password = getpass.getpass(words(prompt, {}, command_language(args)))
    else:
        raise UserError("cli.no_password", env=PASSWORD_ENV)
    if not password:
        raise UserError("cli.empty_password")
    return password


def log_in(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Unlock the database file or the server as ``--user`` with the password read as above.

    The login is audited like a login in the app, and failed attempts held in the
    keyslot file reach the audit log now.
    """
    from desktop.services import protected_addresses
    from desktop.services.security.session import SessionAudit

    if not getattr(args, "user", None):
        raise UserError("cli.user_missing")
    from desktop.store.open import open_store

    url = server_url(args)
    locked = open_store(url, server=True) if url else open_store(database_path(args))
    store = locked.unlock(args.user, read_password(args))
    try:
        if store.password_change_required:
            # An administrator knows this password: nothing is done with it but a change.
            raise UserError("cli.temporary_password")
        lang = command_language(args)
        # Kept for the commands that report them (check, audit verify) as codes.
        args.login_findings = SessionAudit(store).record_login()
        for finding in args.login_findings:
            # Issue 15: what the login's integrity check found (also in the audit log).
            found = words(finding.code, finding.params, lang)
            print(words("chain.alarm", {"finding": found}, lang), file=sys.stderr)
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
        raise ArgumentWordsError("cli.not_a_date", text=_shown(text)) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ArgumentWordsError(
            "cli.year_out_of_range", text=text, first=FIRST_YEAR, last=LAST_YEAR
        )
    return value


def record_id(text: str) -> int:
    """An argparse type for an id: a whole number from 1 that SQLite can store."""
    try:
        value = int(text)
    except ValueError:
        raise ArgumentWordsError("cli.not_an_id", text=_shown(text)) from None
    if not 1 <= value <= MAX_ID:
        raise ArgumentWordsError("cli.id_out_of_range", text=_shown(text))
    return value


def int_between(low: int, high: int):  # type: ignore[no-untyped-def]
    """An argparse type for a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise ArgumentWordsError("cli.not_an_integer", text=_shown(text)) from None
        if not low <= value <= high:
            raise ArgumentWordsError(
                "cli.integer_out_of_range", text=_shown(text), low=low, high=high
            )
        return value

    parse.__name__ = "heltal"
    return parse


def require_suffix(path: Path, allowed: tuple[str, ...]) -> None:
    """Refuse an output file whose ending does not say what will be written,
    or whose folder does not exist."""
    if path.suffix.casefold() not in allowed:
        raise UserError("cli.wrong_suffix", endings=", ".join(allowed), name=path.name)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("cli.folder_missing", folder=str(folder))


def known_error_message(exc: BaseException, lang: Language = "sv") -> str | None:
    """The user's sentence for a known storage, domain or file error, None for a bug."""
    from desktop.services.errors import DomainError
    from desktop.store.errors import StoreError

    if isinstance(exc, StoreError | DomainError):
        return error_words(exc, lang)
    code, params = _os_error_code(exc)
    return None if code is None else words(code, params, lang)


def _os_error_code(exc: BaseException) -> tuple[str | None, dict[str, object]]:
    """The code for a file the user named that could not be used (the name cut short)."""
    import errno

    if isinstance(exc, PermissionError):
        return "cli.no_file_permission", {}
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return "cli.file_missing", {"name": _shown(str(exc.filename), 60)}
    if isinstance(exc, IsADirectoryError):
        return "cli.is_a_folder", {"name": _shown(str(exc.filename), 60)}
    if isinstance(exc, OverflowError):
        # A number past what SQLite stores (an id typed as 2**64) reaching a query.
        return "cli.number_too_large", {}
    if not isinstance(exc, OSError) or exc.errno is None:
        return None, {}
    name: dict[str, object] = {
        "name": _shown(str(exc.filename), 60) if exc.filename is not None else "–"
    }
    by_errno: dict[int, tuple[str, dict[str, object]]] = {
        errno.ENOSPC: ("cli.disk_full", {}),
        errno.ENAMETOOLONG: ("cli.name_too_long", name),
        errno.EROFS: ("cli.read_only_place", name),
        errno.EDQUOT: ("cli.quota_exceeded", {}),
        errno.EIO: ("cli.io_error", name),
        errno.EEXIST: ("cli.file_exists", name),
    }
    code, params = by_errno.get(
        exc.errno, ("cli.file_unusable", {**name, "reason": exc.strerror or "?"})
    )
    return code, params
