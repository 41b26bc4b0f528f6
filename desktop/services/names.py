"""Names compared the way people write them: folded, transliterated, similar.

Used to find duplicates (mapping, import, transfer look-ups). No database, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "SIMILAR_THRESHOLD",
    "fold",
    "names_similar",
    "normalise_name",
    "similarity",
    "word_similarity",
]

# Letters NFKD does not decompose into a base letter and a mark.
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ı": "i"}
)
# Spelling variants met when names are transliterated from Arabic, Somali,
# Persian, Kurdish, Tigrinya and Balkan languages into Swedish registers.
_TRANSLITERATIONS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"),
    ("tj", "sh"),
    ("ch", "sh"),
    ("ph", "f"),
    ("kh", "h"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ij", "i"),
    ("w", "v"),
    ("z", "s"),
    ("q", "k"),
    ("c", "k"),
    ("y", "i"),
    ("j", "i"),
    ("x", "ks"),
    ("e", "a"),
)


def fold(text: str) -> str:
    """Casefold and strip diacritics: ``Åsa Öberg`` → ``asa oberg``."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(char for char in folded if not unicodedata.combining(char))


def normalise_name(name: str) -> str:
    """A spelling-tolerant key for a name: folded, transliterated, letters only.

    ``Mohammed`` and ``Muhamad`` stay distinct but close; ``Youssef`` and
    ``Jusuf`` become equal. Doubled letters collapse. Words are sorted so that
    first and last name may come in either order.
    """
    words = []
    for word in re.split(r"[^a-z]+", fold(name)):
        if not word:
            continue
        for old, new in _TRANSLITERATIONS:
            word = word.replace(old, new)
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(sorted(words))


def _jaro_winkler(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    a_flags, b_flags = [False] * len(a), [False] * len(b)
    matches = 0
    for i, char in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not b_flags[j] and b[j] == char:
                a_flags[i] = b_flags[j] = True
                matches += 1
                break
    if matches == 0:
        return 0.0
    a_matched = [c for c, flag in zip(a, a_flags, strict=True) if flag]
    b_matched = [c for c, flag in zip(b, b_flags, strict=True) if flag]
    transpositions = sum(x != y for x, y in zip(a_matched, b_matched, strict=True)) // 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


SIMILAR_THRESHOLD = 0.88


def word_similarity(a: str, b: str) -> float:
    """Jaro–Winkler similarity of two words already passed through :func:`normalise_name`."""
    return _jaro_winkler(a, b)


def similarity(a: str, b: str) -> float:
    """Similarity (0–1) of two full names, tolerant of spelling and word order.

    Each word of the name with fewer words is paired with its closest word in
    the other (Jaro–Winkler after :func:`normalise_name`); the weakest pair
    decides, so a shared surname alone does not make two people alike.
    """
    words_a, words_b = normalise_name(a).split(), normalise_name(b).split()
    if not words_a or not words_b:
        return 1.0 if words_a == words_b else 0.0
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a

    def weakest(short: list[str], long: list[str]) -> float:
        return min(max(_jaro_winkler(x, y) for y in long) for x in short)

    score = weakest(words_a, words_b)
    # With as many words on both sides, pair from each side: symmetric.
    return min(score, weakest(words_b, words_a)) if len(words_a) == len(words_b) else score


def names_similar(a: str, b: str) -> bool:
    """True when two names probably denote the same person (for duplicate warnings)."""
    return similarity(a, b) >= SIMILAR_THRESHOLD
