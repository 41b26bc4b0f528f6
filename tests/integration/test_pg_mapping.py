"""The mapping service tests, run unchanged against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.mapping.conftest import services  # noqa: F401  (the same fixture)
from tests.unit.mapping.test_merge_review_groups import *  # noqa: F403
from tests.unit.mapping.test_persons import *  # noqa: F403
from tests.unit.mapping.test_search import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
