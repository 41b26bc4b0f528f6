"""The briefing service tests, run unchanged against PostgreSQL.

On the server: test_builder, test_printing, test_print_numbering,
test_group_overview_counts and test_cli (``rondplan briefing --server``). Each
agency's notes are sealed client-side, and row-level security keeps the other
agencies' rows away as well, so the canary checks hold on both stores.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.factories import Fresh
from tests.integration import pg
from tests.unit.briefing.seed import Seeded, seed
from tests.unit.briefing.test_builder import *  # noqa: F403
from tests.unit.briefing.test_cli import *  # noqa: F403
from tests.unit.briefing.test_group_overview_counts import *  # noqa: F403
from tests.unit.briefing.test_print_numbering import *  # noqa: F403
from tests.unit.briefing.test_printing import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres", "state_home")


@pytest.fixture(scope="module")
def world(  # type: ignore[no-redef]
    pg_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Fresh, Seeded]]:
    """The same seeded operation, in a server database kept for the module."""
    with pg.kept_databases() as keep:
        fresh = pg.pg_fresh_with_users(tmp_path_factory.mktemp("briefing"))
        keep()
        yield fresh, seed(fresh)


@pytest.fixture
def state_home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The command line keeps its audit checkpoint of a server here, not in $HOME."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
