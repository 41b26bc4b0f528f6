"""Existing persons who may be the person on an import row, found in memory.

A 10,000-row file checked against 100,000 persons cannot afford one query per row,
so the lookup reads the few columns it needs once and indexes them: by personnummer,
by birth date, and by name word. Close spelling is decided as
:func:`desktop.services.names.names_similar` decides it, with word scores cached;
to keep it fast each distinct word
of the file is compared only with the distinct words of the database that start with
the same letter, share the second letter or the last two, and share enough letters to
reach the score at all (an exact bound, checked with a bitmask).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Person
from desktop.services.importing import ExistingMatch, ImportRow
from desktop.services.names import SIMILAR_THRESHOLD, normalise_name, word_similarity

__all__ = ["DatabasePersonLookup", "KnownPerson"]

# Why a row resembles an existing person: codes, worded where shown (desktop/messages).
SAME_IDENTITY = "match.same_identity"
SAME_NAME_AND_BIRTH = "match.same_name_and_birth"
SIMILAR_NAME_SAME_BIRTH = "match.similar_name_same_birth"
SIMILAR_NAME = "match.similar_name"
_MAX_MATCHES = 5
_JARO_FLOOR = 1.4
_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """The columns of an existing person the duplicate check needs."""

    id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    identity_number: str | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def born(self) -> int | None:
        """The birth year, shown with the name: enough to recognise, never the
        personnummer (``ExistingMatch.who_in``)."""
        return None if self.birth_date is None else self.birth_date.year


class DatabasePersonLookup:
    """An :class:`~desktop.services.importing.ExistingPersonLookup` over the database.

    Args:
        persons: The existing (not merged-away) persons; see :meth:`from_session`.
    """

    def __init__(self, persons: Sequence[KnownPerson]) -> None:
        self._persons = {p.id: p for p in persons}
        self._by_identity: dict[str, list[int]] = defaultdict(list)
        self._by_birth: dict[dt.date, list[int]] = defaultdict(list)
        # Every person, and those without a birth date: a row with a birth date only
        # needs the second for close spellings (another birth date means another person).
        self._everyone = _WordIndex()
        self._undated = _WordIndex()
        self._keys: dict[int, str] = {}
        self._token_words: dict[str, tuple[str, ...]] = {}
        self._masks: dict[str, int] = {}
        for person in persons:
            if person.identity_number:
                self._by_identity[person.identity_number].append(person.id)
            if person.birth_date is not None:
                self._by_birth[person.birth_date].append(person.id)
            key = self._key(person.full_name)
            self._keys[person.id] = key
            for word in set(key.split()):
                if word not in self._masks:
                    self._masks[word] = _letter_mask(word)
                self._everyone.add(word, person.id)
                if person.birth_date is None:
                    self._undated.add(word, person.id)
        self._pair_scores: dict[tuple[str, str], float] = {}

    @classmethod
    def from_session(cls, session: Session) -> DatabasePersonLookup:
        """Read every current person's name, birth date and personnummer (one query)."""
        rows = session.execute(
            select(
                Person.id,
                Person.first_name,
                Person.last_name,
                Person.birth_date,
                Person.identity_number,
            ).where(Person.merged_into_id.is_(None))
        )
        return cls([KnownPerson(*row) for row in rows])

    def __len__(self) -> int:
        return len(self._persons)

    def candidates(self, row: ImportRow) -> Sequence[ExistingMatch]:
        """Existing persons who are probably the person on ``row``, best first."""
        number = row.identity_number.value if row.identity_number is not None else None
        found: dict[int, tuple[int, str]] = {}
        if number is not None:
            for person_id in self._by_identity.get(number, ()):
                found[person_id] = (0, SAME_IDENTITY)
        key = self._key(row.full_name)
        if row.birth_date is not None:
            for person_id in self._by_birth.get(row.birth_date, ()):
                if person_id in found or self._different_numbers(person_id, number):
                    continue
                if self._keys[person_id] == key:
                    found[person_id] = (1, SAME_NAME_AND_BIRTH)
                elif self._similar(self._keys[person_id], key):
                    found[person_id] = (2, SIMILAR_NAME_SAME_BIRTH)
        index = self._everyone if row.birth_date is None else self._undated
        for person_id in self._spelled_alike(key, index):
            person = self._persons[person_id]
            if person_id in found or self._different_numbers(person_id, number):
                continue
            if row.birth_date is not None and person.birth_date is not None:
                continue  # two birth dates, and not the same: two people
            if self._similar(self._keys[person_id], key):
                found[person_id] = (3, SIMILAR_NAME)
        ranked = sorted(
            found.items(), key=lambda item: (item[1][0], self._persons[item[0]].full_name)
        )
        return [
            ExistingMatch(
                person_id,
                self._persons[person_id].full_name,
                reason,
                self._persons[person_id].born,
            )
            for person_id, (_, reason) in ranked[:_MAX_MATCHES]
        ]

    def _different_numbers(self, person_id: int, number: str | None) -> bool:
        other = self._persons[person_id].identity_number
        return number is not None and other is not None and other != number

    def _key(self, name: str) -> str:
        """:func:`normalise_name` of ``name``, computed word by word through a cache.

        Folding and transliteration act within a word, so normalising each
        whitespace-separated token and sorting the words gives the same key.
        """
        words: list[str] = []
        for token in name.split():
            cached = self._token_words.get(token)
            if cached is None:
                cached = tuple(normalise_name(token).split())
                self._token_words[token] = cached
            words.extend(cached)
        return " ".join(sorted(words))

    def _score(self, a: str, b: str) -> float:
        pair = (a, b) if a <= b else (b, a)
        score = self._pair_scores.get(pair)
        if score is None:
            score = self._pair_scores[pair] = word_similarity(a, b)
        return score

    def _similar(self, key_a: str, key_b: str) -> bool:
        """:func:`desktop.services.names.names_similar` on two keys, with cached
        word scores: each word of the shorter name against its closest in the other,
        the weakest pair decides (both ways when the word counts are equal)."""
        words_a, words_b = key_a.split(), key_b.split()
        if not words_a or not words_b:
            return words_a == words_b
        if len(words_a) > len(words_b):
            words_a, words_b = words_b, words_a

        def weakest(short: list[str], long: list[str]) -> float:
            return min(max(self._score(x, y) for y in long) for x in short)

        score = weakest(words_a, words_b)
        if len(words_a) == len(words_b):
            score = min(score, weakest(words_b, words_a))
        return score >= SIMILAR_THRESHOLD

    def _spelled_alike(self, key: str, index: _WordIndex) -> set[int]:
        """Persons with at least two name words close to words of ``key`` (one for a
        one-word name): a superset of those :func:`names_similar` accepts."""
        words = sorted(set(key.split()))[:_MAX_WORDS]
        if not words:
            return set()
        per_word = []
        for word in words:
            ids: set[int] = set()
            for similar in self._close_words(word, index):
                ids |= index.persons[similar]
            per_word.append(ids)
        if len(per_word) == 1:
            return per_word[0]
        # names_similar pairs every word of the shorter name with a close word of the
        # longer one, so a two-word candidate must be close on at least two words.
        result: set[int] = set()
        for i, first in enumerate(per_word):
            for second in per_word[i + 1 :]:
                small, large = (first, second) if len(first) <= len(second) else (second, first)
                result.update(x for x in small if x in large)
        return result

    def _close_words(self, word: str, index: _WordIndex) -> frozenset[str]:
        cached = index.similar.get(word)
        if cached is None:
            mask = _letter_mask(word)
            close = []
            for other in index.by_initial.get(word[0], ()):
                if other[1:2] != word[1:2] and other[-2:] != word[-2:]:
                    continue
                # Jaro-Winkler >= 0.88 needs Jaro >= 0.8, hence m/|a| + m/|b| >= 1.4 for
                # m matching letters; the shared-letter count bounds m from above.
                shared = (mask & self._masks[other]).bit_count()
                if shared * (len(word) + len(other)) < _JARO_FLOOR * len(word) * len(other):
                    continue
                if self._score(other, word) >= SIMILAR_THRESHOLD:
                    close.append(other)
            cached = index.similar[word] = frozenset(close)
        return cached


class _WordIndex:
    """Name words → persons, words by first letter, and the close words found so far."""

    def __init__(self) -> None:
        self.persons: dict[str, set[int]] = defaultdict(set)
        self.by_initial: dict[str, set[str]] = defaultdict(set)
        self.similar: dict[str, frozenset[str]] = {}

    def add(self, word: str, person_id: int) -> None:
        self.persons[word].add(person_id)
        self.by_initial[word[0]].add(word)


def _letter_mask(word: str) -> int:
    """The word's letters as a multiset bitmask: bit ``letter * 8 + k`` for its k-th copy.

    The popcount of two masks ANDed is the size of the letters' multiset intersection.
    """
    mask = 0
    seen: dict[str, int] = {}
    for char in word:
        k = seen.get(char, 0)
        if k < 8:
            mask |= 1 << ((ord(char) - 97) * 8 + k)
        seen[char] = k + 1
    return mask
