"""``rondplan export persons|groups``: a spreadsheet of the mapping, audited."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import (
    add_database_option,
    add_user_options,
    command_language,
    counted,
    log_in,
    require_suffix,
    say,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "export",
        help="exportera personer eller grupperingar till XLSX eller CSV",
        description=(
            "Skriver det din roll får se till en XLSX- eller CSV-fil (UTF-8 med BOM, ';'). "
            "Skyddade adresser och myndigheternas anteckningar exporteras aldrig; "
            "personnummer bara med --with-personal-numbers. Varje export loggas."
        ),
    )
    parser.add_argument("what", choices=("persons", "groups"), help="vad som exporteras")
    add_database_option(parser)
    add_user_options(parser)
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FIL", help=".xlsx eller .csv"
    )
    parser.add_argument(
        "--with-personal-numbers",
        action="store_true",
        help="ta med fullständiga personnummer (kräver behörighet)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.bundle import build_services

    require_suffix(args.output, (".xlsx", ".csv"))
    store = log_in(args)
    try:
        exports = build_services(store).transfer.exports
        if args.what == "persons":
            result = exports.export_persons(args.output, args.with_personal_numbers)
            noun = "cli.n_persons"
        else:
            result = exports.export_groups(args.output)
            noun = "cli.n_groups"
    finally:
        store.lock()
    code = "cli.exported_with_numbers" if result.personal_numbers else "cli.exported"
    rows = counted(result.rows, noun, command_language(args))
    say(args, code, rows=rows, path=result.path)
    return 0
