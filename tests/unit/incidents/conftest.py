from __future__ import annotations

import pytest

from tests.unit.incidents.factories import World, make_world


@pytest.fixture
def world(tmp_path, tmp_path_factory) -> World:
    return make_world(tmp_path, tmp_path_factory.getbasetemp() / "incident-world")
