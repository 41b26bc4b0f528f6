"""The incident views over the incident tests' small world (tests/unit/incidents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from desktop.services.bundle import Services, build_services
from desktop.services.changes import Changes
from desktop.services.incidents import IncidentServices, build_incidents
from tests.factories import login
from tests.unit.incidents.factories import NOW, World, clock, make_world

TODAY: dt.date = NOW.date()


@dataclass
class Session:
    services: Services
    incidents: IncidentServices
    published: list[Changes]

    def publish(self, changes: Changes) -> None:
        self.published.append(changes)


@pytest.fixture(scope="session")
def world(tmp_path_factory) -> World:
    """One world for every incident view test (each test uses its own references)."""
    return make_world(tmp_path_factory.mktemp("incidents-gui"))


@pytest.fixture
def as_user(world) -> Iterator:
    stores = []

    def open_as(username: str) -> Session:
        store = login(world.path, username)
        stores.append(store)
        return Session(build_services(store), build_incidents(store, clock), [])

    yield open_as
    for store in stores:
        store.lock()
