"""The in-memory duplicate lookup and the preset folder."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from desktop.services.errors import NotFound, ValidationError
from desktop.services.importing import ImportRow, MappingPreset
from desktop.services.names import names_similar
from desktop.services.transfer import DatabasePersonLookup, PresetStore
from desktop.services.transfer.lookup import KnownPerson
from desktop.services.validation import parse_identity_number

TODAY = dt.date(2026, 11, 23)
PEOPLE = [
    KnownPerson(1, "Mohammed", "Ali", dt.date(2001, 5, 4), None),
    KnownPerson(2, "Anna", "Åström", dt.date(1981, 12, 18), "19811218-9876"),
    KnownPerson(3, "Youssef", "Hassan", None, None),
    KnownPerson(4, "Erik", "Svensson", dt.date(1999, 1, 1), None),
    KnownPerson(5, "Karl", "Lind", dt.date(1990, 3, 3), "19900303-1235"),
]


def row(first: str, last: str, born: dt.date | None = None, number: str | None = None):
    identity = parse_identity_number(number, TODAY) if number else None
    return ImportRow(2, first, last, identity_number=identity, birth_date=born)


@pytest.fixture(scope="module")
def lookup():
    return DatabasePersonLookup(PEOPLE)


def reasons(lookup, r):
    return [(m.person_id, m.reason) for m in lookup.candidates(r)]


def test_same_personnummer(lookup):
    assert reasons(lookup, row("Helt", "Annan", number="811218-9876")) == [
        (2, "match.same_identity")
    ]


def test_same_name_and_birth_date(lookup):
    assert reasons(lookup, row("erik", "SVENSSON", dt.date(1999, 1, 1))) == [
        (4, "match.same_name_and_birth")
    ]


def test_close_spelling(lookup):
    assert reasons(lookup, row("Muhamed", "Ali", dt.date(2001, 5, 4))) == [
        (1, "match.similar_name_same_birth")
    ]
    assert reasons(lookup, row("Jusuf", "Hasan")) == [(3, "match.similar_name")]
    # A row with a birth date still finds a person whose birth date is unknown.
    assert reasons(lookup, row("Jusuf", "Hasan", dt.date(2000, 1, 1))) == [
        (3, "match.similar_name")
    ]
    assert reasons(lookup, row("Mohamed", "Ali")) == [(1, "match.similar_name")]


def test_different_birth_dates_or_numbers_are_different_people(lookup):
    assert reasons(lookup, row("Erik", "Svensson", dt.date(1999, 1, 2))) == []
    unrelated = "19900303-1243"  # a valid number, not Karl's
    parse_identity_number(unrelated, TODAY)
    assert reasons(lookup, row("Karl", "Lind", number=unrelated)) == []
    assert reasons(lookup, row("Lisa", "Berg")) == []


def test_label_never_shows_the_personnummer(lookup):
    (match,) = lookup.candidates(row("A", "B", number="811218-9876"))
    assert (match.label, match.born) == ("Anna Åström", 1981)
    assert match.who_in("sv") == "Anna Åström, född 1981"
    assert match.who_in("en") == "Anna Åström, born 1981"


@pytest.mark.parametrize(
    ("first", "last", "born", "swedish", "english"),
    [
        ("Helt", "Annan", None, "samma personnummer", "the same personal identity number"),
        (
            "erik",
            "SVENSSON",
            dt.date(1999, 1, 1),
            "samma namn och födelsedatum",
            "the same name and date of birth",
        ),
        (
            "Muhamed",
            "Ali",
            dt.date(2001, 5, 4),
            "liknande namn och samma födelsedatum",
            "a similar name and the same date of birth",
        ),
        ("Jusuf", "Hasan", None, "liknande namn", "a similar name"),
    ],
)
def test_each_reason_reads_in_swedish_and_english(lookup, first, last, born, swedish, english):
    number = "811218-9876" if first == "Helt" else None
    (match,) = lookup.candidates(row(first, last, born, number))
    assert (match.why_in("sv"), match.why_in("en")) == (swedish, english)


def test_agrees_with_names_similar_on_a_sample():
    first = ["Anna", "Ana", "Annie", "Mohammed", "Muhamad", "Jusuf", "Youssef", "Erik", "Eric"]
    last = ["Svensson", "Svenson", "Hassan", "Hasan", "Ali", "Aly", "Lind", "Lindh"]
    known = [
        KnownPerson(i, f, s, None, None)
        for i, (f, s) in enumerate((f, s) for f in first for s in last)
    ]
    lookup = DatabasePersonLookup(known)
    for f in first[::2]:
        for s in last[::3]:
            expected = {p.id for p in known if names_similar(p.full_name, f"{f} {s}")}
            found = {m.person_id for m in DatabasePersonLookup(known).candidates(row(f, s))}
            # At most five are shown, best first; all shown ones are right.
            assert found <= expected and len(found) == min(5, len(expected)), (f, s)
    assert len(lookup) == len(known)


def test_presets_round_trip_owner_only(tmp_path):
    store = PresetStore(tmp_path / "presets")
    assert store.names() == []
    preset = MappingPreset("Polisens lista/2026", {"Namn": "first_name", "X": None})
    path = store.save(preset)
    assert path.parent == tmp_path / "presets"
    assert os.stat(path).st_mode & 0o077 == 0
    assert os.stat(path.parent).st_mode & 0o077 == 0
    assert store.names() == ["Polisens lista/2026"]
    assert store.load("Polisens lista/2026") == preset
    (tmp_path / "presets" / "trasig.json").write_text("{", "utf-8")
    assert store.names() == ["Polisens lista/2026"]
    store.delete("Polisens lista/2026")
    with pytest.raises(NotFound):
        store.load("Polisens lista/2026")
    with pytest.raises(ValidationError):
        store.save(MappingPreset("///", {}))
