"""Swedish alphabetical order for SQLite: the ``sv`` collation registered on every connection.

SQLite compares text byte by byte, which puts Ä before Å, lower-case names after Z and
é after Ö. The key below gives the Swedish order: case-insensitive, å ä ö after z in that
order (æ and ø count as ä and ö, as in Swedish dictionaries), other diacritics folded to
their base letter (é → e, ş → s, ễ → e). PostgreSQL gets the same order from ICU.

Both are registered on every connection (desktop.store.engine.connect_raw): the index
ix_person_sv_name is built from ``sv_key``, so a connection without it cannot write persons.
"""

from __future__ import annotations

import functools
import unicodedata

COLLATION = "sv"
# The same order as an SQL function, for the expression index the person list sorts by
# (ix_person_sv_name): a collation callback runs per comparison and cannot be indexed.
KEY_FUNCTION = "sv_key"
# After "z" in ASCII order, in the Swedish order of the last three letters.
_AFTER_Z = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})
# Letters NFKD does not decompose, folded by hand to their base letter.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t"})


@functools.lru_cache(maxsize=65_536)
def swedish_key(text: str) -> str:
    """The sort key of ``text`` in Swedish alphabetical order (cached: runs per comparison)."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_AFTER_Z)
    decomposed = unicodedata.normalize("NFKD", folded.translate(_NO_DECOMPOSITION))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Search matches letters as a person without the name's keyboard types them (issue 18:
# "delic", "yilmaz" and "kovacevic" found nothing): every diacritic folded, å ä ö too,
# as PostgreSQL's unaccent does, so the file and the server find the same persons.
SEARCH_FOLD_FUNCTION = "search_fold"
_SEARCH_LETTERS = str.maketrans(
    {"ł": "l", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th"}
)


@functools.lru_cache(maxsize=65_536)
def search_fold(text: str) -> str:
    """``text`` as the search index holds it: lower case, every diacritic folded."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_SEARCH_LETTERS))
    return "".join(c for c in folded if not unicodedata.combining(c))


def search_fold_sql(text: str | None) -> str | None:
    """The ``search_fold(text)`` SQL function of SQLite connections; NULL for NULL."""
    return None if text is None else search_fold(text)


def compare_swedish(a: str, b: str) -> int:
    """The SQLite collation callback: negative, zero or positive like ``cmp``."""
    ka, kb = swedish_key(a), swedish_key(b)
    return (ka > kb) - (ka < kb)


def sort_key_sql(text: str | None) -> str | None:
    """The ``sv_key(text)`` SQL function: :func:`swedish_key`, NULL for NULL."""
    return None if text is None else swedish_key(text)
