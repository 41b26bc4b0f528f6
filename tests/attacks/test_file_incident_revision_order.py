"""A correction's old links do not place a sealed victim between the suspects.

When the police correct an incident's persons, the old links are kept in the revision:
a suspect's plain, a victim's sealed (issue 20). The old list was sorted by its text,
``[person id, role, ...]``, before the victims were sealed in place: a sealed entry
between two suspects' said that the victim's id sorted between theirs. With suspects 10
and 12 and a victim between them, another agency's insider reading the raw file knew the
victim was person 11.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlcipher3.dbapi2 as sqlcipher

from desktop.models import IncidentKind, IncidentRole, Person
from desktop.services.incidents import build_incidents
from desktop.services.incidents.rows import IncidentInput, PersonLinkInput
from desktop.services.uow import UnitOfWork
from tests.attacks.own_keys import own_keys
from tests.factories import PASSWORD, fresh_with_users, login


def _incident(links: tuple[tuple[int, IncidentRole], ...], injured: int) -> IncidentInput:
    return IncidentInput(
        reference="5000-K555-26",
        kind=IncidentKind.SHOOTING,
        occurred_at=dt.datetime(2026, 6, 7, 22, 30),
        district="Rosengård",
        injured=injured,
        persons=tuple(PersonLinkInput(pid, role, "Förhör") for pid, role in links),
    )


def test_a_revision_does_not_rank_a_sealed_victim_among_the_suspects(tmp_path):
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Kartläggning") as uow:
        people = [Person(first_name=f"Person{n}", last_name="Testsson") for n in range(13)]
        uow.session.add_all(people)
        uow.session.flush()
        ids = [p.id for p in people]
    first, victim, second = ids[10], ids[11], ids[12]
    assert str(first) < str(victim) < str(second)
    links = (
        (first, IncidentRole.SUSPECTED),
        (victim, IncidentRole.VICTIM),
        (second, IncidentRole.SUSPECTED),
    )
    police = login(fresh.path, "officer_police")
    try:
        register = build_incidents(police).register
        incident_id, _ = register.create(_incident(links, 1))
        version = register.get(incident_id).version
        register.correct(incident_id, version, _incident(links[:2], 1), "Fel person")
    finally:
        police.lock()
    mine = own_keys(fresh.path, "officer_social", PASSWORD)
    conn = sqlcipher.connect(str(fresh.path))
    conn.execute(f"PRAGMA key = \"x'{mine.data_key.hex()}'\"")
    (previous,) = conn.execute(
        "SELECT previous FROM incident_revision WHERE incident_id = ?", (incident_id,)
    ).fetchone()
    conn.close()
    entries = json.loads(previous)["persons"]
    kinds = ["sealed" if isinstance(e, str) else "plain" for e in entries]
    assert kinds == ["plain", "plain", "sealed"]
