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

#: The suite's three parts by folder. ``pytest`` runs them side by side, one
#: pytest-xdist worker each (``-n 3`` in pyproject.toml, the scheduler below): one
#: process would leave the machine idle while the PostgreSQL clusters, Xvfb and the
#: database files wait, and on the two-core CI machine two parts kept only 1.3 cores
#: busy. Within a worker the tests run in collection order, the folders as ``testpaths``
#: lists them: the attack tests first in theirs (the hostile-import tests measure a
#: forked child's peak memory, which starts as its parent's and grows as the session
#: goes on).
_PARTS = {
    "unit": "core",
    "gui": "views",
    "attacks": "server+attacks+e2e",
    "integration": "server+attacks+e2e",
    "e2e": "server+attacks+e2e",
}


def part_of(nodeid: str) -> str:
    """The part a test runs in, by its folder under ``tests/``."""
    parts = nodeid.split("/")
    return _PARTS.get(parts[1] if len(parts) > 2 else "", "core")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Each part whole to one worker, in collection order (pytest-xdist's scope
    scheduling, with the part as the scope)."""
    from xdist.scheduler import LoadScopeScheduling

    class Parts(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return part_of(nodeid)

    return Parts(config, log)


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
