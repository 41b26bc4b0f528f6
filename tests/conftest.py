"""Test-wide setup. The offscreen platform is set before anything loads Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
# Argon2id is tuned to 0.3-1.0 s for real users; tests use the cheapest
# parameters so a fresh encrypted database per test stays fast.
os.environ.setdefault("RONDPLAN_TEST_KDF", "1")


import datetime as dt
import sys

import pytest

import desktop.services.clock

#: The files that take longest, started first so that no worker is left with one of
#: them at the end while the others idle. Seconds per file with four workers on the
#: two-core machine (--durations=0): the model test about 330, the next ones 40-100.
LONG_POLES = (
    "tests/unit/test_programme_model.py",
    "tests/integration/test_pg_transfer.py",
    "tests/integration/test_migrate_to_server.py",
    "tests/e2e/",
    "tests/integration/test_pg_engagement.py",
    "tests/attacks/test_cli_bad_arguments.py",
    "tests/attacks/test_file_hostile_imports.py",
    "tests/integration/test_migrate_to_server_english.py",
    "tests/attacks/test_server_restore_drill.py",
)


def _pole(nodeid: str) -> int:
    return next(
        (rank for rank, prefix in enumerate(LONG_POLES) if nodeid.startswith(prefix)),
        len(LONG_POLES),
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long poles first, everything else in ``testpaths`` order (a stable sort).

    pytest-xdist hands whole files to its workers (``-n 3 --dist loadfile`` in
    pyproject.toml: a file's tests share its fixtures and its module's state), in this
    order (``--no-loadscope-reorder``), each to the next worker that runs dry. Three
    workers on two cores: the suite waits as much on PostgreSQL, Xvfb and the disk as
    on the processor."""
    items.sort(key=lambda item: _pole(item.nodeid))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The server databases this process made are dropped before it reports its
    session finished. At exit was too late under pytest-xdist: the controller gives a
    finished worker 10 s to end, then kills it, and a worker with a dozen drops and two
    templates still queued (each DROP DATABASE makes the server checkpoint) left them
    on the server, run after run (tests/integration/pg.py, ``Dropper``)."""
    pg = sys.modules.get("tests.integration.pg")
    if pg is not None:
        pg.DROPPER.finish()


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
