from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import AuditEntry, Category, PersonStatus, Task
from desktop.services.mapping import search
from desktop.services.mapping.rows import PersonFilter, PersonSort, RiskRole
from desktop.services.mapping.search import fts_query
from tests.unit.mapping import factories as f

ACTIVE = {PersonStatus.ACTIVE}


def names(rows):
    return [r.full_name for r in rows]


def test_fts_query_quotes_input_and_drops_short_words():
    # Words are folded as the index holds them (lower case, no diacritics).
    assert fts_query('ali "OR" x') == '"ali" """or"""'
    assert fts_query("ab") is None
    assert fts_query("19900101-1234") == '"199001011234"'


def test_search_by_name_alias_and_identity(services):
    store, persons = services.store, services.mapping.persons
    f.person(store, "Ali", "Hassan", aliases="Lillen; AH")
    f.person(store, "Åsa", "Öberg", identity_number="19900101-1234")
    f.person(store, "Bo", "Lind")
    assert names(persons.page(PersonFilter(text="hass"))) == ["Ali Hassan"]
    assert names(persons.page(PersonFilter(text="lille"))) == ["Ali Hassan"]
    assert names(persons.page(PersonFilter(text="0101-12"))) == ["Åsa Öberg"]
    # One or two letters: the start of the last name, whatever the case typed.
    assert names(persons.page(PersonFilter(text="l"))) == ["Bo Lind"]
    assert names(persons.page(PersonFilter(text="öB"))) == ["Åsa Öberg"]
    assert persons.page(PersonFilter(text="å")) == []
    # FTS5 syntax in the input is matched literally, never parsed.
    assert persons.page(PersonFilter(text='" OR * NEAR(')) == []


def test_rows_mask_identity_and_hide_protected_area(services):
    store = services.store
    a = f.person(store, "Ali", "Hassan", identity_number="19900101-1234")
    b = f.person(store, "Bo", "Lind", protected_identity=True)
    f.address(store, a, area="Rosengård")
    f.address(store, b, area="Hermodsdal")
    rows = {r.id: r for r in services.mapping.persons.page(PersonFilter())}
    assert rows[a].identity_masked == "19900101-****"
    assert rows[a].area == "Rosengård"
    assert rows[b].area is None


def test_filters(services):
    store, persons = services.store, services.mapping.persons
    today = dt.date.today()
    g = f.group(store, "Norra")
    a = f.person(store, "Ali", "Hassan", at_risk_victim=True, category=Category.SUSPECT)
    b = f.person(store, "Bo", "Lind", status=PersonStatus.INACTIVE, review_date=today)
    c = f.person(store, "Cem", "Ak", at_risk_shooter=True)
    f.member(store, a, g)
    f.member(store, c, g, until=today - dt.timedelta(days=1))
    f.address(store, b, area="Fosie")
    with store.write_session() as s, s.begin():
        s.add(Task(title="Ring", due_date=today, person_id=c))

    def ids(**kw):
        return {r.id for r in persons.page(PersonFilter(**kw))}

    assert ids(group_id=g) == {a}
    assert ids(area="Fosie") == {b}
    assert ids(statuses=frozenset({PersonStatus.INACTIVE})) == {b}
    assert ids(categories=frozenset({Category.SUSPECT})) == {a}
    assert ids(risk=RiskRole.VICTIM) == {a}
    assert ids(risk=RiskRole.EITHER) == {a, c}
    assert ids(due_for_review=True) == {b}
    assert ids(open_follow_up=True) == {c}
    assert persons.count(PersonFilter(risk=RiskRole.EITHER)) == 2
    assert persons.areas() == ["Fosie"]


def test_sort_and_paging(services):
    store, persons = services.store, services.mapping.persons
    for i, last in enumerate(["Ek", "Al", "Berg", "Dahl", "Cederlund"]):
        f.person(store, "P", last, birth_date=dt.date(1990 + i, 1, 1))
    first = persons.page(PersonFilter(), PersonSort.NAME, limit=2)
    rest = persons.page(PersonFilter(), PersonSort.NAME, offset=2, limit=10)
    assert [r.last_name for r in first + rest] == ["Al", "Berg", "Cederlund", "Dahl", "Ek"]
    newest = persons.page(PersonFilter(), PersonSort.BIRTH_DATE, descending=True, limit=1)
    assert newest[0].last_name == "Cederlund"


def test_record_search_holds_no_text(services):
    services.mapping.persons.record_search(PersonFilter(text="Hassan", area="Fosie"), 3)
    with services.store.read_session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry.action == "search"
    assert "Hassan" not in entry.detail and "Fosie" not in entry.detail
    assert entry.detail == "filters=text+area;shown=3"


def test_common_fragment_sorts_a_bounded_pool(services, monkeypatch):
    store, persons = services.store, services.mapping.persons
    for last in ["Johansson", "Johnsson", "Johannesson", "Johanson", "Berg"]:
        f.person(store, "Erik", last)
    monkeypatch.setattr(search, "SEARCH_POOL", 2)
    capped = persons.page(PersonFilter(text="joh"))
    assert len(capped) == 3 and persons.search_capped(PersonFilter(text="joh"))
    # Another filter makes the search exact again.
    exact = persons.page(PersonFilter(text="joh", risk=None, statuses=frozenset(ACTIVE)))
    assert [r.last_name for r in exact] == ["Johannesson", "Johanson", "Johansson", "Johnsson"]
    assert not persons.search_capped(PersonFilter(text="berg"))


def test_names_are_found_as_typed_without_their_accents(services):
    """Issue 18: "delic", "yilmaz" and "kovacevic" found nothing, though Delić, Yılmaz
    and Kovačević were there; Swedish keyboards have no ć, ı or č."""
    store, persons = services.store, services.mapping.persons
    f.person(store, "Haris", "Delić")
    f.person(store, "Emre", "Yılmaz", aliases="Łukasz")
    f.person(store, "Tarik", "Kovačević")
    f.person(store, "Åsa", "Öberg")
    assert names(persons.page(PersonFilter(text="delic"))) == ["Haris Delić"]
    assert names(persons.page(PersonFilter(text="yilmaz"))) == ["Emre Yılmaz"]
    assert names(persons.page(PersonFilter(text="kovacevic"))) == ["Tarik Kovačević"]
    assert names(persons.page(PersonFilter(text="tarik kovač"))) == ["Tarik Kovačević"]
    assert names(persons.page(PersonFilter(text="lukasz"))) == ["Emre Yılmaz"]
    assert names(persons.page(PersonFilter(text="öberg"))) == ["Åsa Öberg"]
    assert persons.count(PersonFilter(text="kovacevic")) == 1
