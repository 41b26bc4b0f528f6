from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.engagement.factories import Field, make_field


@pytest.fixture
def field(tmp_path) -> Iterator[Field]:
    built = make_field(tmp_path)
    yield built
    built.store.lock()
