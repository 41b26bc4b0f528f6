"""Who holds the protected-address key, and an older database converted (issue 15).

The key follows the role: given at creation (at once from the recovery code, otherwise
sealed to the new slot at the next login of a holder), taken away at a role change,
given again when the role needs it. An older database gets the key at the first login
of a coordinator or team lead, which seals its protected addresses.
"""

from __future__ import annotations

import shutil

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select

from desktop.models import Address, AuditEntry, Person, Role, User
from desktop.services import protected_addresses
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput, PersonInput
from desktop.services.security import SecurityServices
from desktop.store.audit_chain import checkpoint_path
from desktop.store.database import LockedDatabase
from desktop.store.keyslots import PROTECTED_ADDRESSES, keyslot_path
from tests.attacks.own_keys import own_keys
from tests.factories import PASSWORD, fresh_database
from tests.unit.store.test_migrations import FIXTURE

NEW = "tre gröna äpplen på bordet"
STREET = "Dolda vägen 9"


def _holds(path, name, password=NEW) -> bool:
    """The slot holds the key, or has it sealed to its box key for the next unlock."""
    mine = own_keys(path, name, password)
    return PROTECTED_ADDRESSES in mine.compartments or PROTECTED_ADDRESSES in mine.pending_codes


def _login(path, name, password=NEW):
    """A login as the application makes it: the key reconciled, plain ones sealed."""
    store = LockedDatabase(path).unlock(name, password)
    protected_addresses.after_login(store)
    return store


def _new_protected(persons) -> int:
    changes = persons.create(PersonInput("Dold", "Person", protected_identity=True))
    return next(iter(changes.ids_of("person")))


def _street_seen(store, person_id) -> str:
    persons = build_mapping(store).persons
    return persons.profile(person_id).addresses[0].street


def test_key_follows_the_role(tmp_path):
    fresh = fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin)
    # With the recovery code the coordinator gets the key at once.
    security.users.create_user(
        "samordnare", "Sam Ordnare", Role.COORDINATOR, "social", NEW, fresh.recovery_code
    )
    # Without it (the administrator does not hold the key) the team lead waits.
    security.users.create_user("teamledare", "Team Ledare", Role.TEAM_LEAD, "social", NEW)
    security.users.create_user("handlaggare", "Hand Läggare", Role.OFFICER, "social", NEW)
    assert _holds(fresh.path, "samordnare")
    assert not _holds(fresh.path, "teamledare")
    assert not _holds(fresh.path, "handlaggare")
    assert PROTECTED_ADDRESSES not in own_keys(fresh.path, "admin", PASSWORD).compartments

    coordinator = _login(fresh.path, "samordnare")  # a holder's login hands it on
    persons = build_mapping(coordinator).persons
    person_id = next(
        iter(
            persons.create(PersonInput("Dold", "Person", protected_identity=True)).ids_of("person")
        )
    )
    persons.add_address(person_id, AddressInput(STREET, city="Malmö"))
    coordinator.lock()
    assert _holds(fresh.path, "teamledare")
    assert not _holds(fresh.path, "handlaggare")
    team_lead = _login(fresh.path, "teamledare")
    assert _street_seen(team_lead, person_id) == STREET
    team_lead.lock()

    with fresh.admin.read_session() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    security.reauth.confirm(PASSWORD)
    security.users.change_role(ids["teamledare"], Role.OFFICER)
    assert not _holds(fresh.path, "teamledare")
    officer = _login(fresh.path, "teamledare")
    assert _street_seen(officer, person_id) == "Skyddad adress"
    officer.lock()
    security.users.change_role(ids["handlaggare"], Role.TEAM_LEAD)
    _login(fresh.path, "samordnare").lock()
    assert _holds(fresh.path, "handlaggare")
    fresh.admin.lock()


def test_ending_protection_opens_the_address_again(tmp_path):
    fresh = fresh_database(tmp_path)
    SecurityServices.build(fresh.admin).users.create_user(
        "samordnare", "Sam Ordnare", Role.COORDINATOR, "social", NEW, fresh.recovery_code
    )
    fresh.admin.lock()
    coordinator = _login(fresh.path, "samordnare")
    persons = build_mapping(coordinator).persons
    person_id = next(
        iter(
            persons.create(PersonInput("Dold", "Person", protected_identity=True)).ids_of("person")
        )
    )
    persons.add_address(person_id, AddressInput(STREET, city="Malmö"))
    with coordinator.read_session() as session:
        assert session.scalars(select(Address.sealed)).one() is not None
    version = persons.profile(person_id).version
    persons.update(person_id, version, PersonInput("Dold", "Person"), keep_identity=True)
    with coordinator.read_session() as session:
        row = session.scalars(select(Address)).one()
        assert (row.sealed, row.street, row.city) == (None, STREET, "Malmö")
    version = persons.profile(person_id).version
    persons.update(
        person_id,
        version,
        PersonInput("Dold", "Person", protected_identity=True),
        keep_identity=True,
    )
    with coordinator.read_session() as session:
        row = session.scalars(select(Address)).one()
        assert (row.street, row.city, row.sealed is not None) == ("", None, True)
    assert _street_seen(coordinator, person_id) == STREET
    coordinator.lock()


def test_an_older_database_is_converted_at_a_holders_first_login(tmp_path):
    """The 0001 fixture, with one person made protected as an older version would."""
    for src in (FIXTURE, keyslot_path(FIXTURE), checkpoint_path(FIXTURE)):
        shutil.copyfile(src, tmp_path / src.name)
    path = tmp_path / FIXTURE.name
    officer_key = own_keys(path, "handlaggare.polis", DEMO_PASSWORD).data_key
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{officer_key.hex()}'\"")
    person_id, street = conn.execute(
        "SELECT person_id, max(street) FROM address GROUP BY person_id "
        "HAVING count(*) = 1 ORDER BY person_id LIMIT 1"
    ).fetchone()
    conn.execute("UPDATE person SET protected_identity = 1 WHERE id = ?", (person_id,))
    conn.close()

    # An officer's login migrates the file but cannot seal: no key exists yet.
    _login(path, "handlaggare.polis", DEMO_PASSWORD).lock()
    coordinator = _login(path, "samordnare.polis", DEMO_PASSWORD)
    assert _street_seen(coordinator, person_id) == street
    with coordinator.read_session() as session:
        logged = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "address.protect")
        ).all()
        protected = session.scalars(select(Person.id).where(Person.protected_identity)).all()
    coordinator.lock()
    assert logged == [f"sealed={_count_addresses(path, protected)}"]
    # Slots of a file this old have no box key to seal to until their own first login
    # with this version; the next login of a holder then hands the key on.
    others = ("teamledare.soc", "samordnare.kriminalvarden")
    for name in others:
        _login(path, name, DEMO_PASSWORD).lock()
        assert not _holds(path, name, DEMO_PASSWORD)
    _login(path, "samordnare.polis", DEMO_PASSWORD).lock()
    for name in others:
        assert _holds(path, name, DEMO_PASSWORD)
        store = _login(path, name, DEMO_PASSWORD)
        assert _street_seen(store, person_id) == street
        store.lock()
    assert (
        PROTECTED_ADDRESSES not in own_keys(path, "handlaggare.polis", DEMO_PASSWORD).compartments
    )
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{officer_key.hex()}'\"")
    seen = conn.execute("SELECT street FROM address WHERE person_id = ?", (person_id,)).fetchall()
    conn.close()
    assert street not in {s for (s,) in seen}


def _count_addresses(path, person_ids) -> int:
    key = own_keys(path, "handlaggare.polis", DEMO_PASSWORD).data_key
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    marks = ",".join("?" * len(person_ids))
    (n,) = conn.execute(
        f"SELECT count(*) FROM address WHERE person_id IN ({marks})", list(person_ids)
    ).fetchone()
    conn.close()
    return int(n)
