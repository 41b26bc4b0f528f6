"""The command line's own help (``rondplan … --help``) in English: the Swedish text each
command registers → its English (issue 18). The commands write their help in Swedish
(the default language); under ``--lang en`` the parser swaps every help text, description
and argument name for the English here (``desktop.cli``). tests/unit/test_cli_help_english.py
fails on a help text of any subcommand without its English."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "Rondplan – planering, genomgång och uppföljning av hembesök (GVI).": (
        "Rondplan – planning, briefing and follow-up of home visits (GVI)."
    ),
    "databasfil (standard: rondplan.db i användarens datamapp)": (
        "database file (default: rondplan.db in the user's data folder)"
    ),
    "SÖKVÄG": "PATH",
    "öppna appen på en ny demodatabas": "open the app on a new demo database",
    "språk (sv eller en)": "language (sv or en)",
    "delad PostgreSQL-server i stället för lokal fil": (
        "shared PostgreSQL server instead of a local file"
    ),
    "kontrollera installationen och avsluta": "check the installation and exit",
    "KOMMANDO": "COMMAND",
    "skapa en ny krypterad databas och en administratör": (
        "create a new encrypted database and an administrator"
    ),
    "fyll en databas med fiktiva demodata (skapar den om den saknas)": (
        "fill a database with fictitious demo data (creates it if missing)"
    ),
    "kontrollera databasens integritet, kryptering och behandlingslogg": (
        "check the database's integrity, encryption and processing log"
    ),
    "behandlingsloggen": "the processing log",
    "gör en krypterad säkerhetskopia": "make an encrypted backup",
    "återställ en säkerhetskopia efter kontroll": "restore a backup after checking it",
    "skriv ut ett teams genomgångsunderlag som PDF": "print a team's briefing packet as PDF",
    "importera en kartläggningslista (CSV eller XLSX)": "import a mapping list (CSV or XLSX)",
    "exportera personer eller grupperingar till XLSX eller CSV": (
        "export persons or groups to XLSX or CSV"
    ),
    "programmets nyckeltal för en period": "the programme's figures for a period",
    "rendera en vy till PNG (utan skärm)": "render a view to PNG (without a screen)",
    "flytta en lokal databas till en tom PostgreSQL-databas (med kontrollerade antal)": (
        "move a local database to an empty PostgreSQL database (with checked counts)"
    ),
    "användarkonton (administratör)": "user accounts (administrator)",
    "ägarens åtgärder på en serverdatabas": "the owner's actions on a server database",
    "administratörens namn": "the administrator's name",
    "NAMN": "NAME",
    "namn som visas": "name shown",
    "administratörens myndighet": "the administrator's agency",
    "förbered en tom PostgreSQL-databas (ägarens adress) i stället för en fil": (
        "prepare an empty PostgreSQL database (the owner's address) instead of a file"
    ),
    "Skapar en trovärdig men helt fiktiv datamängd i Malmöskala och inloggningar för alla "
    "roller i alla myndigheter med ett gemensamt demolösenord. En befintlig databas måste "
    "vara tom och kräver --user (administratör) och återställningskoden i "
    "RONDPLAN_RECOVERY_CODE.": (
        "Makes a credible but wholly fictitious data set at the scale of Malmö, and logins "
        "for every role in every agency with one shared demo password. An existing database "
        "must be empty and needs --user (administrator) and the recovery code in "
        "RONDPLAN_RECOVERY_CODE."
    ),
    "användarnamn": "user name",
    "läs lösenordet från standard in": "read the password from standard input",
    "antal personer (50–1 000 000)": "number of persons (50–1,000,000)",
    "slumpfrö": "random seed",
    "referensdatum (standard: i dag)": "reference date (default: today)",
    "ÅÅÅÅ-MM-DD": "YYYY-MM-DD",
    "ÅTGÄRD": "ACTION",
    "verifiera loggens kedja och kontrollpunkt": "verify the log's chain and checkpoint",
    "skriv ut en kontrollpunkt att spara på papper": "print a checkpoint to keep on paper",
    "jämför en kontrollpunkt på papper med databasen": (
        "compare a checkpoint on paper with the database"
    ),
    "post-numret": "the entry number",
    "POST": "ENTRY",
    "hashen på papperet": "the hash on the paper",
    "FIL": "FILE",
    "säkerhetskopian": "the backup",
    "insatsens id": "the operation's id",
    "teamets id; all = alla team (bara med --schedule)": (
        "the team's id; all = every team (only with --schedule)"
    ),
    "skriv ut teamets schema (med medlemmar) i stället för genomgångsunderlaget": (
        "print the team's schedule (with members) instead of the briefing packet"
    ),
    "dagen (utan: hela insatsen)": "the day (without: the whole operation)",
    "PDF-filen att skriva": "the PDF file to write",
    "FIL.pdf": "FILE.pdf",
    "skriv ut adresser till personer med skyddad identitet (markeras på sidan); lösenordet "
    "frågas igen (med --password-stdin: en rad till)": (
        "print the addresses of persons with protected identity (marked on the page); the "
        "password is asked again (with --password-stdin: one more line)"
    ),
    "Läser filen, visar varje problem som 'rad N, Kolumn: meddelande' och importerar allt i "
    "en transaktion – eller ingenting om något fel finns kvar.": (
        "Reads the file, shows each problem as 'row N, Column: message' and imports "
        "everything in one transaction – or nothing if any error is left."
    ),
    "filen att importera": "the file to import",
    "skriv importmallen (.xlsx eller .csv)": "write the import template (.xlsx or .csv)",
    "kontrollera och räkna, men importera ingenting": "check and count, but import nothing",
    "vad filen är: en kartläggningslista (standard) eller polisens händelselista": (
        "what the file is: a mapping list (the default) or the police's incident list"
    ),
    "använd en sparad kolumnmall": "use a saved column template",
    "vad som görs med rader som liknar en befintlig person (annars ett fel)": (
        "what is done with rows that resemble an existing person (otherwise an error)"
    ),
    "Skriver det din roll får se till en XLSX- eller CSV-fil (UTF-8 med BOM, ';'). Skyddade "
    "adresser och myndigheternas anteckningar exporteras aldrig; personnummer bara med "
    "--with-personal-numbers. Varje export loggas.": (
        "Writes what your role may see to an XLSX or CSV file (UTF-8 with BOM, ';'). "
        "Protected addresses and the agencies' notes are never exported; personal identity "
        "numbers only with --with-personal-numbers. Every export is logged."
    ),
    "vad som exporteras": "what is exported",
    ".xlsx eller .csv": ".xlsx or .csv",
    "ta med fullständiga personnummer (kräver behörighet)": (
        "include full personal identity numbers (needs the permission)"
    ),
    "periodens första dag (standard: tolv månader bakåt)": (
        "the period's first day (default: twelve months back)"
    ),
    "DATUM": "DATE",
    "periodens sista dag (standard: i dag)": "the period's last day (default: today)",
    "bara en grupp (grupp-id)": "only one group (group id)",
    "bara ett område": "only one area",
    "OMRÅDE": "AREA",
    "bara en myndighet (police, social …)": "only one agency (police, social …)",
    "KOD": "CODE",
    "skriv statistikrapporten som PDF": "write the statistics report as PDF",
    "skriv nyckeltalen som XLSX": "write the figures as XLSX",
    "Renderar en vy offscreen till en PNG-fil. Utan --db används en ny demodatabas med "
    "fiktiva uppgifter.": (
        "Renders a view offscreen to a PNG file. Without --db a new demo database with "
        "fictitious data is used."
    ),
    "vyns namn (se nedan)": "the view's name (see below)",
    "FIL.png": "FILE.png",
    "fönsterstorlek": "window size",
    "BxH": "WxH",
    "den tomma serverdatabasen (ägarens adress)": "the empty server database (the owner's address)",
    "lista kontona": "list the accounts",
    "skapa ett konto med ett tillfälligt lösenord": "create an account with a temporary password",
    "stäng av ett konto (på en fil byts även nycklarna)": (
        "disable an account (on a file its keys are changed too)"
    ),
    "nytt tillfälligt lösenord (återställningskoden)": (
        "a new temporary password (the recovery code)"
    ),
    "skapa alla konton i en CSV-fil (allt eller inget)": (
        "create every account in a CSV file (all or nothing)"
    ),
    "ANVÄNDARNAMN": "USERNAME",
    "visningsnamn": "display name",
    "roll, t.ex. officer": "role, e.g. officer",
    "ROLL": "ROLE",
    "myndighetens kod": "the agency's code",
    "skriv de tillfälliga lösenorden till en ny fil (bara ägaren kan läsa den)": (
        "write the temporary passwords to a new file (only its owner can read it)"
    ),
    "CSV med kolumnerna användarnamn, visningsnamn, roll, myndighetskod (komma eller "
    "semikolon, en rubrikrad får finnas). Ingen rad skapas om någon rad är fel.": (
        "CSV with the columns user name, display name, role, agency code (comma or "
        "semicolon, a header row may be there). No row is made if any row is wrong."
    ),
    "FIL.csv": "FILE.csv",
    "gör en återläst kopia (nytt databasnamn) användbar och bara sin egen": (
        "make a restored copy (a new database name) usable and only its own"
    ),
    "spara återställningskodens kontrollnyckel (koden i RONDPLAN_RECOVERY_CODE)": (
        "store the recovery code's check key (the code in RONDPLAN_RECOVERY_CODE)"
    ),
    "kopians adress som dess ägare": "the copy's address as its owner",
    "databasens adress som dess ägare": "the database's address as its owner",
}
