"""The operations service tests (test_operations), run unchanged against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.operations.conftest import (  # noqa: F401  (the same pinned clock)
    _planned_the_evening_before,
)
from tests.unit.operations.test_operations import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
