"""Words for the storage error codes (``desktop.store``): code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "server.already_rondplan": (
        "Serverdatabasen används redan av Rondplan.",
        "The server database is already used by Rondplan.",
    ),
    "server.login_replace_refused": (
        "Servern byter en befintlig inloggning bara med återställningskoden. "
        "Ange koden; har du gjort det, be serverns ägare köra rondplan server "
        "recovery-check med den.",
        "The server replaces an existing login only with the recovery code. Give the "
        "code; if you did, ask the server's owner to run rondplan server recovery-check "
        "with it.",
    ),
    "server.database_in_use": (
        "Serverdatabasen används redan av Rondplan; välj en tom databas.",
        "The server database is already used by Rondplan; choose an empty database.",
    ),
    "server.not_prepared": (
        "Serverdatabasen är inte förberedd för Rondplan.",
        "The server database is not prepared for Rondplan.",
    ),
    "server.owner_needs_createrole": (
        "Databasens ägare saknar rättigheten CREATEROLE, som behövs för att skapa "
        "användarnas inloggningsroller. Be databasadministratören ge ägaren den (ALTER "
        "ROLE … CREATEROLE) och försök igen.",
        "The database owner lacks the CREATEROLE privilege, which is needed to create the "
        "users' login roles. Ask the database administrator to grant it to the owner "
        "(ALTER ROLE … CREATEROLE) and try again.",
    ),
    "server.tls_refused": (
        "Serverns certifikat kunde inte verifieras eller krypteringen saknas; anslutningen "
        "vägrades.",
        "The server's certificate could not be verified or encryption is missing; the "
        "connection was refused.",
    ),
    "server.url_bad_port": (
        "Serveradressen har ett ogiltigt portnummer: {port}",
        "The server address has an invalid port number: {port}",
    ),
    "server.url_hosts_ports": (
        "Serveradressen har olika många värdar och portar; ange en port per värd.",
        "The server address has a different number of hosts and ports; give one port per host.",
    ),
    "server.url_listen": (
        "Serveradressen: listen= ska vara värd:port, flera skilda med kommatecken.",
        "The server address: listen= must be host:port, several separated by commas.",
    ),
    "server.url_no_database": (
        "Serveradressen saknar databasnamn (postgresql://värd/databas).",
        "The server address has no database name (postgresql://host/database).",
    ),
    "server.url_pooler": (
        "Serveradressen: pgbouncer= ska vara transaction eller session.",
        "The server address: pgbouncer= must be transaction or session.",
    ),
    "server.url_scheme": (
        "Serveradressen ska börja med postgresql://",
        "The server address must begin with postgresql://",
    ),
    "server.username_too_long": (
        "Användarnamnet är för långt för servern (högst 63 tecken med databas).",
        "The user name is too long for the server (at most 63 characters with the database).",
    ),
    "store.account_disabled": (
        "Kontot är avstängt. Kontakta en administratör för att få logga in igen.",
        "The account is disabled. Contact an administrator to be allowed to log in again.",
    ),
    "store.account_locked": (
        "För många felaktiga försök. Vänta en stund och försök igen.",
        "Too many failed attempts. Wait a while and try again.",
    ),
    "store.account_locked_until": (
        "För många felaktiga försök. Vänta till {until} och försök igen.",
        "Too many failed attempts. Wait until {until} and try again.",
    ),
    "store.account_unknown": (
        "Kontot finns inte eller är avstängt.",
        "The account does not exist or is disabled.",
    ),
    "store.already_exists": (
        "Det finns redan en databas på den platsen. Välj en annan sökväg.",
        "There is already a database at that location. Choose another path.",
    ),
    "store.corrupt": (
        "Databasen är skadad och kan inte öppnas säkert. Återställ den senaste "
        "säkerhetskopian med »rondplan restore«.",
        "The database is damaged and cannot be opened safely. Restore the latest backup "
        "with “rondplan restore”.",
    ),
    "store.disk_error": (
        "Disken kunde inte läsa eller skriva databasen – den kan vara full eller "
        "otillgänglig. Inget har ändrats; frigör utrymme eller kontrollera disken och "
        "försök igen.",
        "The disk could not read or write the database – it may be full or unavailable. "
        "Nothing has changed; free some space or check the disk and try again.",
    ),
    "store.disk_full": (
        "Disken är full, så ändringen sparades inte. Frigör utrymme och försök igen; inget "
        "tidigare sparat har gått förlorat.",
        "The disk is full, so the change was not saved. Free some space and try again; "
        "nothing saved earlier has been lost.",
    ),
    "store.key_rotated": (
        "Databasnyckeln har bytts i ett annat Rondplan-fönster. Lås och lås upp igen, och "
        "gör sedan om ändringen.",
        "The database key was changed in another Rondplan window. Lock and unlock again, "
        "then make the change again.",
    ),
    "store.keyfile_damaged": (
        "Nyckelfilen är skadad. Återställ en säkerhetskopia.",
        "The key file is damaged. Restore a backup.",
    ),
    "store.keyfile_missing": (
        "Nyckelfilen (.keys) saknas bredvid databasen. Lägg tillbaka den eller återställ "
        "en säkerhetskopia.",
        "The key file (.keys) is missing beside the database. Put it back or restore a backup.",
    ),
    "store.keyfile_other_database": (
        "Nyckelfilen hör till en annan databas.",
        "The key file belongs to another database.",
    ),
    "store.locked": (
        "Databasen används av ett annat program just nu. Stäng det andra Rondplan-fönstret "
        "och försök igen.",
        "The database is in use by another program right now. Close the other Rondplan "
        "window and try again.",
    ),
    "store.locked_session": (
        "Rondplan är låst. Lås upp med ditt lösenord.",
        "Rondplan is locked. Unlock it with your password.",
    ),
    "store.missing": (
        "Databasen finns inte. Skapa den först med »rondplan init«.",
        "The database does not exist. Create it first with “rondplan init”.",
    ),
    "store.newer_database": (
        "Databasen är skapad av en nyare version av Rondplan. Uppdatera programmet innan "
        "du öppnar den.",
        "The database was created by a newer version of Rondplan. Update the program "
        "before you open it.",
    ),
    "store.no_agency_key": (
        "Du har inte nyckeln till den avdelningen.",
        "You do not hold the key to that agency.",
    ),
    "store.no_sqlcipher": (
        "SQLCipher saknas; databasen kan inte krypteras.",
        "SQLCipher is missing; the database cannot be encrypted.",
    ),
    "store.not_a_database": (
        "Filen är inte en Rondplan-databas, eller nyckelfilen hör inte till den. Välj rätt "
        "fil eller återställ från en säkerhetskopia.",
        "The file is not a Rondplan database, or the key file does not belong to it. "
        "Choose the right file or restore from a backup.",
    ),
    "store.read_only_server": (
        "Servern tar bara emot läsningar just nu (en reservserver); ändringen sparades "
        "inte. Försök igen om en stund eller kontakta driften.",
        "The server accepts only reads right now (a standby server); the change was not "
        "saved. Try again in a while or contact operations.",
    ),
    "store.server_refused": (
        "Servern vägrade åtgärden och ingenting sparades. Försök igen; händer det igen, "
        "kontakta driften.",
        "The server refused the action and nothing was saved. Try again; if it happens "
        "again, contact operations.",
    ),
    "store.tampered_keyfile": (
        "Nyckelfilen har ändrats utan behörighet: ditt kontos signeringsnyckel går inte "
        "att öppna. Kontakta en administratör.",
        "The key file was changed without authorisation: your account's signing key cannot "
        "be opened. Contact an administrator.",
    ),
    "store.tampered_record": (
        "Behörighetsuppgifterna i databasen har ändrats utan administratörens underskrift. "
        "Rondplan vägrar använda dem; kontakta en administratör.",
        "The access records in the database were changed without the administrator's "
        "signature. Rondplan refuses to use them; contact an administrator.",
    ),
    "store.unusable": (
        "Databasen kunde inte användas.",
        "The database could not be used.",
    ),
    "store.wrong_password": (
        "Fel användarnamn eller lösenord. Försök igen.",
        "Wrong user name or password. Try again.",
    ),
    "server.unavailable": (
        "Servern kan inte nås. Kontrollera nätverket och försök igen.",
        "The server cannot be reached. Check the network and try again.",
    ),
    "server.needs_upgrade": (
        "Serverdatabasen har en annan version än programmet. "
        "Be administratören uppgradera servern (rondplan init --server … --upgrade).",
        "The server database has a different version from the program. "
        "Ask the administrator to upgrade the server (rondplan init --server … --upgrade).",
    ),
}
