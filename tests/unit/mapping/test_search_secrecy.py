"""Finding 4: the masked personnummer cannot be recovered through search, and the
service's search entry point audits every distinct query itself."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import AuditEntry, Role
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonFilter
from tests.factories import add_user, fresh_database, login
from tests.unit.mapping import factories as f


def _two_users(tmp_path):
    fresh = fresh_database(tmp_path)
    add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    add_user(fresh, "officer_social", Role.OFFICER, "social")
    return fresh


def _names(rows):
    return [r.full_name for r in rows]


def test_officer_finds_identity_only_by_full_number_or_date_part(tmp_path):
    fresh = _two_users(tmp_path)
    coordinator = build_services(login(fresh.path, "coordinator_social"))
    f.person(coordinator.store, "Åsa", "Öberg", identity_number="19900101-1236")
    f.person(coordinator.store, "Bo", "Lind", identity_number="19851224-1236")
    # The coordinator (may reveal) keeps finding by any part of the number.
    assert _names(coordinator.mapping.persons.page(PersonFilter(text="01-1236"))) == ["Åsa Öberg"]
    assert len(coordinator.mapping.persons.page(PersonFilter(text="1236"))) == 2
    coordinator.store.lock()

    officer_services = build_services(login(fresh.path, "officer_social"))
    officer = officer_services.mapping.persons
    for hidden in ("1236", "123", "236", "01-1236", "0101123", "011236"):
        assert officer.page(PersonFilter(text=hidden)) == [], hidden
        assert officer.count(PersonFilter(text=hidden)) == 0, hidden
    for full in ("19900101-1236", "199001011236", "900101-1236", "9001011236"):
        assert _names(officer.page(PersonFilter(text=full))) == ["Åsa Öberg"], full
    for date_part in ("19900101", "900101", "1990-01-01"):
        assert _names(officer.page(PersonFilter(text=date_part))) == ["Åsa Öberg"], date_part
    # Names still match, also together with the date part.
    assert _names(officer.page(PersonFilter(text="öberg 19900101"))) == ["Åsa Öberg"]
    assert officer.page(PersonFilter(text="lind 19900101")) == []
    assert _names(officer.page(PersonFilter(text="lind"))) == ["Bo Lind"]
    officer_services.store.lock()


def _search_entries(store):
    with store.read_session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "search")))


def test_page_audits_each_distinct_query_once(services):
    persons = services.mapping.persons
    f.person(services.store, "Ali", "Hassan")
    before = len(_search_entries(services.store))
    persons.page(PersonFilter(text="hass"))
    persons.page(PersonFilter(text="hass"), offset=200)  # scrolling the same search
    persons.page(PersonFilter(text="hass"))
    persons.record_search(PersonFilter(text="hass"), 1)  # the view's settled entry
    entries = _search_entries(services.store)
    assert len(entries) == before + 1
    assert "hass" not in entries[-1].detail and entries[-1].detail == "filters=text;shown=1"
    persons.page(PersonFilter(text="hassan"))
    assert len(_search_entries(services.store)) == before + 2
