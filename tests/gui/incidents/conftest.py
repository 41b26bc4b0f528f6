"""The incident views over the incident tests' small world (tests/unit/incidents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from desktop.services.bundle import Services, build_services
from desktop.services.changes import Changes
from desktop.services.incidents import IncidentServices, build_incidents
from desktop.views.changes_hub import ChangesHub
from tests.factories import login
from tests.unit.incidents.factories import NOW, World, clock, make_world

TODAY: dt.date = NOW.date()


@dataclass
class Session:
    services: Services
    incidents: IncidentServices
    published: list[Changes]
    #: The application's hub, as the page gets it; what it emits is kept in ``published``.
    hub: ChangesHub = field(default_factory=ChangesHub)

    def __post_init__(self) -> None:
        self.hub.changes_applied.connect(self.published.append)


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
