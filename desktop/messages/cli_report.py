"""Words for what the commands report when they succeed (``desktop.commands``): summary
lines, headings, prompts. code → (Swedish, English); the command line prints them in the
language of ``--lang`` (issue 18), as it does its errors (``cli.py``).

A count's words hold the singular and the plural, ``"{n} rad|{n} rader"``: the commands
choose with ``desktop.commands.common.counted``.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # Counted nouns: singular|plural.
    "cli.n_rows": ("{n} rad|{n} rader", "{n} row|{n} rows"),
    "cli.n_new_persons": ("{n} ny person|{n} nya personer", "{n} new person|{n} new people"),
    "cli.n_merges": (
        "{n} sammanslagning|{n} sammanslagningar",
        "{n} merge|{n} merges",
    ),
    "cli.n_new_groups": (
        "{n} ny gruppering|{n} nya grupperingar",
        "{n} new group|{n} new groups",
    ),
    "cli.n_incidents": ("{n} händelse|{n} händelser", "{n} incident|{n} incidents"),
    "cli.n_unresolved_duplicates": (
        "{n} möjlig dubblett är obesvarad|{n} möjliga dubbletter är obesvarade",
        "{n} possible duplicate is unanswered|{n} possible duplicates are unanswered",
    ),
    "cli.n_persons": ("{n} person|{n} personer", "{n} person|{n} people"),
    "cli.n_groups": ("{n} gruppering|{n} grupperingar", "{n} group|{n} groups"),
    "cli.n_visits": ("{n} besök|{n} besök", "{n} visit|{n} visits"),
    "cli.n_accounts": ("{n} konto|{n} konton", "{n} account|{n} accounts"),
    "cli.n_temporary_passwords": (
        "{n} tillfälligt lösenord|{n} tillfälliga lösenord",
        "{n} temporary password|{n} temporary passwords",
    ),
    # Prompts.
    "cli.prompt_password": ("Lösenord: ", "Password: "),
    "cli.prompt_password_again": (
        "Lösenord igen (skyddade adresser): ",
        "Password again (protected addresses): ",
    ),
    "cli.prompt_new_admin_password": (
        "Nytt lösenord för administratören: ",
        "New password for the administrator: ",
    ),
    # init
    "cli.database_created": ("Databasen skapades: {path}", "The database was created: {path}"),
    "cli.server_prepared": (
        "Serverdatabasen förbereddes: {url}",
        "The server database was prepared: {url}",
    ),
    "cli.recovery_code_heading": (
        "ÅTERSTÄLLNINGSKOD (visas bara nu – skriv ut den och förvara den i ett kassaskåp):",
        "RECOVERY CODE (shown only now – print it and keep it in a safe):",
    ),
    # demo-data
    "cli.demo_made": (
        "Demodata (FIKTIVA) skapades i {path} på {seconds} s, frö {seed}, referensdatum {today}.",
        "Demo data (FICTITIOUS) was made in {path} in {seconds} s, seed {seed}, reference "
        "date {today}.",
    ),
    "cli.demo_counts": (
        "  {persons} personer, {groups} grupperingar, {visits} besök, {deliveries} "
        "delgivningar, {callins} stormöten, {referrals} hänvisningar till stöd.",
        "  {persons} persons, {groups} groups, {visits} visits, {deliveries} deliveries, "
        "{callins} call-ins, {referrals} referrals to support.",
    ),
    "cli.demo_accounts": (
        "Konton (lösenord för alla: {password}):",
        "Accounts (one password for all: {password}):",
    ),
    "cli.demo_recovery_code": (
        "ÅTERSTÄLLNINGSKOD (bara för demodatabasen):",
        "RECOVERY CODE (for the demo database only):",
    ),
    # import
    "cli.template_written": (
        "Importmallen skrevs: {path}",
        "The import template was written: {path}",
    ),
    "cli.import_nothing": (
        "Ingenting importerades: {rows} har fel och {duplicates}.",
        "Nothing was imported: errors in {rows}, and {duplicates}.",
    ),
    "cli.import_trial": (
        "Provkörning av {file}: {rows}, {created}, {merged}, {skipped} hoppas över. "
        "Ingenting importerades.",
        "Trial run of {file}: {rows}, {created}, {merged}, {skipped} to be skipped. "
        "Nothing was imported.",
    ),
    "cli.import_done": (
        "Importerade {file}: {rows}, {created}, {merged}, {skipped} hoppades över, {groups}.",
        "Imported {file}: {rows}, {created}, {merged}, {skipped} skipped, {groups}.",
    ),
    "cli.import_warning": ("{text} (varning)", "{text} (warning)"),
    "cli.incident_problem": ("rad {row}, {field}: {text}", "row {row}, {field}: {text}"),
    "cli.incidents_nothing": (
        "Ingenting importerades: {rows} har fel.",
        "Nothing was imported: errors in {rows}.",
    ),
    "cli.incidents_trial": (
        "Provkörning av {file}: {incidents} utan fel. Ingenting importerades.",
        "Trial run of {file}: {incidents} without errors. Nothing was imported.",
    ),
    "cli.incidents_done": ("Importerade {file}: {incidents}.", "Imported {file}: {incidents}."),
    # export
    "cli.exported": ("Exporterade {rows} till {path}", "Exported {rows} to {path}"),
    "cli.exported_with_numbers": (
        "Exporterade {rows} med personnummer till {path}",
        "Exported {rows} with personal identity numbers to {path}",
    ),
    # backup
    "cli.backup_written": ("Säkerhetskopian skrevs: {path}", "The backup was written: {path}"),
    "cli.backup_files": (
        "Den består av tre filer som hör ihop och ska flyttas tillsammans: {name}, "
        "{name}.keys och {name}.audit.",
        "It consists of three files that belong together and are moved together: {name}, "
        "{name}.keys and {name}.audit.",
    ),
    # briefing
    "cli.printed": (
        "Skrev {path} (utskrift {serial}, {visits})",
        "Wrote {path} (printout {serial}, {visits})",
    ),
    # users
    "cli.account_created": ("Kontot {name} skapades.", "The account {name} was created."),
    "cli.account_deactivated": (
        "Kontot {name} är avstängt; dess nycklar har bytts.",
        "The account {name} is deactivated; its keys have been replaced.",
    ),
    "cli.account_deactivated_server": (
        "Kontot {name} är avstängt; det kan inte logga in och har inte längre några "
        "rättigheter på servern.",
        "The account {name} is deactivated; it cannot log in and has no rights left on the server.",
    ),
    "cli.password_reset": (
        "Lösenordet för {name} är återställt.",
        "The password of {name} has been reset.",
    ),
    "cli.account_active": ("aktiv", "active"),
    "cli.account_inactive": ("avstängd", "deactivated"),
    "cli.temporary_passwords": (
        "Tillfälliga lösenord (visas bara nu; byts vid första inloggningen):",
        "Temporary passwords (shown only now; changed at the first login):",
    ),
    "cli.temporary_passwords_header": (
        "användarnamn;tillfälligt lösenord",
        "username;temporary password",
    ),
    "cli.temporary_passwords_written": (
        "{passwords} skrevs till {path} (bara ägaren kan läsa den).",
        "Wrote {passwords} to {path} (only its owner can read it).",
    ),
    # migrate-to-server
    "cli.migrate_local_log": (
        "Den lokala behandlingsloggen är inte hel: {finding}.",
        "The local processing log is not complete: {finding}.",
    ),
    "cli.migrate_columns": (
        "Tabell                  lokalt →   server",
        "Table                    local →   server",
    ),
    "cli.migrate_differs": ("AVVIKER", "DIFFERS"),
    "cli.migrate_server_log": (
        "Behandlingsloggen på servern: {finding}.",
        "The processing log on the server: {finding}.",
    ),
    "cli.migrate_no_recovery": (
        "Utan {env} kan inga lösenord återställas på servern förrän ägaren kört: rondplan "
        "server recovery-check --server URL (med koden i {env}).",
        "Without {env} no password can be reset on the server until the owner has run: "
        "rondplan server recovery-check --server URL (with the code in {env}).",
    ),
    "cli.migrate_without_login": (
        "{accounts} kan ännu inte logga in på servern. Logga in på servern som "
        "administratör, välj Administration → Användare → Återställ lösenord… för vart och "
        "ett, ange ett tillfälligt lösenord och återställningskoden. Användaren väljer ett "
        "eget lösenord vid första inloggningen.",
        "{accounts} cannot log in to the server yet. Log in to the server as an "
        "administrator, choose Administration → Users → Reset password… for each of them, "
        "give a temporary password and the recovery code. The user chooses a password of "
        "their own at the first login.",
    ),
    "cli.migrate_needs_password": (
        "  behöver tillfälligt lösenord: {name}",
        "  needs a temporary password: {name}",
    ),
    "cli.migrate_done": (
        "Klart: alla tabeller och behandlingsloggen är kontrollerade.",
        "Done: every table and the processing log have been checked.",
    ),
    # screenshot
    "cli.dialog_opened": ("en dialogruta öppnades", "a dialog box opened"),
}
