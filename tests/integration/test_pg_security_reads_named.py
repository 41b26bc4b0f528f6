"""Issue 17 (the record tells the truth): the service tests, run unchanged against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.security.test_reads_that_name_persons import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
