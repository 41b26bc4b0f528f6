"""The statistics service tests, run unchanged against PostgreSQL.

On the server: test_service, test_figures, test_research and test_cli_stats (the
``stats`` command with ``--server``). Every figure is worked out by hand in
tests/unit/statistics/dataset.py, so the same numbers on both stores also prove the
two dialects count alike (dates, grouping, medians).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.factories import Fresh
from tests.integration import pg
from tests.unit.statistics.dataset import Built, build
from tests.unit.statistics.test_cli_stats import *  # noqa: F403
from tests.unit.statistics.test_figures import *  # noqa: F403
from tests.unit.statistics.test_research import *  # noqa: F403
from tests.unit.statistics.test_service import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres", "state_home")


@pytest.fixture(scope="module")
def programme(  # type: ignore[no-redef]
    pg_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Fresh, Built]]:
    """The same hand-built programme, in a server database kept for the module."""
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_with_users(tmp_path_factory.mktemp("stats"))
        keep()
        yield fresh, build(fresh.admin)


@pytest.fixture
def state_home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The command line keeps its audit checkpoint of a server here, not in $HOME."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
