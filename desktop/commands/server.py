"""``rondplan server``: the owner's steps on a server database (issue 16).

``restore-drill``: a ``pg_dump`` restored under a new name on the same cluster becomes
usable and this database's own (desktop.store.server.restore); ``recovery-check``:
keep the recovery code's proof key on a database made by ``migrate-to-server``.
"""

from __future__ import annotations

import argparse
import os

from desktop.commands.check import report_line
from desktop.commands.common import UserError, add_user_options, read_password
from desktop.messages import language, words

RECOVERY_ENV = "RONDPLAN_RECOVERY_CODE"
PGAUDIT = "ALTER DATABASE \"{db}\" SET pgaudit.role = '{db}:audited';"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("server", help="ägarens åtgärder på en serverdatabas")
    actions = parser.add_subparsers(dest="server_command", metavar="ÅTGÄRD", required=True)
    drill = actions.add_parser(
        "restore-drill",
        help="gör en återläst kopia (nytt databasnamn) användbar och bara sin egen",
    )
    drill.add_argument(
        "--server",
        dest="owner_url",
        required=True,
        metavar="URL",
        help="kopians adress som dess ägare",
    )
    add_user_options(drill)
    drill.set_defaults(handler=run_drill)
    check = actions.add_parser(
        "recovery-check",
        help=f"spara återställningskodens kontrollnyckel (koden i {RECOVERY_ENV})",
    )
    check.add_argument(
        "--server",
        dest="owner_url",
        required=True,
        metavar="URL",
        help="databasens adress som dess ägare",
    )
    check.set_defaults(handler=run_recovery_check)


def run_drill(args: argparse.Namespace) -> int:
    from desktop.services.security.audit import verify_chain
    from desktop.services.security.session import SessionAudit
    from desktop.services.server_policy import server_policy
    from desktop.store.server.connect import ServerAddress
    from desktop.store.server.restore import adopt_copy, give_login
    from desktop.store.server.store import open_server

    if not args.user:
        raise UserError("cli.drill_user_missing")
    lang = language(getattr(args, "lang", None))
    password = read_password(args)
    address = ServerAddress.parse(args.owner_url)
    adopted = adopt_copy(address, server_policy())
    for name in adopted.revoked_from:
        print(words("cli.drill_revoked", {"name": name}, lang))
    renamed = {"database": address.database, "count": adopted.renamed}
    print(words("cli.drill_adopted", renamed, lang))
    give_login(address, args.user, password)
    store = open_server(args.owner_url).unlock(args.user, password)
    try:
        SessionAudit(store).record_login()
        report = verify_chain(store)
    finally:
        store.lock()
    print(words("cli.drill_login", {"name": args.user}, lang))
    print(report_line("check.part.chain", report.ok, words(report.code, report.params, lang), lang))
    print(words("cli.drill_others", {}, lang))
    print(words("cli.drill_pgaudit", {}, lang))
    print("    " + PGAUDIT.format(db=address.database))
    return 0 if report.ok else 1


def run_recovery_check(args: argparse.Namespace) -> int:
    from desktop.store.errors import WrongPassword
    from desktop.store.server.connect import ServerAddress
    from desktop.store.server.restore import store_recovery_check

    code = os.environ.get(RECOVERY_ENV)
    if not code:
        raise UserError("cli.recovery_code_missing", env=RECOVERY_ENV)
    try:
        store_recovery_check(ServerAddress.parse(args.owner_url), code)
    except WrongPassword:
        raise UserError("recovery.wrong") from None
    print(words("cli.recovery_check_stored", {}, language(getattr(args, "lang", None))))
    return 0
