"""A small world for incident tests: three groups (A and B rivals since 2025, C allied
to none), members, staff of two agencies in two teams of a standing operation.

The clock is fixed: Monday 8 June 2026 at noon; the incident of the tests happened the
evening before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.models import (
    Address,
    Agency,
    Certainty,
    Group,
    GroupRelation,
    GroupRelationKind,
    IncidentKind,
    IncidentRole,
    IncidentSide,
    Membership,
    Operation,
    OperationStatus,
    Person,
    PersonStatus,
    StaffMember,
    Team,
    TeamMember,
)
from desktop.services.incidents import IncidentServices, build_incidents
from desktop.services.incidents.rows import GroupLinkInput, IncidentInput, PersonLinkInput
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store
from tests.factories import fresh_with_users, login

NOW = dt.datetime(2026, 6, 8, 12, 0)
SHOT_AT = dt.datetime(2026, 6, 7, 22, 30)
HOURS = {str(d): ["08:00", "20:00"] for d in range(1, 6)}


def clock() -> dt.datetime:
    return NOW


@dataclass
class World:
    path: Path
    groups: dict[str, int]
    # Group letter -> its active members' ids (A: 3, B: 3, C: 2), plus one who left A.
    members: dict[str, list[int]]
    former_a: int
    inactive_b: int
    teams: list[int]
    recovery_code: str = ""


def seed(store: Store) -> dict[str, object]:
    with UnitOfWork(store, "Testdata") as uow:
        s = uow.session
        agencies = dict(s.execute(select(Agency.code, Agency.id)).all())
        groups = {n: Group(name=f"Grupp {n}") for n in "ABC"}
        s.add_all(groups.values())
        s.flush()
        s.add(
            GroupRelation(
                group_a_id=groups["A"].id,
                group_b_id=groups["B"].id,
                kind=GroupRelationKind.RIVALRY,
                since=dt.date(2025, 1, 1),
            )
        )
        members: dict[str, list[int]] = {n: [] for n in "ABC"}

        def person(first: str, group: str, **kw: object) -> int:
            p = Person(first_name=first, last_name=f"{group}son", **kw)
            s.add(p)
            s.flush()
            s.add(Address(person_id=p.id, street=f"{first}gatan 1", area="Rosengård"))
            return p.id

        for group, count in (("A", 3), ("B", 3), ("C", 2)):
            for n in range(count):
                pid = person(f"{group}{n}", group)
                s.add(Membership(person_id=pid, group_id=groups[group].id))
                members[group].append(pid)
        former = person("Tidigare", "A")
        s.add(
            Membership(
                person_id=former,
                group_id=groups["A"].id,
                since=dt.date(2024, 1, 1),
                until=dt.date(2025, 12, 31),
            )
        )
        inactive = person("Inaktiv", "B", status=PersonStatus.IN_CUSTODY)
        s.add(Membership(person_id=inactive, group_id=groups["B"].id))
        standing = Operation(
            name="Stående team",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2026, 12, 31),
            status=OperationStatus.ACTIVE,
        )
        s.add(standing)
        s.flush()
        teams = []
        for n in range(2):
            team = Team(name=f"Team {n + 1}", operation_id=standing.id, max_visits_per_day=4)
            s.add(team)
            s.flush()
            for code in ("police", "social"):
                staff = StaffMember(
                    name=f"{code} {n}", agency_id=agencies[code], working_hours=HOURS
                )
                s.add(staff)
                s.flush()
                s.add(TeamMember(team_id=team.id, staff_id=staff.id))
            teams.append(team.id)
        uow.audit("test.seed", "group", [g.id for g in groups.values()])
    return {
        "groups": {n: g.id for n, g in groups.items()},
        "members": members,
        "former": former,
        "inactive": inactive,
        "teams": teams,
    }


_TEMPLATES: dict[str, tuple[Path, dict[str, object]]] = {}


def make_world(tmp_path: Path, template_dir: Path | None = None) -> World:
    """A copy of one world built once per process and backend (fresh files per test)."""
    import shutil

    # On PostgreSQL (tests/integration patches the factories) each test builds its own.
    backend = "file" if fresh_with_users.__module__ == "tests.factories" else "server"
    if backend != "file" or template_dir is None:
        built = tmp_path / "built"
        built.mkdir()
        fresh = fresh_with_users(built)
        made = seed(fresh.admin)
        made["recovery"] = fresh.recovery_code
        fresh.admin.lock()
        path = fresh.path
    else:
        if backend not in _TEMPLATES:
            template_dir.mkdir(parents=True, exist_ok=True)
            fresh = fresh_with_users(template_dir)
            made = seed(fresh.admin)
            made["recovery"] = fresh.recovery_code
            fresh.admin.lock()
            _TEMPLATES[backend] = (fresh.path, made)
        source, made = _TEMPLATES[backend]
        shutil.copytree(source.parent, tmp_path / "world")
        path = tmp_path / "world" / source.name
    return World(
        path,
        made["groups"],  # type: ignore[arg-type]
        made["members"],  # type: ignore[arg-type]
        made["former"],  # type: ignore[arg-type]
        made["inactive"],  # type: ignore[arg-type]
        made["teams"],  # type: ignore[arg-type]
        made["recovery"],  # type: ignore[arg-type]
    )


@contextmanager
def user(world: World, username: str) -> Iterator[tuple[Store, IncidentServices]]:
    store = login(world.path, username)
    try:
        yield store, build_incidents(store, clock)
    finally:
        store.lock()


def shooting(world: World, reference: str = "5000-K1-26", **changes: object) -> IncidentInput:
    """A shooting last night: A's member suspected, B's member injured, a witness."""
    values: dict[str, object] = {
        "reference": reference,
        "kind": IncidentKind.SHOOTING,
        "occurred_at": SHOT_AT,
        "district": "Rosengård",
        "certainty": Certainty.CONFIRMED,
        "injured": 1,
        "killed": 0,
        "groups": (
            GroupLinkInput(world.groups["A"], IncidentSide.SUSPECTED, "Polisens lägesbild"),
            GroupLinkInput(world.groups["B"], IncidentSide.VICTIM, "Polisens lägesbild"),
        ),
        "persons": (
            PersonLinkInput(world.members["A"][0], IncidentRole.SUSPECTED, "Förundersökning"),
            PersonLinkInput(
                world.members["B"][0], IncidentRole.INJURED, "Sjukhus", Certainty.CONFIRMED
            ),
            PersonLinkInput(world.members["C"][0], IncidentRole.WITNESS, "Förhör"),
        ),
        "description": "Skott mot port, en skadad i benet.",
    }
    values.update(changes)
    return IncidentInput(**values)  # type: ignore[arg-type]
