"""Words for the security error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "agency.unknown": (
        "Myndigheten finns inte.",
        "The agency does not exist.",
    ),
    "backup.on_server": (
        "Servern säkerhetskopieras av serverns drift (pg_basebackup och WAL-arkiv), inte "
        "från en arbetsstation.",
        "The server is backed up by its operators (pg_basebackup and a WAL archive), not "
        "from a workstation.",
    ),
    "note.no_agency_key": (
        "Du har ingen nyckel till din myndighets anteckningar.",
        "You have no key to your agency's notes.",
    ),
    "note.too_long": (
        "Anteckningen får ha högst {limit} tecken.",
        "The note may have at most {limit} characters.",
    ),
}
