from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, Person, Role
from desktop.services.errors import (
    ConflictError,
    PermissionDenied,
    ReauthenticationRequired,
    ValidationError,
)
from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput, DuplicateReason, PersonInput
from desktop.services.validation import luhn_check_digit
from tests.factories import add_user, fresh_database, login
from tests.unit.mapping import factories as f


def pnr(date: str = "900101", serial: str = "123") -> str:
    return f"19{date}-{serial}{luhn_check_digit(date + serial)}"


def last_audit(store):
    with store.read_session() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()


def created_id(changes) -> int:
    (pid,) = changes.ids_of("person")
    return pid


def test_create_parses_swedish_input(services):
    persons = services.mapping.persons
    changes = persons.create(
        PersonInput(
            "Ali",
            "Hassan",
            aliases="Lillen, AH",
            identity_number=pnr().replace("19", "", 1),
            phone="0701234567",
            review_date="2030-01-01",
        )
    )
    profile = persons.profile(created_id(changes))
    assert profile.aliases == ("Lillen", "AH")
    assert profile.birth_date == dt.date(1990, 1, 1)
    assert profile.identity_masked == "19900101-****"
    assert profile.phone == "070-123 45 67"
    assert last_audit(services.store).action == "person.read"
    assert last_audit(services.store).purpose == "mapping"


@pytest.mark.parametrize(
    ("inp", "field"),
    [
        (PersonInput("", "Hassan"), "first_name"),
        (PersonInput("Ali", "Hassan", identity_number="19900101-1235"), "identity_number"),
        (PersonInput("Ali", "Hassan", phone="abc"), "phone"),
        (PersonInput("Ali", "Hassan", birth_date="2001-02-30"), "birth_date"),
        (
            PersonInput("Ali", "Hassan", identity_number=pnr(), birth_date="1991-01-01"),
            "birth_date",
        ),
    ],
)
def test_invalid_input_names_field_and_saves_nothing(services, inp, field):
    with pytest.raises(ValidationError) as raised:
        services.mapping.persons.create(inp)
    assert raised.value.field == field
    with services.store.read_session() as s:
        assert s.scalar(select(Person.id)) is None


def test_duplicates(services):
    store, persons = services.store, services.mapping.persons
    a = f.person(store, "Mohammed", "Ali", identity_number=pnr())
    b = f.person(store, "Erik", "Johansson", birth_date=dt.date(2001, 5, 5))
    c = f.person(store, "Kristoffer", "Lindqvist")
    same_id = persons.duplicates(PersonInput("Mo", "Ali", identity_number=pnr()))
    assert [(d.person_id, d.reason) for d in same_id] == [(a, DuplicateReason.SAME_IDENTITY)]
    same_birth = persons.duplicates(PersonInput("Erik", "Johansson", birth_date="2001-05-05"))
    assert [(d.person_id, d.reason) for d in same_birth] == [
        (b, DuplicateReason.SAME_NAME_AND_BIRTH)
    ]
    spelled = persons.duplicates(PersonInput("Kristofer", "Lindkvist"))
    assert [(d.person_id, d.reason) for d in spelled] == [(c, DuplicateReason.SIMILAR_NAME)]
    assert persons.duplicates(PersonInput("Kristofer", "Lindkvist"), exclude_id=c) == []
    assert persons.duplicates(PersonInput("Sven", "Svensson")) == []


def test_update_checks_version(services):
    persons = services.mapping.persons
    pid = f.person(services.store, "Ali", "Hassan")
    persons.update(pid, 1, PersonInput("Ali", "Hasan"))
    assert persons.profile(pid).last_name == "Hasan"
    with pytest.raises(ConflictError):
        persons.update(pid, 1, PersonInput("Ali", "Hassan"))


def test_reveal_is_audited_and_needs_permission(services, tmp_path):
    pid = f.person(services.store, "Ali", "Hassan", identity_number=pnr())
    assert services.mapping.persons.reveal_identity(pid) == pnr()
    entry = last_audit(services.store)
    assert (entry.action, entry.object_ids) == ("person.reveal_id", str(pid))
    assert pnr() not in entry.detail


def test_officer_cannot_reveal_or_edit(tmp_path):
    fresh = fresh_database(tmp_path)
    add_user(fresh, "officer_police", Role.OFFICER, "police")
    mapping = build_mapping(login(fresh.path, "officer_police"))
    with pytest.raises(PermissionDenied):
        mapping.persons.reveal_identity(1)
    with pytest.raises(PermissionDenied):
        mapping.persons.create(PersonInput("Ali", "Hassan"))


def test_new_address_ends_the_current_one(services):
    persons = services.mapping.persons
    pid = f.person(services.store)
    persons.add_address(pid, AddressInput("Gatan 1", "21145", "Malmö", "Fosie", "2024-01-01"))
    persons.add_address(
        pid, AddressInput("Vägen 2", "212 22", valid_from="2025-03-01", access_notes="Hund")
    )
    addresses = persons.profile(pid).addresses
    assert [a.street for a in addresses] == ["Vägen 2", "Gatan 1"]
    assert addresses[0].current and addresses[0].access_notes == "Hund"
    assert addresses[1].valid_to == dt.date(2025, 2, 28)
    assert addresses[1].postcode == "211 45"
    with pytest.raises(ValidationError):
        persons.add_address(pid, AddressInput("Gatan 1", "01234"))


def test_timeline_and_relatives(services):
    store, persons = services.store, services.mapping.persons
    pid = f.person(store)
    other = f.person(store, "Sara", "Berg")
    f.delivery(store, pid, dt.date(2025, 1, 2))
    persons.add_relative(pid, "Sara Berg", "syster", "040-123456", True, other)
    profile = persons.profile(pid)
    assert [(e.kind.value, e.code) for e in profile.timeline] == [("delivery", "home_visit")]
    assert profile.relatives[0].linked_person_id == other
    assert profile.relatives[0].phone == "040-12 34 56"


class StaleReauth:
    def __init__(self) -> None:
        self.fresh = False

    def require_fresh(self, action) -> None:
        if not self.fresh:
            raise ReauthenticationRequired()

    def confirm(self, password: str) -> None:
        self.fresh = True


def test_reveal_asks_for_the_password_again_when_stale(services):
    pid = f.person(services.store, "Ali", "Hassan", identity_number=pnr())
    reauth = StaleReauth()
    mapping = build_mapping(services.store, reauth=reauth)
    with pytest.raises(ReauthenticationRequired):
        mapping.persons.reveal_identity(pid)
    mapping.reauth.confirm("x")
    assert mapping.persons.reveal_identity(pid) == pnr()
