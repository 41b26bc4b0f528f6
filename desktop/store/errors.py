"""Known storage errors: each carries one clear Swedish sentence for the user.

Anything that is not one of these is a bug and goes to the crash dialog.
The messages never contain a password, a key or personal data.
"""

from __future__ import annotations


class StoreError(Exception):
    """A known storage problem the user can act on."""

    message = "Databasen kunde inte användas."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)

    @property
    def user_message(self) -> str:
        return str(self)


class WrongPassword(StoreError):
    message = "Fel användarnamn eller lösenord. Försök igen."


class AccountLocked(StoreError):
    message = "För många felaktiga försök. Vänta en stund och försök igen."


class NotADatabase(StoreError):
    message = (
        "Filen är inte en Rondplan-databas, eller nyckelfilen hör inte till den. "
        "Välj rätt fil eller återställ från en säkerhetskopia."
    )


class CorruptDatabase(StoreError):
    message = (
        "Databasen är skadad och kan inte öppnas säkert. "
        "Återställ den senaste säkerhetskopian med »rondplan restore«."
    )


class DatabaseLocked(StoreError):
    message = (
        "Databasen används av ett annat program just nu. "
        "Stäng det andra Rondplan-fönstret och försök igen."
    )


class DiskFull(StoreError):
    message = (
        "Disken är full, så ändringen sparades inte. "
        "Frigör utrymme och försök igen; inget tidigare sparat har gått förlorat."
    )


class DiskError(StoreError):
    """SQLite's disk I/O error: the disk failed or ran out of room (a full disk often
    shows as this, not as SQLITE_FULL). Not a damaged database: nothing says restore."""

    message = (
        "Disken kunde inte läsa eller skriva databasen – den kan vara full eller otillgänglig. "
        "Inget har ändrats; frigör utrymme eller kontrollera disken och försök igen."
    )


class NewerDatabase(StoreError):
    message = (
        "Databasen är skapad av en nyare version av Rondplan. "
        "Uppdatera programmet innan du öppnar den."
    )


class MissingDatabase(StoreError):
    message = "Databasen finns inte. Skapa den först med »rondplan init«."


class AlreadyExists(StoreError):
    message = "Det finns redan en databas på den platsen. Välj en annan sökväg."


class KeyRotated(StoreError):
    message = (
        "Databasnyckeln har bytts i ett annat Rondplan-fönster. "
        "Lås och lås upp igen, och gör sedan om ändringen."
    )


class TamperedKeyfile(StoreError):
    """A slot's signing key no longer opens: its trust root pin was removed or swapped."""

    message = (
        "Nyckelfilen har ändrats utan behörighet: ditt kontos signeringsnyckel går inte "
        "att öppna. Kontakta en administratör."
    )


class TamperedRecord(StoreError):
    """A signed record (account, role, agency, agency key) fails its trust-root check."""

    message = (
        "Behörighetsuppgifterna i databasen har ändrats utan administratörens underskrift. "
        "Rondplan vägrar använda dem; kontakta en administratör."
    )


class ReadOnlyServer(StoreError):
    """A save reached a read-only server (a standby; SQLSTATE 25006), issue 19."""

    message = (
        "Servern tar bara emot läsningar just nu (en reservserver); ändringen sparades "
        "inte. Försök igen om en stund eller kontakta driften."
    )
