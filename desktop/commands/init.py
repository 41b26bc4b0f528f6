"""``rondplan init``: a new encrypted database and its first administrator."""

from __future__ import annotations

import argparse

from desktop.commands.common import (
    UserError,
    add_database_option,
    database_path,
    read_password,
    say,
)

MIN_PASSWORD = 12


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("init", help="skapa en ny krypterad databas och en administratör")
    add_database_option(parser, server=False)
    parser.add_argument("--admin", required=True, metavar="NAMN", help="administratörens namn")
    parser.add_argument("--display-name", metavar="TEXT", help="namn som visas")
    parser.add_argument(
        "--agency",
        choices=("police", "social", "probation"),
        default="social",
        help="administratörens myndighet",
    )
    parser.add_argument("--password-stdin", action="store_true")
    parser.add_argument(
        "--server",
        dest="init_server",
        metavar="URL",
        help="förbered en tom PostgreSQL-databas (ägarens adress) i stället för en fil",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.validation import check_first_administrator
    from desktop.store.creation import create_database

    # Issue 15: names within their columns' lengths, before a password is asked for.
    args.admin, args.display_name = check_first_administrator(
        args.admin, args.display_name or args.admin
    )
    password = read_password(args, "cli.prompt_new_admin_password")
    if len(password) < MIN_PASSWORD:
        raise UserError("cli.password_too_short", minimum=MIN_PASSWORD)
    server = getattr(args, "init_server", None) or getattr(args, "server", None)
    if server:
        from desktop.services.server_policy import server_policy
        from desktop.store.server.provision import init_server

        made = init_server(
            server,
            args.admin,
            args.display_name or args.admin,
            password,
            admin_agency=args.agency,
            policy=server_policy(),
        )
        made.store.lock()
        say(args, "cli.server_prepared", url=made.store.address.url())
        _recovery_code(args, made.recovery_code)
        return 0
    path = database_path(args)
    created = create_database(
        path, args.admin, args.display_name or args.admin, password, admin_agency=args.agency
    )
    created.store.lock()
    say(args, "cli.database_created", path=path)
    _recovery_code(args, created.recovery_code)
    return 0


def _recovery_code(args: argparse.Namespace, code: str) -> None:
    print()
    say(args, "cli.recovery_code_heading")
    print(f"    {code}")
