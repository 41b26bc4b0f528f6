"""Swedish alphabetical order: the collation key, the person list and the group list."""

from __future__ import annotations

from desktop.services.mapping.rows import PersonFilter, PersonSort
from desktop.store.collation import compare_swedish, swedish_key
from desktop.store.file_sql import FileSql
from desktop.store.server.sql import ServerSql
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

    sv = FileSql().swedish(column("n")).compile(dialect=sqlite.dialect())
    pg = ServerSql().swedish(column("n")).compile(dialect=postgresql.dialect())
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


def test_list_and_profile_carry_delivery_count_and_last_date(services):
    import datetime as dt

    store = services.store
    reached, unreached = f.person(store, "Ali", "Berg"), f.person(store, "Bo", "Dahl")
    f.delivery(store, reached, dt.date(2026, 3, 1))
    f.delivery(store, reached, dt.date(2026, 5, 2))
    rows = {r.id: r for r in services.mapping.persons.page(PersonFilter())}
    assert (rows[reached].deliveries, rows[reached].last_delivery) == (2, dt.date(2026, 5, 2))
    assert (rows[unreached].deliveries, rows[unreached].last_delivery) == (0, None)
    profile = services.mapping.persons.profile(reached)
    assert (profile.deliveries, profile.last_delivery) == (2, dt.date(2026, 5, 2))


def test_name_order_walks_the_swedish_index_without_sorting(services):
    from sqlalchemy import select

    from desktop.models import Person
    from desktop.store.sql import sql_of

    with services.store.read_session() as session:
        order = sql_of(session).name_order()
        query = select(Person.id).order_by(*order, Person.id).limit(10)
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(
            str(r[-1])
            for r in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        )
    assert "ix_person_sv_name" in plan and "TEMP B-TREE" not in plan


def test_one_or_two_letters_match_the_last_name_start_in_swedish_order(services):
    store = services.store
    for last in ["de Vries", "Dahl", "Öberg", "Åberg", "Östberg"]:
        f.person(store, "Adam", last)
    persons = services.mapping.persons
    assert [r.last_name for r in persons.page(PersonFilter(text="d"))] == ["Dahl", "de Vries"]
    assert [r.last_name for r in persons.page(PersonFilter(text="Ö"))] == ["Öberg", "Östberg"]
    assert [r.last_name for r in persons.page(PersonFilter(text="å"))] == ["Åberg"]
