"""``rondplan users``: accounts from the command line, on the file and on a server.

For a rollout: ``users import FILE.csv`` makes every account of the file in one
command. Passwords are never given on the command line: ``add``, ``reset`` and
``import`` make temporary passwords, printed once (or written to ``-o FILE``, readable
by its owner only); each user must choose their own at the first login. The
recovery code, where one is needed, is read from ``RONDPLAN_RECOVERY_CODE``.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    command_language,
    counted,
    log_in,
    say,
)
from desktop.messages import Language, words

if TYPE_CHECKING:
    from desktop.models import Role
    from desktop.services.security.users import UserAdminService
    from desktop.store.interface import Store

RECOVERY_ENV = "RONDPLAN_RECOVERY_CODE"
# No 0/o, 1/l/i: a password read from paper or a screen is typed without guessing.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_HEADER_WORDS = {"username", "användarnamn", "anvandarnamn"}
# Accepted in the role column besides the stored values (administrator, coordinator, …).
_ROLE_WORDS = {
    "administratör": "administrator",
    "samordnare": "coordinator",
    "teamledare": "team_lead",
    "handläggare": "officer",
    "revisor": "auditor",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("users", help="användarkonton (administratör)")
    actions = parser.add_subparsers(dest="users_command", metavar="ÅTGÄRD", required=True)

    listing = actions.add_parser("list", help="lista kontona")
    _common(listing)
    listing.set_defaults(handler=run_list)

    add = actions.add_parser("add", help="skapa ett konto med ett tillfälligt lösenord")
    _common(add)
    add.add_argument("username", metavar="ANVÄNDARNAMN")
    add.add_argument("--name", required=True, metavar="NAMN", help="visningsnamn")
    add.add_argument("--role", required=True, metavar="ROLL", help="roll, t.ex. officer")
    add.add_argument("--agency", required=True, metavar="KOD", help="myndighetens kod")
    _output(add)
    add.set_defaults(handler=run_add)

    deactivate = actions.add_parser(
        "deactivate", help="stäng av ett konto (på en fil byts även nycklarna)"
    )
    _common(deactivate)
    deactivate.add_argument("username", metavar="ANVÄNDARNAMN")
    deactivate.set_defaults(handler=run_deactivate)

    reset = actions.add_parser("reset", help="nytt tillfälligt lösenord (återställningskoden)")
    _common(reset)
    reset.add_argument("username", metavar="ANVÄNDARNAMN")
    _output(reset)
    reset.set_defaults(handler=run_reset)

    imported = actions.add_parser(
        "import",
        help="skapa alla konton i en CSV-fil (allt eller inget)",
        description=(
            "CSV med kolumnerna användarnamn, visningsnamn, roll, myndighetskod (komma eller "
            "semikolon, en rubrikrad får finnas). Ingen rad skapas om någon rad är fel."
        ),
    )
    _common(imported)
    imported.add_argument("file", type=Path, metavar="FIL.csv")
    _output(imported)
    imported.set_defaults(handler=run_import)


def _common(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)
    add_user_options(parser)


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FIL",
        help="skriv de tillfälliga lösenorden till en ny fil (bara ägaren kan läsa den)",
    )


def temporary_password() -> str:
    """Four groups of five random characters (about 99 bits)."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(5)) for _ in range(4))


@dataclass(frozen=True)
class Account:
    line: int
    username: str
    display_name: str
    role: Role
    agency: str


def _services(store: Store) -> UserAdminService:
    from desktop.services.security.reauth import Reauthentication
    from desktop.services.security.users import UserAdminService

    return UserAdminService(store, Reauthentication(store))


def _open_admin(args: argparse.Namespace) -> Store:
    from desktop.services.permissions import Action, require

    store: Store = log_in(args)
    try:
        require(store.identity, Action.USER_ADMIN)
    except BaseException:
        store.lock()
        raise
    return store


def _role(text: str) -> Role | None:
    from desktop.models import Role

    word = text.strip().casefold()
    word = _ROLE_WORDS.get(word, word)
    try:
        return Role(word)
    except ValueError:
        return None


def _user_id(service: UserAdminService, username: str) -> int:
    for row in service.list_users():
        if row.username == username:
            return int(row.id)
    raise UserError("cli.no_such_account", username=username)


def _check_output(path: Path | None) -> None:
    """Before anything is made: the file for the passwords must be new and writable."""
    if path is None:
        return
    if path.exists():
        raise UserError("cli.output_exists", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("cli.folder_missing", folder=str(folder))


def _hand_out(args: argparse.Namespace, passwords: list[tuple[str, str]]) -> None:
    """The temporary passwords, once: to stdout or to a new owner-only file (``-o``)."""
    lang = command_language(args)
    lines = "".join(f"{username};{password}\n" for username, password in passwords)
    path: Path | None = args.output
    if path is None:
        say(args, "cli.temporary_passwords")
        sys.stdout.write(lines)
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(words("cli.temporary_passwords_header", {}, lang) + "\n")
        out.write(lines)
    written = counted(len(passwords), "cli.n_temporary_passwords", lang)
    say(args, "cli.temporary_passwords_written", passwords=written, path=path)


def run_list(args: argparse.Namespace) -> int:
    store = _open_admin(args)
    try:
        rows = _services(store).list_users()
    finally:
        store.lock()
    lang = command_language(args)
    for row in rows:
        state = words("cli.account_active" if row.active else "cli.account_inactive", {}, lang)
        last = row.last_login_at.strftime("%Y-%m-%d %H:%M") if row.last_login_at else "–"
        print(
            f"{row.username:28} {row.role.value:14} {row.agency_code:10} {state:9} "
            f"{last:16} {row.display_name}"
        )
    return 0


def run_add(args: argparse.Namespace) -> int:
    role = _role(args.role)
    if role is None:
        raise UserError("cli.unknown_role", role=args.role, roles=_roles())
    _check_output(args.output)
    store = _open_admin(args)
    try:
        password = temporary_password()
        _services(store).create_user(
            args.username,
            args.name,
            role,
            args.agency,
            password,
            recovery_code=os.environ.get(RECOVERY_ENV) or None,
            temporary=True,
        )
    finally:
        store.lock()
    say(args, "cli.account_created", name=args.username)
    _hand_out(args, [(args.username, password)])
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    store = _open_admin(args)
    try:
        service = _services(store)
        service.deactivate(
            _user_id(service, args.username),
            recovery_code=os.environ.get(RECOVERY_ENV) or None,
        )
        rotated = service.deactivation_rotates_keys
    finally:
        store.lock()
    done = "cli.account_deactivated" if rotated else "cli.account_deactivated_server"
    say(args, done, name=args.username)
    return 0


def run_reset(args: argparse.Namespace) -> int:
    recovery = os.environ.get(RECOVERY_ENV)
    if not recovery:
        raise UserError("cli.reset_needs_recovery", env=RECOVERY_ENV)
    _check_output(args.output)
    store = _open_admin(args)
    try:
        service = _services(store)
        password = temporary_password()
        service.reset_password(_user_id(service, args.username), password, recovery)
    finally:
        store.lock()
    say(args, "cli.password_reset", name=args.username)
    _hand_out(args, [(args.username, password)])
    return 0


def _roles() -> str:
    from desktop.models import Role

    return ", ".join(r.value for r in Role)


def read_accounts(path: Path, lang: Language = "sv") -> list[Account]:
    """The CSV's rows; every bad row is one line (in ``lang``) before the UserError raised."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("cli.not_unicode", name=path.name) from None
    delimiter = ";" if text.count(";") > text.count(",") else ","
    accounts: list[Account] = []
    problems: list[str] = []
    seen: dict[str, int] = {}

    def problem(row: int, code: str, **params: object) -> None:
        problems.append(_row_words(row, code, params, lang))

    for number, cells in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), 1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if not accounts and not problems and cells[0].casefold() in _HEADER_WORDS:
            continue
        if len(cells) != 4:
            problem(number, "cli.users_row_fields", count=len(cells))
            continue
        username, display_name, role_text, agency = cells
        role = _role(role_text)
        if role is None:
            problem(number, "cli.users_row_role", role=role_text)
            continue
        if username in seen:
            problem(number, "cli.users_row_twice", name=username, first=seen[username])
            continue
        seen[username] = number
        accounts.append(Account(number, username, display_name, role, agency))
    if problems:
        raise _problems(path, problems)
    if not accounts:
        raise UserError("cli.no_accounts", name=path.name)
    return accounts


def _row_words(row: int, code: str, params: Mapping[str, object], lang: Language) -> str:
    """``rad 3: okänd roll »kung«``: a row of the file and its problem, in ``lang``."""
    return words("cli.users_row", {"row": row, "text": words(code, params, lang)}, lang)


def _problems(path: Path, problems: list[str]) -> UserError:
    """The one error line; the bad rows go before it on standard output, as a report
    (an error is one line on stderr, issue 15)."""
    for problem in problems:
        print(f"  {problem}")
    return UserError("cli.users_rows_bad", name=path.name, count=len(problems))


def _check_accounts(
    store: Store,
    service: UserAdminService,
    accounts: list[Account],
    path: Path,
    lang: Language = "sv",
) -> None:
    """Everything create_user would refuse, for every row, before the first is made."""
    from sqlalchemy import select

    from desktop.messages import error_words
    from desktop.models import Agency
    from desktop.services.errors import ValidationError
    from desktop.services.validation import check_account_names
    from desktop.store.keyslots import RECOVERY

    taken = {row.username for row in service.list_users()} | set(store.keyslots.slots)
    with store.read_session() as session:
        agencies = set(session.scalars(select(Agency.code)))
    recovery = bool(os.environ.get(RECOVERY_ENV))
    problems = []
    for account in accounts:
        try:
            check_account_names(account.username, account.display_name)
        except ValidationError as exc:
            problems.append(
                words("cli.users_row", {"row": account.line, "text": error_words(exc, lang)}, lang)
            )
            continue
        if account.username in taken or account.username == RECOVERY:
            problems.append(
                _row_words(account.line, "cli.users_row_taken", {"name": account.username}, lang)
            )
        elif account.agency not in agencies:
            found = {"agency": account.agency}
            problems.append(_row_words(account.line, "cli.users_row_agency", found, lang))
        elif not recovery and store.compartment(account.agency) is None:
            needs = {"agency": account.agency, "env": RECOVERY_ENV}
            problems.append(_row_words(account.line, "cli.users_row_recovery", needs, lang))
    if problems:
        raise _problems(path, problems)


def run_import(args: argparse.Namespace) -> int:
    lang = command_language(args)
    accounts = read_accounts(args.file, lang)
    _check_output(args.output)
    store = _open_admin(args)
    made: list[tuple[str, str]] = []
    try:
        service = _services(store)
        _check_accounts(store, service, accounts, args.file, lang)
        recovery = os.environ.get(RECOVERY_ENV) or None
        try:
            for account in accounts:
                password = temporary_password()
                service.create_user(
                    account.username,
                    account.display_name,
                    account.role,
                    account.agency,
                    password,
                    recovery_code=recovery,
                    temporary=True,
                )
                made.append((account.username, password))
        except BaseException:
            # All or nothing: what was made is switched off again (its slot and keys go).
            _undo(service, [username for username, _ in made])
            raise
    finally:
        store.lock()
    made_words = counted(len(made), "cli.n_accounts", lang)
    say(args, "cli.users_made", accounts=made_words, name=args.file.name)
    _hand_out(args, made)
    return 0


def _undo(service: UserAdminService, usernames: list[str]) -> None:
    if not usernames:
        return
    ids = {row.username: row.id for row in service.list_users()}
    for username in usernames:
        if username in ids:
            service.deactivate(ids[username], os.environ.get(RECOVERY_ENV) or None)
