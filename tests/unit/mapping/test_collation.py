"""Swedish alphabetical order: the collation key, the person list and the group list."""

from __future__ import annotations

from desktop.services.mapping.order import swedish
from desktop.services.mapping.rows import PersonFilter, PersonSort
from desktop.store.collation import compare_swedish, swedish_key
from tests.unit.mapping import factories as f


def test_key_orders_a_ring_a_umlaut_o_umlaut_after_z():
    words = ["Östberg", "Zetterberg", "Åberg", "Ärlig", "Andersson", "Öberg", "åström"]
    assert sorted(words, key=swedish_key) == [
        "Andersson",
        "Zetterberg",
        "Åberg",
        "åström",
        "Ärlig",
        "Öberg",
        "Östberg",
    ]


def test_key_ignores_case_and_folds_other_diacritics():
    assert swedish_key("de Vries") < swedish_key("Eriksson")
    assert swedish_key("Émile") == swedish_key("emile")
    for accented, plain in [
        ("Müller", "muller"),
        ("Łukasz", "lukasz"),
        ("Şahin", "sahin"),
        ("Doğan", "dogan"),
        ("Nguyễn", "nguyen"),
        ("Petrović", "petrovic"),
    ]:
        assert swedish_key(accented) == plain
    # Decomposed input (a + combining ring) is the same letter as the composed Å.
    assert swedish_key("A\u030aberg") == swedish_key("Åberg")
    assert compare_swedish("Ä", "Å") > 0 and compare_swedish("a", "A") == 0


def test_swedish_names_the_collation_per_dialect():
    from sqlalchemy import column
    from sqlalchemy.dialects import postgresql, sqlite

    sv = swedish(column("n"), "sqlite").compile(dialect=sqlite.dialect())
    pg = swedish(column("n"), "postgresql").compile(dialect=postgresql.dialect())
    assert str(sv) == "n COLLATE sv"
    assert str(pg) == 'n COLLATE "sv-SE-x-icu"'


def test_person_list_sorts_in_swedish_order(services):
    store = services.store
    for last in ["Öberg", "Zetterberg", "Åberg", "Ärlig", "de Vries", "Éclair", "Andersson"]:
        f.person(store, "Adam", last)
    persons = services.mapping.persons
    names = [r.last_name for r in persons.page(PersonFilter(), PersonSort.NAME)]
    assert names == ["Andersson", "de Vries", "Éclair", "Zetterberg", "Åberg", "Ärlig", "Öberg"]
    backwards = [r.last_name for r in persons.page(PersonFilter(), PersonSort.NAME, True)]
    assert backwards == names[::-1]


def test_group_list_sorts_in_swedish_order(services):
    for name in ["Östra", "Zonen", "Ängen", "Åsen", "alfa"]:
        f.group(services.store, name)
    assert [g.name for g in services.mapping.groups.list()] == [
        "alfa",
        "Zonen",
        "Åsen",
        "Ängen",
        "Östra",
    ]
