"""``rondplan backup``: an encrypted backup (never a raw copy of the live file)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import add_database_option, add_user_options, log_in, say


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("backup", help="gör en krypterad säkerhetskopia")
    add_database_option(parser)
    add_user_options(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FIL")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.errors import DomainError
    from desktop.services.permissions import Action, require
    from desktop.services.uow import UnitOfWork
    from desktop.store.interface import FileStore

    store = log_in(args)
    try:
        require(store.identity, Action.BACKUP)
        if not isinstance(store, FileStore):
            raise DomainError("backup.on_server")  # its operators back the server up
        with UnitOfWork(store, "Säkerhetskopiera") as uow:
            uow.audit("backup", None, ())
        store.backup_to(args.output)
    finally:
        store.lock()
    say(args, "cli.backup_written", path=args.output)
    say(args, "cli.backup_files", name=args.output.name)
    return 0
