from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import Fresh, fresh_with_users
from tests.unit.briefing.seed import Seeded, seed


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Fresh, Seeded]]:
    """One seeded database shared by a module's read-mostly tests."""
    folder: Path = tmp_path_factory.mktemp("briefing")
    fresh = fresh_with_users(folder)
    seeded = seed(fresh)
    yield fresh, seeded
    fresh.admin.lock()
