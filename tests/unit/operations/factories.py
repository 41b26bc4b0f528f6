"""A small field for operation tests: persons in rival groups, staff, support services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from desktop.models import (
    Address,
    Agency,
    Group,
    GroupRelation,
    GroupRelationKind,
    Membership,
    Person,
    PersonStatus,
    StaffMember,
    SupportKind,
    SupportService,
    Team,
    Visit,
    VisitStatus,
)
from desktop.services.operations import OperationsServices, build_operations
from desktop.services.operations.rows import OperationInput
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store
from tests.factories import fresh_with_users, login

START = dt.date(2026, 6, 15)  # a Monday
END = dt.date(2026, 6, 26)
AREAS = ("Rosengård", "Hyllie", "Fosie")
HOURS = {str(d): ["08:00", "20:00"] for d in range(1, 6)}


@dataclass
class Field:
    path: Path
    store: Store
    services: OperationsServices
    persons: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    police: list[int] = field(default_factory=list)
    social: list[int] = field(default_factory=list)
    service_id: int = 0
    operation_id: int = 0


def seed(store: Store, persons: int = 12) -> dict[str, list[int]]:
    """Persons in three groups (two of them rivals), staff of two agencies, one service."""
    with UnitOfWork(store, "Testdata") as uow:
        s = uow.session
        agencies = dict(s.execute(select(Agency.code, Agency.id)).all())
        groups = [Group(name=f"Grupp {n}") for n in "ABC"]
        s.add_all(groups)
        s.flush()
        s.add(
            GroupRelation(
                group_a_id=groups[0].id,
                group_b_id=groups[1].id,
                kind=GroupRelationKind.ACTIVE_CONFLICT,
            )
        )
        ids = []
        for n in range(persons):
            person = Person(
                first_name=f"Förnamn{n}",
                last_name=f"Efternamn{n}",
                priority=1 + n % 3,
                status=PersonStatus.ACTIVE if n % 4 else PersonStatus.INACTIVE,
            )
            s.add(person)
            s.flush()
            s.add(Address(person_id=person.id, street=f"Gatan {n}", area=AREAS[n % 3]))
            s.add(Membership(person_id=person.id, group_id=groups[n % 3].id))
            ids.append(person.id)
        staff: dict[str, list[int]] = {"police": [], "social": []}
        for code in staff:
            for n in range(4):
                member = StaffMember(
                    name=f"{code} {n}", agency_id=agencies[code], working_hours=HOURS
                )
                s.add(member)
                s.flush()
                staff[code].append(member.id)
        service = SupportService(
            name="Avhopparverksamhet",
            kind=SupportKind.EXIT,
            provider="Kommunen",
            agency_id=agencies["social"],
        )
        s.add(service)
        s.flush()
        uow.audit("test.seed", "person", ids)
    return {
        "persons": ids,
        "groups": [g.id for g in groups],
        "police": staff["police"],
        "social": staff["social"],
        "service": [service.id],
    }


def make_field(tmp_path: Path, persons: int = 12, user: str = "coordinator_social") -> Field:
    fresh = fresh_with_users(tmp_path)
    made = seed(fresh.admin, persons)
    fresh.admin.lock()
    store = login(fresh.path, user)
    services = build_operations(store)
    return Field(
        fresh.path,
        store,
        services,
        made["persons"],
        made["groups"],
        made["police"],
        made["social"],
        made["service"][0],
    )


def planned_operation(f: Field, teams: int = 2) -> int:
    """An operation with every person as target and ``teams`` two-agency teams."""
    ops = f.services.operations
    op_id, _ = ops.create(OperationInput("Insats juni", START, END, "Budskapet"))
    ops.add_targets(op_id, f.persons)
    for n in range(teams):
        f.services.teams.save_team(op_id, f"Team {n + 1}", [f.police[n], f.social[n]])
    f.operation_id = op_id
    return op_id


def visits(store: Store, operation_id: int) -> list[tuple[int, int, VisitStatus, dt.datetime]]:
    with store.read_session() as s:
        return [
            (r.id, r.person_id, r.status, r.starts_at)
            for r in s.execute(
                select(Visit.id, Visit.person_id, Visit.status, Visit.starts_at)
                .where(Visit.operation_id == operation_id)
                .order_by(Visit.id)
            )
        ]


PLANNED_AT = dt.datetime.combine(START - dt.timedelta(days=1), dt.time(18))
"""When the tests plan the period: the evening before it starts (the ``clock`` fixture)."""
AFTER_THE_PERIOD = dt.datetime.combine(END + dt.timedelta(days=1), dt.time(8))
"""When the tests record outcomes: every visit of the period has begun."""


def crowd_a_day(f: Field, operation_id: int, day: dt.date) -> tuple[int, int]:
    """Twelve visits on ``day``, three at each hour from eight, by the operation's two
    teams: person 0 at eight by the second team and again at eleven by the first;
    person 1 at nine and cancelled at ten. One more, the next day. The teams' ids."""
    with UnitOfWork(f.store, "Testdata") as uow:
        session = uow.session
        first, second = session.scalars(
            select(Team.id).where(Team.operation_id == operation_id).order_by(Team.id)
        ).all()[:2]
        p = f.persons
        plan = [
            (p[0], 8, second, VisitStatus.PLANNED),
            (p[2], 8, first, VisitStatus.PLANNED),
            (p[3], 8, second, VisitStatus.PLANNED),
            (p[1], 9, first, VisitStatus.PLANNED),
            (p[4], 9, second, VisitStatus.PLANNED),
            (p[5], 9, first, VisitStatus.PLANNED),
            (p[1], 10, second, VisitStatus.CANCELLED),
            (p[6], 10, first, VisitStatus.PLANNED),
            (p[7], 10, second, VisitStatus.PLANNED),
            (p[0], 11, first, VisitStatus.PLANNED),
            (p[8], 11, second, VisitStatus.PLANNED),
            (p[9], 11, first, VisitStatus.PLANNED),
            (p[10], 9, first, VisitStatus.PLANNED),  # the next day
        ]
        for n, (person, hour, team, status) in enumerate(plan):
            starts = dt.datetime.combine(day + dt.timedelta(days=n // 12), dt.time(hour))
            session.add(
                Visit(
                    operation_id=operation_id,
                    person_id=person,
                    team_id=team,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=45),
                    status=status,
                )
            )
        uow.audit("test.seed", "operation", [operation_id])
    return first, second
