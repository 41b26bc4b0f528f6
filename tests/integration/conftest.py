"""Integration tests against a real PostgreSQL server.

Without a server they are skipped with a message saying how to run them; in CI
(``CI=true``) a missing server is a failure, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.integration import cluster, pg


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The maintenance URL of a reachable server (skip or fail as above)."""
    problem = pg.server_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and no PostgreSQL server: {problem}", pytrace=False)
        pytest.skip(problem)
    return pg.maintenance_url()


@pytest.fixture
def on_postgres(pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shared factories make and open server databases during this test."""
    pg.patch_factories(monkeypatch)
    yield
    pg.REGISTRY.close()


@pytest.fixture
def server_db(pg_server: str) -> Iterator[str]:
    """A fresh empty database ``rondplan_test_<random>`` (owner URL), dropped after."""
    url = pg.create_database()
    yield url
    pg.drop_database(url)


@pytest.fixture(scope="session")
def scram_cluster() -> Iterator[cluster.ScramCluster]:
    """A throwaway cluster with SCRAM and TLS for this test session (torn down after).

    ``PGPASSFILE`` points libpq at the owner's password, as an operator's ``.pgpass``.
    """
    problem = cluster.problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and no SCRAM test cluster: {problem}", pytrace=False)
        pytest.skip(problem)
    made = cluster.start()
    before = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = str(made.pgpass)
    try:
        yield made
    finally:
        if before is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = before
        made.stop()
