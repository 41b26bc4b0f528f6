"""The calendar's address choice (test_calendar_address_choice), run unchanged against
PostgreSQL: there the SQL runs as the user's role, row-level security included."""

from __future__ import annotations

import pytest

from tests.unit.operations.conftest import _planned_the_evening_before  # noqa: F401
from tests.unit.operations.test_calendar_address_choice import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
