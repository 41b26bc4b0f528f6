"""Issue 17 (the record tells the truth): the service tests, run unchanged against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.mapping.test_relation_periods import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
