"""``rondplan briefing``: a team's briefing packet as PDF, as the user given by --user.

The user's agency decides the agency-only sections; without ``--date`` the packet covers
the team's whole operation, day by day. With ``--schedule`` the team schedule is printed
instead, and ``--team all`` puts every team of the operation (with its members) in one
print; a packet is always one team's, since each team carries only its own.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    command_language,
    counted,
    iso_date,
    log_in,
    read_password,
    record_id,
    say,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("briefing", help="skriv ut ett teams genomgångsunderlag som PDF")
    add_database_option(parser)
    add_user_options(parser)
    parser.add_argument(
        "--operation", type=record_id, required=True, metavar="ID", help="insatsens id"
    )
    parser.add_argument(
        "--team",
        type=team_choice,
        required=True,
        metavar="ID|all",
        help="teamets id; all = alla team (bara med --schedule)",
    )
    parser.add_argument(
        "--schedule",
        action="store_true",
        help="skriv ut teamets schema (med medlemmar) i stället för genomgångsunderlaget",
    )
    parser.add_argument(
        "--date", type=iso_date, metavar="ÅÅÅÅ-MM-DD", help="dagen (utan: hela insatsen)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FIL.pdf", help="PDF-filen att skriva"
    )
    parser.add_argument(
        "--include-protected-addresses",
        action="store_true",
        help="skriv ut adresser till personer med skyddad identitet (markeras på sidan); "
        "lösenordet frågas igen (med --password-stdin: en rad till)",
    )
    parser.set_defaults(handler=run)


def team_choice(text: str) -> int | None:
    """A team's id, or None for ``all``."""
    if text.strip().lower() in ("all", "alla"):
        return None
    return record_id(text)


def run(args: argparse.Namespace) -> int:
    from desktop.messages import language
    from desktop.services.briefing import BriefingRequest, PrintService

    output: Path = args.output
    if not output.parent.exists():
        raise UserError("cli.folder_missing", folder=str(output.parent))
    if args.team is None and not args.schedule:
        raise UserError("cli.all_teams_needs_schedule")
    if args.schedule and args.include_protected_addresses:
        raise UserError("cli.schedule_has_no_addresses")
    if args.schedule:
        return _schedule(args, output)
    store = log_in(args)
    try:
        # The packet's own words in the language of --lang (issue 18).
        request = BriefingRequest(
            args.operation,
            args.team,
            args.date,
            args.include_protected_addresses,
            lang=language(getattr(args, "lang", None)),
        )
        partial = output.with_name(output.name + ".part")
        try:
            printing = PrintService(store)
            if request.include_protected_addresses:
                # The command's own password prompt is the one asked again (issue 15).
                printing.reauth.confirm(read_password(args, "cli.prompt_password_again"))
            result = printing.print_briefing(request, partial)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        store.lock()
    _printed(args, output, result.serial, result.objects)
    return 0


def _schedule(args: argparse.Namespace, output: Path) -> int:
    """The schedule of one team or of every team, for ``--date`` or the whole operation."""
    from desktop.messages import language
    from desktop.services.briefing.choices import BriefingChoices
    from desktop.services.operations.outputs import ScheduleOutputs

    store = log_in(args)
    try:
        operation = next(
            (o for o in BriefingChoices(store).operations() if o.id == args.operation), None
        )
        if operation is None:
            raise UserError("operation.gone")
        first, last = (
            (args.date, args.date) if args.date else (operation.start_date, operation.end_date)
        )
        partial = output.with_name(output.name + ".part")
        try:
            printed = ScheduleOutputs(store).print_team_schedule(
                args.team,
                first,
                last,
                partial,
                operation_id=args.operation,
                lang=language(getattr(args, "lang", None)),
            )
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        store.lock()
    _printed(args, output, printed.serial, printed.visits)
    return 0


def _printed(args: argparse.Namespace, output: Path, serial: object, visits: int) -> None:
    visits_words = counted(visits, "cli.n_visits", command_language(args))
    say(args, "cli.printed", path=output, serial=str(serial), visits=visits_words)
