"""``rondplan check``: integrity, cipher integrity and the audit chain, one line each."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_database_option, add_user_options, log_in


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "check", help="kontrollera databasens integritet, kryptering och behandlingslogg"
    )
    add_database_option(parser)
    add_user_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.invariants import check_invariants
    from desktop.services.security.backups import check_store

    store = log_in(args)
    try:
        lines = check_store(store)
        # What the login found (a rollback its own entries then covered) counts too,
        # as in `rondplan audit verify` (issue 15).
        found = list(store.login_findings)
        # The domain section (issue 17): the invariants of docs/invariants.md.
        with store.read_session() as session:
            violations = check_invariants(session)
    finally:
        store.lock()
    for line in lines:
        if found and line.name == "behandlingslogg" and line.ok:
            continue
        print(f"{line.name}: {'OK' if line.ok else 'FEL'} – {line.message}")
    for message in found:
        print(f"behandlingslogg: FEL – {message}")
    if not violations:
        print("domän: OK – inga brott mot invarianterna (docs/invariants.md)")
    for violation in violations:
        print(f"domän: FEL – {violation.code}: {violation.message}")
    return 0 if all(line.ok for line in lines) and not violations and not found else 1
