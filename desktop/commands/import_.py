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
    log_in,
    require_suffix,
)
from desktop.messages import Language, language

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
        require_suffix(args.template, (".xlsx", ".csv"))
        write_template(args.template)
        print(f"Importmallen skrevs: {args.template}")
        return 0
    if args.file is None:
        raise UserError("cli.import_file_missing")
    if args.kind == "incidents":
        return _import_incidents(args)

    from desktop.services.bundle import build_services
    from desktop.services.wording import count

    store = log_in(args)
    try:
        transfer = build_services(store).transfer
        table = transfer.imports.read(args.file)
        mapping = transfer.presets.load(args.preset).mapping if args.preset else None
        preview = transfer.imports.preview(table, mapping)
        preview = _decide_duplicates(preview, args.on_duplicate)
        _print_problems(preview, language(getattr(args, "lang", None)))
        counts = preview.counts
        if preview.has_blocking_errors:
            duplicates = count(
                counts.unresolved_duplicates,
                "möjlig dubblett är obesvarad",
                "möjliga dubbletter är obesvarade",
            )
            print(
                f"Ingenting importerades: {count(counts.with_errors, 'rad', 'rader')} har fel "
                f"och {duplicates}.",
                file=sys.stderr,
            )
            return 1
        plan = preview.planned()
        merged = sum(1 for _, d in plan if d.resolution.value == "merge")
        if args.dry_run:
            print(
                f"Provkörning av {args.file.name}: {count(counts.rows, 'rad', 'rader')}, "
                f"{count(len(plan) - merged, 'ny person', 'nya personer')}, "
                f"{count(merged, 'sammanslagning', 'sammanslagningar')}, "
                f"{counts.rows - len(plan)} hoppas över. Ingenting importerades."
            )
            return 0
        result = transfer.imports.import_rows(preview, args.file.name)
    finally:
        store.lock()
    print(
        f"Importerade {args.file.name}: {count(result.rows, 'rad', 'rader')}, "
        f"{count(result.created, 'ny person', 'nya personer')}, "
        f"{count(result.merged, 'sammanslagning', 'sammanslagningar')}, "
        f"{result.skipped} hoppades över, "
        f"{count(result.groups_created, 'ny gruppering', 'nya grupperingar')}."
    )
    return 0


def _import_incidents(args: argparse.Namespace) -> int:
    """Polisens händelselista (issue 20): every row or none, problems as 'rad N, fält: …'."""
    from desktop.messages import words
    from desktop.services.incidents import build_incidents
    from desktop.services.wording import count

    store = log_in(args)
    try:
        report = build_incidents(store).importer.import_file(args.file, dry_run=args.dry_run)
    finally:
        store.lock()
    for problem in report.errors:
        print(f"rad {problem.row}, {problem.field}: {words(problem.code, {})}", file=sys.stderr)
    if report.errors:
        rows = len({p.row for p in report.errors})
        print(f"Ingenting importerades: {count(rows, 'rad', 'rader')} har fel.", file=sys.stderr)
        return 1
    if report.dry_run:
        print(
            f"Provkörning av {args.file.name}: {count(report.rows, 'händelse', 'händelser')} "
            "utan fel. Ingenting importerades."
        )
        return 0
    print(f"Importerade {args.file.name}: {count(report.created, 'händelse', 'händelser')}.")
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
    from desktop.messages import problem_words, words
    from desktop.services.importing import Severity

    for problem in preview.problems:
        suffix = " (varning)" if problem.severity is Severity.WARNING else ""
        print(problem_words(problem, lang) + suffix, file=sys.stderr)
    for candidate in preview.unresolved:
        best = candidate.matches[0]
        found = {"row": candidate.row_number, "who": best.who_in(lang), "why": best.why_in(lang)}
        print(words("cli.import_duplicate", found, lang), file=sys.stderr)
