"""Words for the storage error codes (``desktop.store``): code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "store.unusable": (
        "Databasen kunde inte användas.",
        "The database could not be used.",
    ),
    "store.wrong_password": (
        "Fel användarnamn eller lösenord. Försök igen.",
        "Wrong user name or password. Try again.",
    ),
    "store.account_locked": (
        "För många felaktiga försök. Vänta en stund och försök igen.",
        "Too many failed attempts. Wait a while and try again.",
    ),
    "store.not_a_database": (
        "Filen är inte en Rondplan-databas, eller nyckelfilen hör inte till den. "
        "Välj rätt fil eller återställ från en säkerhetskopia.",
        "The file is not a Rondplan database, or the key file does not belong to it. "
        "Choose the right file or restore from a backup.",
    ),
    "store.corrupt": (
        "Databasen är skadad och kan inte öppnas säkert. "
        "Återställ den senaste säkerhetskopian med »rondplan restore«.",
        "The database is damaged and cannot be opened safely. "
        "Restore the latest backup with “rondplan restore”.",
    ),
    "store.locked": (
        "Databasen används av ett annat program just nu. "
        "Stäng det andra Rondplan-fönstret och försök igen.",
        "The database is in use by another program right now. "
        "Close the other Rondplan window and try again.",
    ),
    "store.disk_full": (
        "Disken är full, så ändringen sparades inte. "
        "Frigör utrymme och försök igen; inget tidigare sparat har gått förlorat.",
        "The disk is full, so the change was not saved. "
        "Free some space and try again; nothing saved earlier has been lost.",
    ),
    "store.disk_error": (
        "Disken kunde inte läsa eller skriva databasen – den kan vara full eller "
        "otillgänglig. Inget har ändrats; frigör utrymme eller kontrollera disken och "
        "försök igen.",
        "The disk could not read or write the database – it may be full or unavailable. "
        "Nothing has changed; free some space or check the disk and try again.",
    ),
    "store.newer_database": (
        "Databasen är skapad av en nyare version av Rondplan. "
        "Uppdatera programmet innan du öppnar den.",
        "The database was created by a newer version of Rondplan. "
        "Update the program before you open it.",
    ),
    "store.missing": (
        "Databasen finns inte. Skapa den först med »rondplan init«.",
        "The database does not exist. Create it first with “rondplan init”.",
    ),
    "store.already_exists": (
        "Det finns redan en databas på den platsen. Välj en annan sökväg.",
        "There is already a database at that location. Choose another path.",
    ),
    "store.key_rotated": (
        "Databasnyckeln har bytts i ett annat Rondplan-fönster. "
        "Lås och lås upp igen, och gör sedan om ändringen.",
        "The database key was changed in another Rondplan window. "
        "Lock and unlock again, then make the change again.",
    ),
    "store.tampered_keyfile": (
        "Nyckelfilen har ändrats utan behörighet: ditt kontos signeringsnyckel går inte "
        "att öppna. Kontakta en administratör.",
        "The key file was changed without authorisation: your account's signing key "
        "cannot be opened. Contact an administrator.",
    ),
    "store.tampered_record": (
        "Behörighetsuppgifterna i databasen har ändrats utan administratörens underskrift. "
        "Rondplan vägrar använda dem; kontakta en administratör.",
        "The access records in the database were changed without the administrator's "
        "signature. Rondplan refuses to use them; contact an administrator.",
    ),
    "store.read_only_server": (
        "Servern tar bara emot läsningar just nu (en reservserver); ändringen sparades "
        "inte. Försök igen om en stund eller kontakta driften.",
        "The server accepts only reads right now (a standby server); the change was not "
        "saved. Try again in a while or contact operations.",
    ),
}
