"""Test-wide setup. The offscreen platform is set before anything loads Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
# Argon2id is tuned to 0.3-1.0 s for real users; tests use the cheapest
# parameters so a fresh encrypted database per test stays fast.
os.environ.setdefault("RONDPLAN_TEST_KDF", "1")


import datetime as dt
from typing import Any

import pytest

import desktop.services.clock

#: The suite's two halves by folder, about equal in time on the two-core CI machine.
#: ``pytest`` runs them side by side, one pytest-xdist worker each (``-n 2`` in
#: pyproject.toml, the scheduler below): the suite is CPU-bound, and one process would
#: leave a core idle while the PostgreSQL clusters, Xvfb and the model test wait for the
#: other. Within a worker the tests run in collection order, the folders as
#: ``testpaths`` lists them: the unit tests before the GUI tests, and the attack tests
#: first in theirs (the hostile-import tests measure a forked child's peak memory, which
#: starts as its parent's and grows as the session goes on).
_HALVES = {
    "unit": "core+views",
    "gui": "core+views",
    "attacks": "server+attacks+e2e",
    "integration": "server+attacks+e2e",
    "e2e": "server+attacks+e2e",
}


def half_of(nodeid: str) -> str:
    """The half a test runs in, by its folder under ``tests/``."""
    parts = nodeid.split("/")
    return _HALVES.get(parts[1] if len(parts) > 2 else "", "core+views")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Each half whole to one worker, in collection order (pytest-xdist's scope
    scheduling, with the half as the scope)."""
    from xdist.scheduler import LoadScopeScheduling

    class Halves(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return half_of(nodeid)

    return Halves(config, log)


@pytest.fixture(autouse=True)
def _own_anchor_folder(tmp_path_factory, monkeypatch):
    """Each test's users keep their audit anchors (issue 15) in a folder of its own."""
    monkeypatch.setenv("RONDPLAN_ANCHOR_DIR", str(tmp_path_factory.mktemp("anchors")))


class TestClock:
    """A local wall clock a test sets and moves; every service built without its own
    ``clock`` reads it as now (desktop/services/clock.py)."""

    __test__ = False  # not a test class, despite the name

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, moment: dt.datetime) -> None:
        self.now = moment


@pytest.fixture
def clock(monkeypatch):
    """Pins the services' "now" (the machine's date at first; tests ``set`` it), so a test
    on fixed dates does not depend on the day it runs (issue 17)."""
    pinned = TestClock(dt.datetime.now().replace(microsecond=0))
    monkeypatch.setattr(desktop.services.clock, "_source", pinned)
    return pinned
