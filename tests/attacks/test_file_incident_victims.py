"""The insider of another agency looks in the raw file for who was a victim of an incident.

The police register a shooting: a suspect, a victim, an injured man and a witness. The
application shows a victim, an injured person or a witness only to the recording agency
(issue 20). A social-services officer, with her own password, her own slot of the
``.keys`` file, the raw file and sqlcipher3, reads every row of every table and looks for
any row about the incident (the incident's own tables, the rows that carry its id, its
audit entries) that mentions one of those persons, by id or by name.

Before migration 0019 she found them all: ``incident_person`` held (incident, person,
role) in plain rows, a correction's ``incident_revision.previous`` listed the old links,
and the audit entry of each reading named every person shown. Now those links are
sealed in the police compartment, old ones in the revision too, and the log names a
sealed link by its row id. The suspect's link is shared by design: she finds him, which
shows that her search finds what is there.
"""

from __future__ import annotations

import datetime as dt
import re

import sqlcipher3.dbapi2 as sqlcipher

from desktop.models import IncidentKind, IncidentRole, Person
from desktop.services.incidents import build_incidents
from desktop.services.incidents.rows import IncidentInput, PersonLinkInput
from desktop.services.uow import UnitOfWork
from tests.attacks.own_keys import own_keys
from tests.factories import PASSWORD, fresh_with_users, login

# Unusual names (å, ä, ö) that cannot turn up by chance, and ids above every other
# number the incident's rows hold (1,000 other persons are made first).
SUSPECT = ("Sune", "Misstänktsson")
SECRET = {
    IncidentRole.VICTIM: ("Vera", "Offersdåttär"),
    IncidentRole.INJURED: ("Ivar", "Skådessön"),
    IncidentRole.WITNESS: ("Vilgot", "Vittnessån"),
}
FILLER = 1000


def _world(tmp_path):
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Kartläggning") as uow:
        uow.session.add_all(
            Person(first_name=f"Fyll{n}", last_name="Personsson") for n in range(FILLER)
        )
        people = {
            role: Person(first_name=first, last_name=last)
            for role, (first, last) in {IncidentRole.SUSPECTED: SUSPECT, **SECRET}.items()
        }
        uow.session.add_all(people.values())
        uow.session.flush()
        ids = {role: p.id for role, p in people.items()}
        assert min(ids.values()) > FILLER
        uow.audit("test.seed", "person", sorted(ids.values()))
    fresh.admin.lock()

    def shooting(roles: tuple[IncidentRole, ...]) -> IncidentInput:
        return IncidentInput(
            reference="5000-K777-26",
            kind=IncidentKind.SHOOTING,
            occurred_at=dt.datetime(2026, 6, 7, 22, 30),
            district="Rosengård",
            injured=1,
            persons=tuple(PersonLinkInput(ids[r], r, "Förhör") for r in roles),
            description="Skott mot en port.",
        )

    police = login(fresh.path, "officer_police")
    try:
        incidents = build_incidents(police)
        everyone = (IncidentRole.SUSPECTED, *SECRET)
        incident_id, _ = incidents.register.create(shooting(everyone))
        # The police read it, correct it (the witness was not there), read his timeline.
        detail = incidents.register.get(incident_id)
        assert {p.role for p in detail.persons} == set(everyone)
        incidents.register.correct(
            incident_id, detail.version, shooting(everyone[:3]), "Fel vittne"
        )
        incidents.register.get(incident_id)
        incidents.register.revisions(incident_id)
        incidents.register.for_person(ids[IncidentRole.VICTIM])
    finally:
        police.lock()
    return fresh, incident_id, ids


def _tables(conn) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    found = {}
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
    ).fetchall():
        cursor = conn.execute(f'SELECT * FROM "{name}"')
        found[name] = ([c[0] for c in cursor.description], cursor.fetchall())
    return found


def _about_incident(table: str, row: dict[str, object], incident_id: int) -> bool:
    """A row of the incident: its own, one carrying its id, or one of its audit entries."""
    if table == "incident":
        return row["id"] == incident_id
    if row.get("incident_id") == incident_id:
        return True
    if table == "audit_entry" and row.get("object_type") == "incident":
        return str(incident_id) in str(row.get("object_ids") or "").split(",")
    return False


def _mentions(row: dict[str, object], person_id: int, name: tuple[str, str]) -> bool:
    number = re.compile(rf"(?<!\d){person_id}(?!\d)")
    for column, value in row.items():
        if isinstance(value, int) and column not in ("id", "seq") and value == person_id:
            return True
        if isinstance(value, str) and (number.search(value) or any(n in value for n in name)):
            return True
    return False


def test_another_agencys_officer_finds_no_victim_of_the_incident_in_the_file(tmp_path):
    fresh, incident_id, ids = _world(tmp_path)
    mine = own_keys(fresh.path, "officer_social", PASSWORD)
    assert "police" not in mine.compartments
    conn = sqlcipher.connect(str(fresh.path))
    conn.execute(f"PRAGMA key = \"x'{mine.data_key.hex()}'\"")
    tables = _tables(conn)
    conn.close()
    rows = [
        (table, row)
        for table, (columns, values) in tables.items()
        for row in (dict(zip(columns, v, strict=True)) for v in values)
        if _about_incident(table, row, incident_id)
    ]
    assert {table for table, _ in rows} >= {"incident", "audit_entry"}

    def found(role: IncidentRole, name: tuple[str, str]) -> list[str]:
        return sorted({t for t, row in rows if _mentions(row, ids[role], name)})

    # The shared suspect is there: the search works.
    assert found(IncidentRole.SUSPECTED, SUSPECT) != []
    leaks = {role.value: found(role, name) for role, name in SECRET.items()}
    assert leaks == {role.value: [] for role in SECRET}


def test_the_recording_agency_still_reads_them(tmp_path):
    fresh, incident_id, ids = _world(tmp_path)
    police = login(fresh.path, "coordinator_police")
    try:
        detail = build_incidents(police).register.get(incident_id)
        assert {(p.person_id, p.role) for p in detail.persons} == {
            (ids[r], r) for r in (IncidentRole.SUSPECTED, IncidentRole.VICTIM, IncidentRole.INJURED)
        }
    finally:
        police.lock()
