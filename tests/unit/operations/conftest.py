"""The operations tests plan the fixed period of factories.START..END."""

from __future__ import annotations

import pytest

from tests.unit.operations.factories import PLANNED_AT


@pytest.fixture(autouse=True)
def _planned_the_evening_before(clock):
    """Now is the evening before the period: the planner proposes from its first day on."""
    clock.set(PLANNED_AT)
    return clock
