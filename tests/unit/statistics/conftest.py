from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import Fresh, fresh_with_users
from tests.unit.statistics.dataset import Built, build


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> tuple[Fresh, Built]:
    """One hand-built programme shared by a module's read-only tests."""
    folder: Path = tmp_path_factory.mktemp("stats")
    fresh = fresh_with_users(folder)
    return fresh, build(fresh.admin)
