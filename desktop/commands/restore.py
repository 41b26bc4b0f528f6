"""``rondplan restore``: check a backup, run retention on it, then put it in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.check import report_line
from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    database_path,
    read_password,
)
from desktop.messages import language, words


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
    lang = language(getattr(args, "lang", None))
    lines = restore(
        args.backup,
        target,
        args.user,
        read_password(args),
        on_step=lambda step: print(f"… {words(step, {}, lang)}", file=sys.stderr),
    )
    for line in lines:
        text = words(line.code, line.params, lang)
        print(report_line(line.part, line.ok, text, lang, bad="check.notice"))
    print(words("check.restored", {"path": target}, lang))
    return 0
