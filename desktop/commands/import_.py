"""``rondplan import``: import a mapping list (CSV or XLSX), all rows or none.

Each problem is printed on stderr as ``rad N, Kolumn: meddelande``; with any error the
command exits 1 and imports nothing. ``--template FILE`` writes the standard template.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    command_language,
    counted,
    log_in,
    require_suffix,
    say,
)
from desktop.messages import Language, words

if TYPE_CHECKING:
    from desktop.services.importing import ImportPreview

_CHOICES = ("merge", "skip", "create")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "import",
        help="importera en kartläggningslista (CSV eller XLSX)",
        description=(
            "Läser filen, visar varje problem som 'rad N, Kolumn: meddelande' och importerar "
            "allt i en transaktion – eller ingenting om något fel finns kvar."
        ),
    )
    add_database_option(parser)
    add_user_options(parser)
    parser.add_argument("file", nargs="?", type=Path, metavar="FIL", help="filen att importera")
    parser.add_argument(
        "--template", type=Path, metavar="FIL", help="skriv importmallen (.xlsx eller .csv)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="kontrollera och räkna, men importera ingenting"
    )
    parser.add_argument(
        "--kind",
        choices=("mapping", "incidents"),
        default="mapping",
        help="vad filen är: en kartläggningslista (standard) eller polisens händelselista",
    )
    parser.add_argument("--preset", metavar="NAMN", help="använd en sparad kolumnmall")
    parser.add_argument(
        "--on-duplicate",
        choices=_CHOICES,
        help="vad som görs med rader som liknar en befintlig person (annars ett fel)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.importing import write_template

    if args.template is not None:
        if args.file is not None:
            raise UserError("cli.file_or_template")
        if args.kind == "incidents":
            # The police's own list is read as it is: no template of ours to fill in.
            from desktop.services.incidents.importer import HEADERS, REQUIRED

            raise UserError(
                "cli.no_incident_template",
                columns=", ".join(names[0] for names in HEADERS.values()),
                required=", ".join(HEADERS[field][0] for field in REQUIRED),
            )
        require_suffix(args.template, (".xlsx", ".csv"))
        write_template(args.template)
        say(args, "cli.template_written", path=args.template)
        return 0
    if args.file is None:
        raise UserError("cli.import_file_missing")
    if args.kind == "incidents":
        return _import_incidents(args)

    from desktop.services.bundle import build_services

    lang = command_language(args)
    store = log_in(args)
    try:
        transfer = build_services(store).transfer
        table = transfer.imports.read(args.file)
        mapping = transfer.presets.load(args.preset).mapping if args.preset else None
        preview = transfer.imports.preview(table, mapping)
        preview = _decide_duplicates(preview, args.on_duplicate)
        _print_problems(preview, lang)
        counts = preview.counts
        if preview.has_blocking_errors:
            nothing = {
                "rows": counted(counts.with_errors, "cli.n_rows", lang),
                "duplicates": counted(
                    counts.unresolved_duplicates, "cli.n_unresolved_duplicates", lang
                ),
            }
            print(words("cli.import_nothing", nothing, lang), file=sys.stderr)
            return 1
        plan = preview.planned()
        merged = sum(1 for _, d in plan if d.resolution.value == "merge")
        if args.dry_run:
            say(
                args,
                "cli.import_trial",
                file=args.file.name,
                rows=counted(counts.rows, "cli.n_rows", lang),
                created=counted(len(plan) - merged, "cli.n_new_persons", lang),
                merged=counted(merged, "cli.n_merges", lang),
                skipped=counts.rows - len(plan),
            )
            return 0
        result = transfer.imports.import_rows(preview, args.file.name)
    finally:
        store.lock()
    say(
        args,
        "cli.import_done",
        file=args.file.name,
        rows=counted(result.rows, "cli.n_rows", lang),
        created=counted(result.created, "cli.n_new_persons", lang),
        merged=counted(result.merged, "cli.n_merges", lang),
        skipped=result.skipped,
        groups=counted(result.groups_created, "cli.n_new_groups", lang),
    )
    return 0


def _import_incidents(args: argparse.Namespace) -> int:
    """Polisens händelselista (issue 20): every row or none, problems as 'rad N, fält: …'."""
    from desktop.services.incidents import build_incidents

    lang = command_language(args)
    store = log_in(args)
    try:
        report = build_incidents(store).importer.import_file(args.file, dry_run=args.dry_run)
    finally:
        store.lock()
    for problem in report.errors:
        where = {"row": problem.row, "field": problem.where}
        text = words(problem.code, {}, lang)
        print(words("cli.incident_problem", {**where, "text": text}, lang), file=sys.stderr)
    if report.errors:
        rows = counted(len({p.row for p in report.errors}), "cli.n_rows", lang)
        print(words("cli.incidents_nothing", {"rows": rows}, lang), file=sys.stderr)
        return 1
    if report.dry_run:
        incidents = counted(report.rows, "cli.n_incidents", lang)
        say(args, "cli.incidents_trial", file=args.file.name, incidents=incidents)
        return 0
    incidents = counted(report.created, "cli.n_incidents", lang)
    say(args, "cli.incidents_done", file=args.file.name, incidents=incidents)
    return 0


def _decide_duplicates(preview: ImportPreview, choice: str | None) -> ImportPreview:
    from desktop.services.importing import Resolution

    if choice is None:
        return preview
    resolution = Resolution(choice)
    for candidate in preview.unresolved:
        person_id = candidate.matches[0].person_id if resolution is Resolution.MERGE else None
        preview = preview.resolve(candidate.row_number, resolution, person_id)
    return preview


def _print_problems(preview: ImportPreview, lang: Language) -> None:
    from desktop.messages import problem_words
    from desktop.services.importing import Severity

    for problem in preview.problems:
        text = problem_words(problem, lang)
        if problem.severity is Severity.WARNING:
            text = words("cli.import_warning", {"text": text}, lang)
        print(text, file=sys.stderr)
    for candidate in preview.unresolved:
        best = candidate.matches[0]
        found = {"row": candidate.row_number, "who": best.who_in(lang), "why": best.why_in(lang)}
        print(words("cli.import_duplicate", found, lang), file=sys.stderr)
