"""``rondplan audit``: verify the chain, print the paper anchor, compare it with the file."""

from __future__ import annotations

import argparse

from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    command_language,
    database_path,
    log_in,
)
from desktop.messages import words


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("audit", help="behandlingsloggen")
    actions = parser.add_subparsers(dest="audit_command", metavar="ÅTGÄRD", required=True)
    verify = actions.add_parser("verify", help="verifiera loggens kedja och kontrollpunkt")
    add_database_option(verify)
    add_user_options(verify)
    verify.set_defaults(handler=run_verify)
    checkpoint = actions.add_parser(
        "checkpoint", help="skriv ut en kontrollpunkt att spara på papper"
    )
    add_database_option(checkpoint)
    add_user_options(checkpoint)
    checkpoint.set_defaults(handler=run_checkpoint)
    compare = actions.add_parser("compare", help="jämför en kontrollpunkt på papper med databasen")
    add_database_option(compare)
    add_user_options(compare)
    compare.add_argument("--seq", type=int, required=True, metavar="POST", help="post-numret")
    compare.add_argument("--hash", required=True, metavar="HASH", help="hashen på papperet")
    compare.set_defaults(handler=run_compare)


def _open_auditor(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open the store; only an auditor or an administrator may verify the log (issue 15)."""
    from desktop.services.permissions import require_audit_verification

    store = log_in(args)
    try:
        require_audit_verification(store.identity)
    except BaseException:
        store.lock()
        raise
    return store


def run_verify(args: argparse.Namespace) -> int:
    from desktop.services.security.audit import verify_chain

    lang = command_language(args)
    store = _open_auditor(args)
    try:
        report = verify_chain(store)
        found = [words(f.code, f.params, lang) for f in getattr(args, "login_findings", [])]
    finally:
        store.lock()
    if report.ok and not found:
        print(f"OK – {words(report.code, report.params, lang)}")
        return 0
    # What the login found (e.g. a rollback its own entries then covered) counts too.
    failed = words("check.failed", {}, lang)
    for message in found:
        print(f"{failed} – {message}")
    if not report.ok:
        print(f"{failed} – {words(report.code, report.params, lang)}")
    return 1


def run_checkpoint(args: argparse.Namespace) -> int:
    from desktop.services.security.audit import checkpoint_text

    store = _open_auditor(args)
    try:
        label = str(database_path(args)) if not getattr(args, "command_server", None) else "…"
        print(checkpoint_text(store, label, args.user, command_language(args)), end="")
    finally:
        store.lock()
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from desktop.services.security.audit import compare_with_paper

    if args.seq < 1 or args.seq > 2**62:
        raise UserError("cli.paper_entry_number")
    store = _open_auditor(args)
    try:
        result = compare_with_paper(store, args.seq, args.hash)
    finally:
        store.lock()
    lang = command_language(args)
    verdict = "OK" if result.ok else words("check.failed", {}, lang)
    print(f"{verdict} – {words(result.code, result.params, lang)}")
    return 0 if result.ok else 1
