"""The engagement service tests, run unchanged against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.engagement.conftest import field  # noqa: F401  (the same fixture)
from tests.unit.engagement.test_callins import *  # noqa: F403
from tests.unit.engagement.test_ledger_support_sanctions import *  # noqa: F403
from tests.unit.engagement.test_referrals import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")
