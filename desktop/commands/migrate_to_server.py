"""``rondplan migrate-to-server``: move a local database onto a PostgreSQL server."""

from __future__ import annotations

import argparse
import os

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    command_language,
    counted,
    database_path,
    read_password,
    say,
)
from desktop.messages import Phrase, words

RECOVERY_ENV = "RONDPLAN_RECOVERY_CODE"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "migrate-to-server",
        help="flytta en lokal databas till en tom PostgreSQL-databas (med kontrollerade antal)",
    )
    add_database_option(parser, server=False)
    add_user_options(parser)
    parser.add_argument(
        "--server",
        dest="target_server",
        required=True,
        metavar="URL",
        help="den tomma serverdatabasen (ägarens adress)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.models import Role
    from desktop.services.security.audit import verify_chain
    from desktop.services.server_policy import server_policy
    from desktop.services.uow import UnitOfWork
    from desktop.store.database import open_database
    from desktop.store.server.copy import TableCount, move_to_server

    if not args.user:
        raise UserError("cli.admin_missing")
    lang = command_language(args)
    password = read_password(args)
    source = open_database(database_path(args)).unlock(args.user, password)
    try:
        if source.identity.role is not Role.ADMINISTRATOR:
            raise UserError("cli.migrate_needs_admin")
        local_chain = verify_chain(source)
        if not local_chain.ok:
            finding = Phrase(local_chain.code, local_chain.params)
            raise UserError("cli.migrate_local_log", finding=finding)

        def show(count: TableCount) -> None:
            mark = "ok" if count.ok else words("cli.migrate_differs", {}, lang)
            print(f"  {count.table:<20} {count.local:>8} → {count.server:>8}  {mark}")

        say(args, "cli.migrate_columns")
        report = move_to_server(source, args.target_server, password, show, policy=server_policy())
    finally:
        source.lock()
    store = report.store
    try:
        chain = verify_chain(store)
        say(args, "cli.migrate_server_log", finding=Phrase(chain.code, chain.params))
        if not report.ok or not chain.ok:
            raise UserError("cli.migrate_unverified")
        with UnitOfWork(store, "Flytta till server") as uow:
            uow.audit("server.migrate", None, (), detail=f"tables={len(report.counts)}")
    finally:
        store.lock()
    recovery_code = os.environ.get(RECOVERY_ENV)
    if recovery_code:
        from desktop.store.errors import WrongPassword
        from desktop.store.server.connect import ServerAddress
        from desktop.store.server.restore import store_recovery_check

        try:
            # A login is replaced only with the recovery code's proof (issue 16).
            store_recovery_check(ServerAddress.parse(args.target_server), recovery_code)
        except WrongPassword:
            raise UserError("recovery.wrong") from None
    else:
        say(args, "cli.migrate_no_recovery", env=RECOVERY_ENV)
    if report.without_login:
        # The server's login needs a value derived from each user's password, which only
        # the user knows: an administrator sets a temporary one, the user then their own.
        accounts = counted(len(report.without_login), "cli.n_accounts", lang)
        say(args, "cli.migrate_without_login", accounts=accounts)
        for name in report.without_login:
            say(args, "cli.migrate_needs_password", name=name)
    say(args, "cli.migrate_done")
    return 0
