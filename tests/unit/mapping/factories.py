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
    Person,
    Role,
    SanctionPeriod,
)
from desktop.services.bundle import Services, build_services
from desktop.store.database import Store
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
