"""Issue 17 (the record tells the truth): the service tests, run unchanged against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.operations.conftest import (  # noqa: F401  (the same pinned clock)
    _planned_the_evening_before,
)
from tests.unit.operations.test_address_at_visit import *  # noqa: F403
from tests.unit.operations.test_outcome_correction import *  # noqa: F403
from tests.unit.operations.test_outcome_timing import *  # noqa: F403
from tests.unit.operations.test_planner_not_in_the_past import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
