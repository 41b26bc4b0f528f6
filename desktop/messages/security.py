"""Words for the security error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "agency.unknown": (
        "Myndigheten finns inte.",
        "The agency does not exist.",
    ),
    "backup.check_failed": (
        "Säkerhetskopian klarade inte kontrollen ({name}: {message}). Inget har ersatts.",
        "The backup failed the check ({name}: {message}). Nothing has been replaced.",
    ),
    "backup.exists": (
        "Säkerhetskopian finns redan. Välj ett annat filnamn.",
        "The backup already exists. Choose another file name.",
    ),
    "backup.missing": (
        "Säkerhetskopian finns inte.",
        "The backup does not exist.",
    ),
    "backup.on_server": (
        "Servern säkerhetskopieras av serverns drift (pg_basebackup och WAL-arkiv), inte "
        "från en arbetsstation.",
        "The server is backed up by its operators (pg_basebackup and a WAL archive), not "
        "from a workstation.",
    ),
    "disclosure.already_there": (
        "Anteckningen finns redan hos den myndigheten.",
        "The note is already held by that agency.",
    ),
    "disclosure.legal_basis_missing": (
        "Ange vilket lagrum utlämnandet stöds på.",
        "Give the legal provision the disclosure rests on.",
    ),
    "disclosure.reason_missing": (
        "Ange skälet till utlämnandet.",
        "Give the reason for the disclosure.",
    ),
    "disclosure.recipient_no_key": (
        "Den mottagande myndigheten har ingen nyckel ännu. En användare där behöver logga "
        "in en gång först.",
        "The receiving agency has no key yet. A user there needs to log in once first.",
    ),
    "disclosure.recipient_unknown": (
        "Mottagande myndighet finns inte.",
        "The receiving agency does not exist.",
    ),
    "lock.idle_range": (
        "Ange mellan {low} och {high} minuter.",
        "Give between {low} and {high} minutes.",
    ),
    "note.empty": (
        "Anteckningen är tom.",
        "The note is empty.",
    ),
    "note.no_agency_key": (
        "Du har ingen nyckel till din myndighets anteckningar.",
        "You have no key to your agency's notes.",
    ),
    "note.no_subject": (
        "Anteckningen måste höra till en person, grupp eller besök.",
        "The note must belong to a person, a group or a visit.",
    ),
    "note.recipient_key_unsigned": (
        "Den mottagande myndighetens nyckel är inte signerad ännu. En administratör "
        "behöver logga in en gång först.",
        "The receiving agency's key is not signed yet. An administrator needs to log in "
        "once first.",
    ),
    "note.too_long": (
        "Anteckningen får ha högst {limit} tecken.",
        "The note may have at most {limit} characters.",
    ),
    "password.is_a_name": (
        "Lösenordet får inte bestå av ditt namn, myndighetens eller programmets namn. Välj "
        "ett annat.",
        "The password must not be your name, the agency's name or the program's name. "
        "Choose another.",
    ),
    "password.repeated": (
        "Lösenordet består av samma tecken om och om igen. Välj ett annat.",
        "The password is the same characters over and over. Choose another.",
    ),
    "password.same_as_old": (
        "Det nya lösenordet måste skilja sig från det gamla.",
        "The new password must differ from the old one.",
    ),
    "password.too_common": (
        "Lösenordet är för vanligt och finns i listor som angripare prövar först. Välj ett annat.",
        "The password is too common and is in the lists attackers try first. Choose another.",
    ),
    "password.too_short": (
        "Lösenordet måste ha minst {minimum} tecken. Välj gärna en mening med flera ord.",
        "The password must have at least {minimum} characters. A sentence of several words "
        "is a good choice.",
    ),
    "permission.no_trust_root": (
        "Ditt konto saknar installationens rotnyckel. Logga in med återställningskoden "
        "eller be en annan administratör göra ändringen.",
        "Your account lacks the installation's root key. Log in with the recovery code or "
        "ask another administrator to make the change.",
    ),
    "permission.verify_audit": (
        "Bara granskare och administratörer får verifiera behandlingsloggen.",
        "Only auditors and administrators may verify the processing log.",
    ),
    "recovery.needed": (
        "Ange återställningskoden: din egen nyckel räcker inte för det.",
        "Give the recovery code: your own key is not enough for that.",
    ),
    "recovery.needed_protected": (
        "Ange återställningskoden: ingen annan har ännu nyckeln till skyddade adresser.",
        "Give the recovery code: no one else holds the key to protected addresses yet.",
    ),
    "recovery.no_agency_key": (
        "Återställningskoden saknar myndighetens nyckel.",
        "The recovery code lacks the agency's key.",
    ),
    "recovery.wrong": (
        "Återställningskoden stämmer inte.",
        "The recovery code is wrong.",
    ),
    "retention.days_missing": (
        "Ange minst en dag.",
        "Give at least one day.",
    ),
    "retention.legal_missing": (
        "Ange lagrummet eller beslutet som anger fristen.",
        "Give the legal provision or the decision that sets the time limit.",
    ),
    "user.disable_self": (
        "Du kan inte stänga av ditt eget konto.",
        "You cannot disable your own account.",
    ),
    "user.name_taken": (
        "Användarnamnet är upptaget.",
        "The user name is taken.",
    ),
    "user.remove_own_admin": (
        "Du kan inte ta bort din egen administratörsroll.",
        "You cannot remove your own administrator role.",
    ),
}
