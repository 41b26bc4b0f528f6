"""The incident tests that differ by store, run against PostgreSQL (issue 20).

What each agency sees of an incident (the server's row policy joins the service's
filter), a correction's history, the response accepted through the planner's re-check,
and every evaluation figure on the hand-built dataset (the same numbers on both stores
prove the dialects count alike: dates, membership on a day, medians).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.factories import Fresh
from tests.integration import pg
from tests.unit.incidents.conftest import world  # noqa: F401  (the same fixture)
from tests.unit.incidents.test_register import (  # noqa: F401
    test_a_correction_keeps_the_old_values_and_the_reason,
    test_the_description_and_the_victims_stay_in_the_recording_agency,
)
from tests.unit.incidents.test_response import (  # noqa: F401
    test_accepting_plans_the_visits_starts_the_sanction_and_adds_tasks,
)
from tests.unit.incidents.test_sealed_links import (  # noqa: F401
    test_a_merge_by_another_agencys_coordinator_leaves_the_victim_with_the_survivor,
)
from tests.unit.statistics import test_incident_figures as figures_module
from tests.unit.statistics.test_incident_figures import (  # noqa: F401
    test_filters,
    test_month_by_month,
    test_per_group,
    test_period_totals,
    test_the_persons_behind_the_visit_figures,
)

pytestmark = pytest.mark.usefixtures("on_postgres")


@pytest.fixture(scope="module")
def figures(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """The hand-built incident dataset in a server database kept for the module."""
    with pg.kept_databases() as keep:
        fresh: Fresh = pg.pg_fresh_database(tmp_path_factory.mktemp("incident-figures"))
        keep()
        yield figures_module.compute_all(fresh.admin)
