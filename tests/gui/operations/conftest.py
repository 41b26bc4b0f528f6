"""A field (persons, staff, an operation with two teams) and the full service bundle."""

from __future__ import annotations

import pytest

from desktop.services.bundle import build_services
from tests.unit.operations.factories import make_field, planned_operation


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    planned_operation(f)
    f.bundle = build_services(f.store)
    yield f
    f.store.lock()


@pytest.fixture
def planned(field):
    """The field with its proposal accepted: planned visits in the calendar."""
    field.services.planning.propose(field.operation_id)
    field.services.planning.accept(field.operation_id)
    return field
