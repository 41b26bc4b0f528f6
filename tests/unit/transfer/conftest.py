"""A database with users of every role; the social-services coordinator imports."""

from __future__ import annotations

import pytest

from desktop.services.bundle import Services, build_services
from tests.factories import Fresh, fresh_with_users, login


@pytest.fixture
def fresh(tmp_path) -> Fresh:
    return fresh_with_users(tmp_path)


@pytest.fixture
def services(fresh: Fresh, tmp_path, monkeypatch) -> Services:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = login(fresh.path, "coordinator_social")
    built = build_services(store)
    yield built
    store.lock()


@pytest.fixture
def transfer(services: Services):
    return services.transfer
