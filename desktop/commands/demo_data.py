"""``rondplan demo-data``: fill a database with fictitious data and demo accounts."""

from __future__ import annotations

import argparse
import os
import time

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    database_path,
    int_between,
    iso_date,
    log_in,
    say,
    server_url,
)

RECOVERY_ENV = "RONDPLAN_RECOVERY_CODE"
# The benchmarks use 100,000; ten times that is still a bounded run.
MAX_DEMO_PERSONS = 1_000_000


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "demo-data",
        help="fyll en databas med fiktiva demodata (skapar den om den saknas)",
        description=(
            "Skapar en trovärdig men helt fiktiv datamängd i Malmöskala och inloggningar "
            "för alla roller i alla myndigheter med ett gemensamt demolösenord. En befintlig "
            "databas måste vara tom och kräver --user (administratör) och återställningskoden "
            f"i {RECOVERY_ENV}."
        ),
    )
    add_database_option(parser, server=False)
    add_user_options(parser)
    parser.add_argument(
        "--persons",
        type=int_between(50, MAX_DEMO_PERSONS),
        default=200,
        metavar="N",
        help=f"antal personer (50–{MAX_DEMO_PERSONS:_})".replace("_", " "),
    )
    parser.add_argument(
        "--seed", type=int_between(0, 2**63 - 1), default=None, metavar="S", help="slumpfrö"
    )
    parser.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="ÅÅÅÅ-MM-DD",
        help="referensdatum (standard: i dag)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.demo import DEFAULT_SEED, generate_demo

    if server_url(args):
        # Issue 19: demo accounts need server roles; never a local file in its place.
        raise UserError("cli.demo_not_on_server")
    path = database_path(args)
    admin = None
    recovery = None
    if path.exists():
        recovery = os.environ.get(RECOVERY_ENV)
        if not recovery:
            raise UserError("cli.demo_database_exists", env=RECOVERY_ENV)
        admin = log_in(args)
    started = time.perf_counter()
    summary = generate_demo(
        path,
        persons=args.persons,
        seed=DEFAULT_SEED if args.seed is None else args.seed,
        today=args.today,
        recovery_code=recovery,
        admin=admin,
    )
    elapsed = time.perf_counter() - started
    counts = summary.counts
    say(
        args,
        "cli.demo_made",
        path=path,
        seconds=f"{elapsed:.1f}",
        seed=str(summary.seed),
        today=summary.today,
    )
    say(
        args,
        "cli.demo_counts",
        persons=counts.get("person", 0),
        groups=counts.get("group_", 0),
        visits=counts.get("visit", 0),
        deliveries=counts.get("delivery", 0),
        callins=counts.get("call_in", 0),
        referrals=counts.get("referral", 0),
    )
    print()
    say(args, "cli.demo_accounts", password=summary.password)
    for account in summary.accounts:
        print(f"  {account.username:28} {account.role.value:14} {account.agency_code}")
    if admin is None:
        print()
        say(args, "cli.demo_recovery_code")
        print(f"    {summary.recovery_code}")
    return 0
