"""``rondplan restore``: check a backup, run retention on it, then put it in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    database_path,
    read_password,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("restore", help="återställ en säkerhetskopia efter kontroll")
    add_database_option(parser, server=False)
    add_user_options(parser)
    parser.add_argument("backup", type=Path, metavar="FIL", help="säkerhetskopian")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.security.backups import restore

    if not args.user:
        raise UserError("cli.user_missing")
    target = database_path(args)
    lines = restore(
        args.backup,
        target,
        args.user,
        read_password(args),
        on_step=lambda text: print(f"… {text}", file=sys.stderr),
    )
    for line in lines:
        print(f"{line.name}: {'OK' if line.ok else 'OBS'} – {line.message}")
    print(f"Återställd: {target}")
    return 0
