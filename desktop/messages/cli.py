"""Words for the command line's own error codes (``desktop.commands``): code → (Swedish,
English). The command line prints them in the language of ``--lang``."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "cli.admin_missing": (
        "Ange administratören med --user NAMN.",
        "Give the administrator with --user NAME.",
    ),
    "cli.all_teams_needs_schedule": (
        "--team all skriver ut alla teams schema och kräver --schedule; "
        "genomgångsunderlaget skrivs ut för ett team i taget.",
        "--team all prints every team's schedule and needs --schedule; the briefing packet "
        "is printed for one team at a time.",
    ),
    "cli.demo_database_exists": (
        "Databasen finns redan. Ange --user och återställningskoden i {env}, eller välj en "
        "ny sökväg.",
        "The database already exists. Give --user and the recovery code in {env}, or "
        "choose a new path.",
    ),
    "cli.demo_not_on_server": (
        "Demodata kan bara skapas i en lokal databasfil, inte på en server; använd --db "
        "SÖKVÄG utan --server.",
        "Demo data can only be made in a local database file, not on a server; use --db "
        "PATH without --server.",
    ),
    "cli.disk_full": (
        "Disken är full. Frigör utrymme och försök igen.",
        "The disk is full. Free some space and try again.",
    ),
    "cli.empty_password": (
        "Lösenordet är tomt.",
        "The password is empty.",
    ),
    "cli.file_exists": (
        "Filen finns redan: {name}. Välj ett annat namn.",
        "The file already exists: {name}. Choose another name.",
    ),
    "cli.file_missing": (
        "Filen eller mappen finns inte: {name}",
        "The file or folder does not exist: {name}",
    ),
    "cli.file_or_template": (
        "Ange antingen en fil att importera eller --template, inte båda.",
        "Give either a file to import or --template, not both.",
    ),
    "cli.file_unusable": (
        "Filen eller mappen {name} kunde inte användas ({reason}).",
        "The file or folder {name} could not be used ({reason}).",
    ),
    "cli.folder_missing": (
        "Mappen finns inte: {folder}. Skapa den eller välj en annan.",
        "The folder does not exist: {folder}. Create it or choose another.",
    ),
    "cli.from_after_to": (
        "--from ligger efter --to.",
        "--from lies after --to.",
    ),
    "cli.id_out_of_range": (
        "»{text}« är inget giltigt id (från 1)",
        "“{text}” is not a valid id (from 1)",
    ),
    "cli.image_not_saved": (
        "Kunde inte spara bilden: {path}",
        "Could not save the image: {path}",
    ),
    "cli.integer_out_of_range": (
        "»{text}« ligger utanför {low}–{high}",
        "“{text}” lies outside {low}–{high}",
    ),
    "cli.interrupted": (
        "avbrutet.",
        "interrupted.",
    ),
    "cli.io_error": (
        "Disken kunde inte läsa eller skriva {name} (I/O-fel). Kontrollera disken.",
        "The disk could not read or write {name} (I/O error). Check the disk.",
    ),
    "cli.is_a_folder": (
        "Det är en mapp, inte en fil: {name}",
        "It is a folder, not a file: {name}",
    ),
    "cli.migrate_needs_admin": (
        "Bara en administratör kan flytta databasen till en server.",
        "Only an administrator can move the database to a server.",
    ),
    "cli.migrate_unverified": (
        "Flytten kunde inte verifieras. Använd inte serverdatabasen.",
        "The move could not be verified. Do not use the server database.",
    ),
    "cli.name_too_long": (
        "Filnamnet är för långt: {name}. Välj ett kortare namn.",
        "The file name is too long: {name}. Choose a shorter name.",
    ),
    "cli.no_accounts": (
        "{name} innehåller inga konton.",
        "{name} holds no accounts.",
    ),
    "cli.no_file_permission": (
        "Rondplan saknar behörighet till filen eller mappen. Välj en annan plats.",
        "Rondplan is not permitted to use the file or folder. Choose another place.",
    ),
    "cli.no_password": (
        "Inget lösenord angivet. Använd {env}, --password-stdin eller en terminal.",
        "No password given. Use {env}, --password-stdin or a terminal.",
    ),
    "cli.no_such_account": (
        "Det finns inget konto med användarnamnet »{username}«.",
        "There is no account with the user name “{username}”.",
    ),
    "cli.not_a_date": (
        "»{text}« är inget datum; skriv det som ÅÅÅÅ-MM-DD",
        "“{text}” is not a date; write it as YYYY-MM-DD",
    ),
    "cli.not_an_id": (
        "»{text}« är inget id (ett heltal)",
        "“{text}” is not an id (a whole number)",
    ),
    "cli.not_an_integer": (
        "»{text}« är inget heltal",
        "“{text}” is not a whole number",
    ),
    "cli.not_unicode": (
        "{name} är inte UTF-8-text. Spara den som CSV (UTF-8).",
        "{name} is not UTF-8 text. Save it as CSV (UTF-8).",
    ),
    "cli.number_too_large": (
        "Ett tal i kommandot är för stort.",
        "A number in the command is too large.",
    ),
    "cli.output_exists": (
        "Filen finns redan: {path}. Välj ett nytt filnamn.",
        "The file already exists: {path}. Choose a new file name.",
    ),
    "cli.paper_entry_number": (
        "Post-numret på papperet ska vara ett positivt heltal.",
        "The entry number on the paper must be a positive whole number.",
    ),
    "cli.password_too_short": (
        "Lösenordet måste ha minst {minimum} tecken.",
        "The password must have at least {minimum} characters.",
    ),
    "cli.path_missing": (
        "ange en sökväg",
        "give a path",
    ),
    "cli.quota_exceeded": (
        "Din diskkvot är slut. Frigör utrymme och försök igen.",
        "Your disk quota is used up. Free some space and try again.",
    ),
    "cli.read_only_place": (
        "Platsen är skrivskyddad: {name}. Välj en annan plats.",
        "The place is read-only: {name}. Choose another place.",
    ),
    "cli.reset_needs_recovery": (
        "En återställning kräver återställningskoden i {env}.",
        "A reset needs the recovery code in {env}.",
    ),
    "cli.schedule_has_no_addresses": (
        "Schemat har inga adresser: --include-protected-addresses hör inte dit.",
        "The schedule has no addresses: --include-protected-addresses does not belong there.",
    ),
    "cli.size_format": (
        "Storleken anges som BREDDxHÖJD, till exempel 1280x800.",
        "Give the size as WIDTHxHEIGHT, for example 1280x800.",
    ),
    "cli.size_range": (
        "Bredd och höjd ska ligga mellan {low} och {high} bildpunkter.",
        "Width and height must lie between {low} and {high} pixels.",
    ),
    "cli.temporary_password": (
        "Lösenordet är tillfälligt. Starta programmet, logga in och välj ett eget lösenord "
        "innan du använder kommandona.",
        "The password is temporary. Start the program, log in and choose a password of "
        "your own before you use the commands.",
    ),
    "cli.unknown_agency": (
        "Myndigheten {agency} finns inte.",
        "The agency {agency} does not exist.",
    ),
    "cli.unknown_role": (
        "Okänd roll »{role}«. Välj bland {roles}.",
        "Unknown role “{role}”. Choose from {roles}.",
    ),
    "cli.unknown_view": (
        "Okänd vy: {view}. Finns: {views}.",
        "Unknown view: {view}. There are: {views}.",
    ),
    "cli.user_missing": (
        "Ange användare med --user NAMN.",
        "Give the user with --user NAME.",
    ),
    "cli.no_incident_template": (
        "Det finns ingen mall för en händelselista: polisens lista läses som den är, med "
        "kolumnerna {columns} (krävs: {required}).",
        "There is no template for an incident list: the police's list is read as it is, with "
        "the columns {columns} (required: {required}).",
    ),
    "cli.view_not_for_role": (
        "Vyn {view} kan inte visas: din roll har inte tillgång till den.",
        "The view {view} cannot be shown: your role has no access to it.",
    ),
    "cli.view_failed": (
        "Vyn {view} kan inte visas: {reason}",
        "The view {view} cannot be shown: {reason}",
    ),
    "cli.wrong_suffix": (
        "Filen måste sluta på {endings}: {name}",
        "The file must end in {endings}: {name}",
    ),
    "cli.year_out_of_range": (
        "»{text}« ligger utanför åren {first}–{last}",
        "“{text}” lies outside the years {first}–{last}",
    ),
    "cli.import_duplicate": (
        "rad {row}: Liknar en befintlig person ({who}, {why}). Ange --on-duplicate merge, "
        "skip eller create.",
        "row {row}: Resembles an existing person ({who}, {why}). Give --on-duplicate merge, "
        "skip or create.",
    ),
    "cli.import_file_missing": (
        "Ange filen att importera, eller --template FIL för att få mallen.",
        "Give the file to import, or --template FILE to get the template.",
    ),
    "cli.stats_period": ("Period {start} – {end}", "Period from {start} to {end}"),
    "cli.stats_report_written": (
        "Rapport {serial} skriven till {path}",
        "Report {serial} written to {path}",
    ),
    "cli.stats_figures_written": (
        "Nyckeltal skrivna till {path}",
        "Figures written to {path}",
    ),
    # users import: the file's bad rows, one line each, before the one error line.
    "cli.users_row": ("rad {row}: {text}", "row {row}: {text}"),
    "cli.users_row_fields": ("{count} fält, väntade 4", "{count} fields, expected 4"),
    "cli.users_row_role": ("okänd roll »{role}«", "unknown role »{role}«"),
    "cli.users_row_twice": (
        "{name} finns redan på rad {first}",
        "{name} is already on row {first}",
    ),
    "cli.users_row_taken": ("användarnamnet {name} är upptaget", "the user name {name} is taken"),
    "cli.users_row_agency": (
        "myndigheten »{agency}« finns inte",
        "the agency »{agency}« does not exist",
    ),
    "cli.users_row_recovery": (
        "myndigheten {agency} kräver återställningskoden i {env}",
        "the agency {agency} needs the recovery code in {env}",
    ),
    "cli.users_rows_bad": (
        "{name}: {count} fel (raderna ovan), inga konton skapades.",
        "{name}: {count} errors (the rows above), no accounts were made.",
    ),
    "cli.users_made": (
        "{accounts} skapades från {name}.",
        "Made {accounts} from {name}.",
    ),
    # server drill and recovery-check.
    "cli.drill_user_missing": (
        "Ange med --user NAMN vem som loggar in i kopian.",
        "Give with --user NAME who logs in to the copy.",
    ),
    "cli.recovery_code_missing": (
        "Ange återställningskoden i {env}.",
        "Give the recovery code in {env}.",
    ),
    "cli.drill_revoked": ("rättigheter borttagna för {name}", "rights removed for {name}"),
    "cli.drill_adopted": (
        "kopian {database}: {count} konton fick kopians rollnamn",
        "the copy {database}: {count} accounts got the copy's role names",
    ),
    "cli.drill_login": ("inloggning i kopian som {name}: OK", "login to the copy as {name}: OK"),
    "cli.drill_others": (
        "Andra användare: återställ deras lösenord i kopian med återställningskoden, "
        "eller kör kommandot med deras namn och lösenord.",
        "Other users: reset their passwords in the copy with the recovery code, or run "
        "the command with their names and passwords.",
    ),
    "cli.drill_pgaudit": (
        "Läsningar i kopian loggas av pgaudit först när en superanvändare kört:",
        "Reads in the copy are logged by pgaudit only once a superuser has run:",
    ),
    "cli.recovery_check_stored": (
        "Återställningskodens kontrollnyckel sparades: lösenord återställs nu med koden.",
        "The recovery code's check key was stored: passwords are now reset with the code.",
    ),
    "cli.screenshot_views": ("vyer: {names}", "views: {names}"),
}
