"""``rondplan stats``: the programme's figures as a table, JSON or CSV; the report; XLSX.

The JSON keys are stable (see ``desktop.services.statistics.export_format`` and the
README). ``--pdf`` prints the numbered statistics report, ``--xlsx`` writes the figures
workbook; both are logged like the same actions in the application.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    iso_date,
    log_in,
    record_id,
)
from desktop.messages import Language, language, words


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("stats", help="programmets nyckeltal för en period")
    add_database_option(parser)
    add_user_options(parser)
    parser.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        metavar="DATUM",
        help="periodens första dag (standard: tolv månader bakåt)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=iso_date,
        metavar="DATUM",
        help="periodens sista dag (standard: i dag)",
    )
    parser.add_argument("--group", type=record_id, metavar="ID", help="bara en grupp (grupp-id)")
    parser.add_argument("--area", metavar="OMRÅDE", help="bara ett område")
    parser.add_argument("--agency", metavar="KOD", help="bara en myndighet (police, social …)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("--pdf", type=Path, metavar="FIL", help="skriv statistikrapporten som PDF")
    parser.add_argument("--xlsx", type=Path, metavar="FIL", help="skriv nyckeltalen som XLSX")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from desktop.models import Agency
    from desktop.services.bundle import build_services
    from desktop.services.statistics import Period, StatsFilter
    from desktop.services.statistics.export_format import as_json, flat_rows

    end = args.end or dt.date.today()
    if args.start and args.start > end:
        raise UserError("cli.from_after_to")
    period = Period(args.start, end) if args.start else Period.year_to(end)
    lang = language(getattr(args, "lang", None))
    store = log_in(args)
    try:
        agency_id = None
        if args.agency:
            with store.read_session() as session:
                agency_id = session.scalar(select(Agency.id).where(Agency.code == args.agency))
            if agency_id is None:
                raise UserError("cli.unknown_agency", agency=args.agency)
        filters = StatsFilter(args.group, args.area, agency_id)
        stats = build_services(store).statistics
        result = stats.figures(period, filters)
        if args.pdf:
            scope = _scope_text(args, lang)
            printed = stats.print_report(args.pdf, period, filters, scope, lang=lang)
            done = {"serial": printed.serial, "path": args.pdf}
            print(words("cli.stats_report_written", done, lang), file=sys.stderr)
        if args.xlsx:
            stats.write_figures(args.xlsx, period, filters, lang)
            print(words("cli.stats_figures_written", {"path": args.xlsx}, lang), file=sys.stderr)
    finally:
        store.lock()
    if args.format == "json":
        print(json.dumps(as_json(result, lang), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
        writer.writerow(("code", "label", "key", "value"))
        writer.writerows(flat_rows(result, lang))
        sys.stdout.write(buffer.getvalue())
    else:
        print(words("cli.stats_period", {"start": period.start, "end": period.end}, lang))
        # The table is for people: channel, outcome and kind codes become words in the
        # language of --lang (CSV/JSON keep codes).
        rows = [
            (label + (f" ({_term(code, key, lang)})" if key else ""), value)
            for code, label, key, value in flat_rows(result, lang)
        ]
        width = max(len(name) for name, _value in rows)
        for name, value in rows:
            print(f"{name:<{width}}  {value:>10}")
    return 0


_TERMS = {
    "deliveries_by_channel": "term.channel",
    "visits_by_outcome": "term.visit",
    "incidents_by_kind": "term.incident",
}


def _term(code: str, key: str, lang: Language) -> str:
    """The word for a row's key: a channel, a visit status, an incident kind (a group's
    name as it is)."""
    family = _TERMS.get(code)
    return words(f"{family}.{key}", {}, lang) if family else key


def _scope_text(args: argparse.Namespace, lang: Language) -> str:
    """What the report covers, in ``lang``: the filters given, or the whole programme."""
    given = (("group", args.group), ("area", args.area), ("agency", args.agency))
    parts = [words(f"report.scope_{name}", {name: str(v)}, lang) for name, v in given if v]
    return ", ".join(parts) or words("report.whole_programme", {}, lang)
