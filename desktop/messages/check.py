"""Words for ``rondplan check`` and the restore's checks (the lines of the report, the
invariants' violations of docs/invariants.md, the restore's steps): code → (Swedish,
English). The core returns codes (``CheckLine``, ``Violation``); the command line words
them in the language of ``--lang``."""

from __future__ import annotations

_DAMAGED_SV = (
    "; detaljerna står i den tekniska loggen. Databasen är skadad: använd den inte och "
    "kontakta den som ansvarar för Rondplan."
)
_DAMAGED_EN = (
    "; the details are in the technical log. The database is damaged: do not use it and "
    "contact the person responsible for Rondplan."
)

WORDS: dict[str, tuple[str, str]] = {
    # The parts of the report, the first word of each line.
    "check.part.integrity": ("integritet", "integrity"),
    "check.part.cipher": ("kryptering", "encryption"),
    "check.part.chain": ("behandlingslogg", "processing log"),
    "check.part.server": ("server", "database server"),
    "check.part.ledger": ("gallring", "retention"),
    "check.part.domain": ("domän", "domain"),
    "check.failed": ("FEL", "ERROR"),
    "check.notice": ("OBS", "NOTE"),
    "check.structure_sound": (
        "databasfilens struktur är hel",
        "the database file's structure is whole",
    ),
    "check.pages_sound": (
        "varje sida har rätt kontrollsumma",
        "every page has the right checksum",
    ),
    "check.structure_damaged": (
        "{count} fel i databasfilens struktur" + _DAMAGED_SV,
        "{count} errors in the database file's structure" + _DAMAGED_EN,
    ),
    "check.structure_damaged_pages": (
        "{count} fel i databasfilens struktur (sidorna {pages})" + _DAMAGED_SV,
        "{count} errors in the database file's structure (pages {pages})" + _DAMAGED_EN,
    ),
    "check.pages_damaged": (
        "{count} fel i sidornas kontrollsummor" + _DAMAGED_SV,
        "{count} errors in the pages' checksums" + _DAMAGED_EN,
    ),
    "check.pages_damaged_pages": (
        "{count} fel i sidornas kontrollsummor (sidorna {pages})" + _DAMAGED_SV,
        "{count} errors in the pages' checksums (pages {pages})" + _DAMAGED_EN,
    ),
    "check.server_schema": (
        "PostgreSQL {version}, schemaversion {revision}",
        "PostgreSQL {version}, schema version {revision}",
    ),
    "check.server_wrong_schema": (
        "PostgreSQL {version}, fel schemaversion {revision}",
        "PostgreSQL {version}, wrong schema version {revision}",
    ),
    "check.domain_sound": (
        "inga brott mot invarianterna (docs/invariants.md)",
        "no invariant is broken (docs/invariants.md)",
    ),
    "check.ledger_unread": (
        "den nuvarande databasen kunde inte öppnas, så gallringar gjorda efter kopian "
        "kunde inte göras om: gå igenom personerna för gallring på nytt",
        "the current database could not be opened, so deletions made after the copy "
        "could not be repeated: go through the persons due for deletion again",
    ),
    "check.ledger_reapplied": (
        "{count} uppgifter som gallrats efter kopian togs bort igen",
        "{count} items deleted after the copy was taken were deleted again",
    ),
    "check.ledger_nothing": (
        "inget som gallrats efter kopian fanns i den",
        "nothing deleted after the copy was in it",
    ),
    "check.restored": ("Återställd: {path}", "Restored: {path}"),
    # The restore's steps, shown while it runs.
    "restore.step_unlock": ("Låser upp kopian", "Unlocking the copy"),
    "restore.step_check": ("Kontrollerar", "Checking"),
    "restore.step_retention": ("Gallrar", "Deleting what is due"),
    "restore.step_replace": ("Ersätter", "Replacing"),
    # The invariants (docs/invariants.md), one line per violation.
    "invariant.delivery_without_visit": (
        "Delgivning {delivery} har inget besök där budskapet framfördes (besök {visit}).",
        "Delivery {delivery} has no visit where the message was given (visit {visit}).",
    ),
    "invariant.delivery_not_attended": (
        "Delgivning {delivery} hör till en inbjudan {invitation} där han inte kom.",
        "Delivery {delivery} belongs to an invitation {invitation} he did not attend.",
    ),
    "invariant.visit_without_delivery": (
        "Besök {visit} framförde budskapet men saknar delgivning.",
        "Visit {visit} gave the message but has no delivery.",
    ),
    "invariant.task_for_closed_referral": (
        "Uppgift {task} är öppen för en remiss {referral} som är avslutad.",
        "Task {task} is open for a referral {referral} that is closed.",
    ),
    "invariant.referral_without_yes": (
        "Remiss {referral} kommer från besök {visit}, vars utfall inte säger ja till stöd.",
        "Referral {referral} comes from visit {visit}, whose outcome does not accept support.",
    ),
    "invariant.yes_without_referral": (
        "Besök {visit} säger ja till stöd men saknar remiss.",
        "Visit {visit} accepts support but has no referral.",
    ),
    "invariant.visit_foreign_address": (
        "Besök {visit} hos person {person} har sparat adress {address} ({owner}).",
        "Visit {visit} to person {person} has stored address {address} ({owner}).",
    ),
    "invariant.visit_no_address": (
        "Besök {visit} {day} har ingen adress som gäller den dagen för person {person}.",
        "Visit {visit} {day} has no address valid that day for person {person}.",
    ),
    "invariant.visit_invalid_address": (
        "Besök {visit} visar en ogiltig adress.",
        "Visit {visit} shows an invalid address.",
    ),
    "invariant.serial_repeated": (
        "Löpnumret {serial} finns {count} gånger.",
        "Serial number {serial} appears {count} times.",
    ),
    "invariant.address_ends_early": (
        "Adress {id} slutar innan den börjar.",
        "Address {id} ends before it begins.",
    ),
    "invariant.relation_ends_early": (
        "Relation {id} slutar innan den börjar.",
        "Relation {id} ends before it begins.",
    ),
    "invariant.visit_outside_period": (
        "Besök {visit} {day} ligger utanför perioden för insats {operation}.",
        "Visit {visit} {day} lies outside the period of operation {operation}.",
    ),
    "invariant.visit_of_merged_person": (
        "Besök {visit} hör till en person som slagits ihop.",
        "Visit {visit} belongs to a person who has been merged.",
    ),
    "invariant.urgent_outside_response": (
        "Besök {visit} bär händelse {incident} men hör inte till ett svar på den "
        "(insats {operation}).",
        "Visit {visit} carries incident {incident} but is not part of a response to it "
        "(operation {operation}).",
    ),
    "invariant.plain_incident_link": (
        "Länk {link} i händelse {incident} namnger ett brottsoffer, en skadad eller ett "
        "vittne i klartext.",
        "Link {link} of incident {incident} names a victim, an injured person or a witness "
        "in plain text.",
    ),
}
