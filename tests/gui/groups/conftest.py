from __future__ import annotations

import pytest

from tests.unit.mapping.factories import coordinator_services, sample_mapping


@pytest.fixture
def services(tmp_path):
    built = coordinator_services(tmp_path)
    yield built
    built.store.lock()


@pytest.fixture
def mapped(services):
    """Services over a small sample mapping, and the ids of its persons and groups."""
    return services, sample_mapping(services.store)
