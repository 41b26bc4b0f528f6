"""A field (persons, staff, an operation with two teams) and the full service bundle."""

from __future__ import annotations

import pytest

from desktop.services.bundle import build_services
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    PLANNED_AT,
    make_field,
    planned_operation,
)


@pytest.fixture(autouse=True)
def _planned_the_evening_before(clock):
    """Now is the evening before the period: the planner proposes from its first day on."""
    clock.set(PLANNED_AT)
    return clock


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    planned_operation(f)
    f.bundle = build_services(f.store)
    yield f
    f.store.lock()


@pytest.fixture
def planned(field, clock):
    """The field with its proposal accepted: planned visits in the calendar, and now the
    period has passed, so their outcomes can be recorded."""
    field.services.planning.propose(field.operation_id)
    field.services.planning.accept(field.operation_id)
    clock.set(AFTER_THE_PERIOD)
    return field
