"""``rondplan audit verify``: walk the audit chain and report the first bad entry."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_database_option, add_user_options, open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("audit", help="behandlingsloggen")
    actions = parser.add_subparsers(dest="audit_command", metavar="ÅTGÄRD", required=True)
    verify = actions.add_parser("verify", help="verifiera loggens kedja och kontrollpunkt")
    add_database_option(verify)
    add_user_options(verify)
    verify.set_defaults(handler=run_verify)
    checkpoint = actions.add_parser("checkpoint", help="skriv ut kontrollpunkten (för papper)")
    add_database_option(checkpoint)
    add_user_options(checkpoint)
    checkpoint.set_defaults(handler=run_checkpoint)


def run_verify(args: argparse.Namespace) -> int:
    from desktop.services.security.audit import verify_chain

    store = open_store(args)
    try:
        report = verify_chain(store)
    finally:
        store.lock()
    if report.ok:
        print(f"OK – {report.message}")
        return 0
    print(f"FEL – {report.message}")
    return 1


def run_checkpoint(args: argparse.Namespace) -> int:
    from desktop.services.security.audit import checkpoint_text

    store = open_store(args)
    try:
        print(checkpoint_text(store), end="")
    finally:
        store.lock()
    return 0
