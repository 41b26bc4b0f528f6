"""What the user typed into the person search, as the stores' search indexes hold it.

Both backends index the same folded text (the file's FTS5 trigram table, the server's
pg_trgm expression, migration 0013); these helpers turn typed words into that form.
"""

from __future__ import annotations

import re

from desktop.store.collation import search_fold

TOKEN = re.compile(r"\S+")
# A trigram index cannot answer a shorter word.
MIN_WORD = 3


def indexed_form(word: str) -> str:
    """A typed word as the index holds it: identity digits without the dash, names folded
    (case and every diacritic, so "delic" finds Delić; migration 0013)."""
    if re.fullmatch(r"[\d-]+", word):
        return word.replace("-", "")
    return search_fold(word)


def searchable_words(typed: str) -> list[str]:
    """The typed words long enough for the trigram index, in their indexed form."""
    words = (indexed_form(word) for word in TOKEN.findall(typed))
    return [word for word in words if len(word) >= MIN_WORD]


def fts_query(typed: str, names_only: bool = False) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None if nothing is long enough.

    Each word becomes a quoted string (quotes doubled), so operators and punctuation in
    the input are matched literally instead of being parsed as FTS5 syntax. Words shorter
    than three characters are left out: a trigram index cannot answer them.
    ``names_only`` limits the match to the name and alias columns (finding 4: the
    identity digits are not searchable by fragment for users who see them masked).
    """
    terms = ['"' + word.replace('"', '""') + '"' for word in searchable_words(typed)]
    if not terms:
        return None
    return "{name aliases} : (" + " ".join(terms) + ")" if names_only else " ".join(terms)
