"""``rondplan check``: integrity, cipher integrity and the audit chain, one line each."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_database_option, add_user_options, log_in
from desktop.messages import Language, language, words


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

    lang = language(getattr(args, "lang", None))
    store = log_in(args)
    try:
        lines = check_store(store)
        # What the login found (a rollback its own entries then covered) counts too,
        # as in `rondplan audit verify` (issue 15).
        found = [words(f.code, f.params, lang) for f in getattr(args, "login_findings", [])]
        # The domain section (issue 17): the invariants of docs/invariants.md.
        with store.read_session() as session:
            violations = check_invariants(session)
    finally:
        store.lock()
    for line in lines:
        if found and line.part == "check.part.chain" and line.ok:
            continue
        print(report_line(line.part, line.ok, words(line.code, line.params, lang), lang))
    for finding in found:
        print(report_line("check.part.chain", False, finding, lang))
    if not violations:
        print(report_line("check.part.domain", True, words("check.domain_sound", {}, lang), lang))
    for v in violations:
        text = f"{v.code}: {words(v.what, v.params, lang)}"
        print(report_line("check.part.domain", False, text, lang))
    return 0 if all(line.ok for line in lines) and not violations and not found else 1


def report_line(part: str, ok: bool, text: str, lang: Language, bad: str = "check.failed") -> str:
    """``integritet: OK – databasfilens struktur är hel``: the part, OK or ``bad`` (FEL,
    or OBS for a restore), what was found, in ``lang``."""
    verdict = "OK" if ok else words(bad, {}, lang)
    return f"{words(part, {}, lang)}: {verdict} – {text}"
