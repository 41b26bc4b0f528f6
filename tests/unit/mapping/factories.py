"""Small factories for mapping tests: a coordinator's store and rows put in directly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.models import (
    Address,
    Delivery,
    DeliveryChannel,
    Group,
    GroupRelation,
    GroupRelationKind,
    Membership,
    MembershipRole,
    Person,
    Role,
    SanctionPeriod,
)
from desktop.services.bundle import Services, build_services
from desktop.store.interface import Store
from tests.factories import add_user, fresh_database, login


def coordinator_services(folder: Path) -> Services:
    """A fresh database with one social-services coordinator, unlocked as that user."""
    fresh = fresh_database(folder)
    add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    return build_services(login(fresh.path, "coordinator_social"))


def _insert(store: Store, row: Any) -> int:
    with store.write_session() as session, session.begin():
        session.add(row)
        session.flush()
        return int(row.id)


def person(store: Store, first: str = "Adam", last: str = "Berg", **kw: Any) -> int:
    return _insert(store, Person(first_name=first, last_name=last, **kw))


def group(store: Store, name: str, **kw: Any) -> int:
    return _insert(store, Group(name=name, **kw))


def member(store: Store, person_id: int, group_id: int, **kw: Any) -> int:
    kw.setdefault("source", "Polisens lägesbild")
    kw.setdefault("review_date", dt.date.today() + dt.timedelta(days=90))
    return _insert(store, Membership(person_id=person_id, group_id=group_id, **kw))


def address(store: Store, person_id: int, street: str = "Rosengårdsvägen 1", **kw: Any) -> int:
    kw.setdefault("area", "Rosengård")
    return _insert(store, Address(person_id=person_id, street=street, **kw))


def delivery(store: Store, person_id: int, on: dt.date | None = None) -> int:
    return _insert(
        store,
        Delivery(
            person_id=person_id,
            delivered_on=on or dt.date.today(),
            channel=DeliveryChannel.HOME_VISIT,
        ),
    )


def relation(store: Store, a: int, b: int, kind: GroupRelationKind, **kw: Any) -> int:
    return _insert(store, GroupRelation(group_a_id=a, group_b_id=b, kind=kind, **kw))


def sanction(store: Store, group_id: int, **kw: Any) -> int:
    kw.setdefault("trigger_event", "Skottlossning")
    kw.setdefault("start_date", dt.date.today() - dt.timedelta(days=10))
    return _insert(store, SanctionPeriod(group_id=group_id, **kw))


def relative(store: Store, person_id: int, name: str, relation_: str, **kw: Any) -> int:
    from desktop.models import Relative

    return _insert(store, Relative(person_id=person_id, name=name, relation=relation_, **kw))


def sample_mapping(store: Store) -> dict[str, int]:
    """A small, believable mapping: four groups, a dozen persons, links and history."""
    today = dt.date.today()
    ids: dict[str, int] = {}
    groups = {
        "Norra gänget": ("Fosie", "NG"),
        "Södra sidan": ("Hermodsdal", "SS; Söder"),
        "Parkgruppen": ("Rosengård", ""),
        "Centrumligan": ("Centrum", "CL"),
    }
    for name, (area, aliases) in groups.items():
        ids[name] = group(store, name, area=area, aliases=aliases, description=f"Verkar i {area}.")
    people = [
        ("Ali", "Hassan", "Lillen", "Norra gänget", "Fosie", True, False),
        ("Erik", "Johansson", "", "Norra gänget", "Fosie", False, True),
        ("Mohammed", "Ahmed", "Mo", "Södra sidan", "Hermodsdal", True, True),
        ("Jonas", "Lindqvist", "", "Södra sidan", "Hermodsdal", False, False),
        ("Dragan", "Petrović", "Gagi", "Parkgruppen", "Rosengård", False, True),
        ("Yusuf", "Öztürk", "", "Parkgruppen", "Rosengård", True, False),
        ("Kevin", "Åberg", "K", "Centrumligan", "Centrum", False, False),
        ("Samir", "Karimi", "", "Centrumligan", "Centrum", False, False),
    ]
    for i, (first, last, alias, grp, area, victim, shooter) in enumerate(people):
        pid = person(
            store,
            first,
            last,
            aliases=alias,
            birth_date=dt.date(1998 + i % 6, 1 + i, 10 + i),
            identity_number=f"{1998 + i % 6}{1 + i:02d}{10 + i}-{1000 + i}" if i % 2 else None,
            at_risk_victim=victim,
            at_risk_shooter=shooter,
            review_date=today + dt.timedelta(days=-5 if i % 3 == 0 else 60),
            protected_identity=(last == "Öztürk"),
            language="arabiska" if first in ("Ali", "Mohammed") else None,
            source="Polisens lägesbild",
        )
        ids[f"{first} {last}"] = pid
        address(
            store,
            pid,
            f"Exempelgatan {i + 1}",
            postcode=f"21{i} 4{i}",
            city="Malmö",
            area=area,
            valid_from=dt.date(2022, 1, 1),
            access_notes="Portkod 1234, hund" if i == 0 else "",
        )
        member(
            store,
            pid,
            ids[grp],
            role=MembershipRole.LEADER if i % 2 == 0 else MembershipRole.MEMBER,
            since=dt.date(2021, 6, 1),
            reason="Förekommer i ärenden",
            review_date=today + dt.timedelta(days=-1 if i == 1 else 120),
        )
        if i % 3 != 2:
            delivery(store, pid, today - dt.timedelta(days=30 + i))
    hassan = ids["Ali Hassan"]
    address(
        store,
        hassan,
        "Gamla vägen 3",
        area="Fosie",
        valid_from=dt.date(2019, 1, 1),
        valid_to=dt.date(2021, 12, 31),
    )
    relative(store, hassan, "Fatima Hassan", "mamma", phone="070-111 22 33", same_address=True)
    relative(store, hassan, "Mohammed Ahmed", "kusin", linked_person_id=ids["Mohammed Ahmed"])
    relation(
        store,
        ids["Norra gänget"],
        ids["Södra sidan"],
        GroupRelationKind.ACTIVE_CONFLICT,
        since=today - dt.timedelta(days=40),
        description="Skottlossning i Fosie",
    )
    relation(
        store,
        ids["Norra gänget"],
        ids["Parkgruppen"],
        GroupRelationKind.ALLIANCE,
        since=dt.date(2023, 3, 1),
    )
    relation(
        store,
        ids["Södra sidan"],
        ids["Centrumligan"],
        GroupRelationKind.RIVALRY,
        since=dt.date(2022, 5, 1),
    )
    sanction(
        store,
        ids["Södra sidan"],
        trigger_event="Skottlossning vid torget",
        measures="Ökad närvaro, hembesök",
    )
    sanction(
        store,
        ids["Norra gänget"],
        trigger_event="Misshandel",
        start_date=dt.date(2024, 2, 1),
        end_date=dt.date(2024, 5, 1),
        end_reason="Inget nytt våld på tre månader",
    )
    return ids
