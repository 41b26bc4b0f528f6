from __future__ import annotations

import pytest

from desktop.services.bundle import Services
from tests.unit.mapping.factories import coordinator_services


@pytest.fixture
def services(tmp_path) -> Services:
    built = coordinator_services(tmp_path)
    yield built
    built.store.lock()
