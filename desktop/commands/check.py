"""``rondplan check``: integrity, cipher integrity and the audit chain, one line each."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_database_option, add_user_options, open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "check", help="kontrollera databasens integritet, kryptering och behandlingslogg"
    )
    add_database_option(parser)
    add_user_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.security.backups import check_store

    store = open_store(args)
    try:
        lines = check_store(store)
    finally:
        store.lock()
    for line in lines:
        print(f"{line.name}: {'OK' if line.ok else 'FEL'} – {line.message}")
    return 0 if all(line.ok for line in lines) else 1
