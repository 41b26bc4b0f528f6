"""A seeded database and a team lead's briefing services."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services.briefing import BriefingServices, build_briefing_services
from tests.factories import Fresh, fresh_with_users, login
from tests.unit.briefing.seed import Seeded, seed


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Fresh, Seeded]]:
    fresh = fresh_with_users(tmp_path_factory.mktemp("printing"))
    seeded = seed(fresh)
    yield fresh, seeded
    fresh.admin.lock()


@pytest.fixture
def services(world) -> Iterator[BriefingServices]:
    fresh, _ = world
    store = login(fresh.path, "team_lead_police")
    yield build_briefing_services(store)
    store.lock()
