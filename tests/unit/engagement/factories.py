"""A small field for engagement tests: persons in groups, a call-in, a service, an operation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from desktop.models import (
    Address,
    Agency,
    Group,
    Membership,
    Operation,
    OperationStatus,
    Person,
    PersonStatus,
    SupportKind,
    SupportService,
)
from desktop.services.bundle import Services, build_services
from desktop.services.engagement.rows import CallInInput, SpeakerInput
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store
from tests.factories import fresh_with_users, login

TODAY = dt.date.today()
HELD_AT = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(18, 0))


@dataclass
class Field:
    path: Path
    store: Store
    services: Services
    persons: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    service_id: int = 0
    operation_id: int = 0


def seed(store: Store, persons: int = 6) -> dict[str, list[int]]:
    """Persons in two groups (the last one inactive), one support service, one operation."""
    with UnitOfWork(store, "Testdata") as uow:
        s = uow.session
        agencies = dict(s.execute(select(Agency.code, Agency.id)).all())
        groups = [Group(name="Grupp A"), Group(name="Grupp B")]
        s.add_all(groups)
        s.flush()
        ids = []
        for n in range(persons):
            person = Person(
                first_name=f"Förnamn{n}",
                last_name=f"Efternamn{n}",
                status=PersonStatus.INACTIVE if n == persons - 1 else PersonStatus.ACTIVE,
            )
            s.add(person)
            s.flush()
            s.add(Address(person_id=person.id, street=f"Gatan {n}", area="Rosengård"))
            s.add(Membership(person_id=person.id, group_id=groups[n % 2].id))
            ids.append(person.id)
        service = SupportService(
            name="Avhopparverksamhet",
            kind=SupportKind.EXIT,
            provider="Kommunen",
            agency_id=agencies["social"],
        )
        operation = Operation(
            name="Insats",
            start_date=TODAY,
            end_date=TODAY + dt.timedelta(days=14),
            status=OperationStatus.ACTIVE,
        )
        s.add_all([service, operation])
        s.flush()
        uow.audit("test.seed", "person", ids)
    return {
        "persons": ids,
        "groups": [g.id for g in groups],
        "service": [service.id],
        "operation": [operation.id],
    }


def make_field(tmp_path: Path, user: str = "coordinator_social", persons: int = 6) -> Field:
    fresh = fresh_with_users(tmp_path)
    made = seed(fresh.admin, persons)
    fresh.admin.lock()
    store = login(fresh.path, user)
    return Field(
        fresh.path,
        store,
        build_services(store),
        made["persons"],
        made["groups"],
        made["service"][0],
        made["operation"][0],
    )


def held_callin(f: Field, starts_at: dt.datetime = HELD_AT) -> int:
    """A call-in three days ago with two speakers, every person invited."""
    callins = f.services.engagement.callins
    call_in_id, _ = callins.create(
        CallInInput(
            "Stormöte",
            starts_at,
            "Folkets hus",
            speakers=(
                SpeakerInput("Anna Polis", "Polisen", "Konsekvenserna"),
                SpeakerInput("Berit Mor", "", "Förlusten"),
            ),
        )
    )
    callins.invite(call_in_id, person_ids=f.persons)
    return call_in_id
