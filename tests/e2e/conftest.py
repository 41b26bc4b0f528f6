"""Fixtures for the end-to-end tests: one Xvfb per run, one app per test, screenshots.

A failing test keeps its screenshots, plus one taken at the moment of failure, under
``tests/e2e/artifacts/<test>/`` (or ``$RONDPLAN_E2E_ARTIFACTS``); the failure report
names the folder and shows the app's output. A passing test's screenshots go with its
tmp_path, unless ``RONDPLAN_E2E_KEEP=1`` asks to keep them too. The folder is
git-ignored.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.services.demo import generate_demo
from tests.e2e.harness import App, E2EError, Screenshots, XServer, missing_tools

ARTIFACTS = Path(
    os.environ.get("RONDPLAN_E2E_ARTIFACTS", Path(__file__).resolve().parent / "artifacts")
)
_APPS = pytest.StashKey[list[App]]()
_SHOTS = pytest.StashKey[Screenshots]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            # Bounded: a hung app or X server fails the test instead of the CI run.
            item.add_marker(pytest.mark.timeout(180))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    keep_all = os.environ.get("RONDPLAN_E2E_KEEP") == "1"  # to look at passing runs too
    if report.when == "call" and (report.failed or keep_all) and _SHOTS in item.stash:
        _keep_artifacts(item, report)
    return report


def _keep_artifacts(item: pytest.Item, report: pytest.TestReport) -> None:
    shots = item.stash[_SHOTS]
    for app in item.stash.get(_APPS, []):
        if report.failed and app.process.poll() is None:
            with contextlib.suppress(E2EError, OSError):
                app.screenshot("at-failure")
        report.sections.append((f"app output ({app.log})", app.output()[-4000:]))
    if not shots.taken:
        return
    keep = ARTIFACTS / re.sub(r"[^\w.-]+", "_", item.nodeid.split("::", 1)[-1])
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True, exist_ok=True)
    for path in shots.taken:
        if path.exists():
            shutil.copy(path, keep / path.name)
    report.sections.append(("e2e screenshots", f"kept in {keep}"))


@pytest.fixture(scope="session")
def xserver() -> Iterator[XServer]:
    missing = missing_tools()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"e2e tools missing in CI: {missing} (.ci/run installs them)")
        pytest.skip(f"e2e needs {missing}: apt-get install xvfb xdotool imagemagick")
    server = XServer()
    yield server
    server.stop()


@pytest.fixture
def screenshots(request: pytest.FixtureRequest, tmp_path: Path) -> Screenshots:
    shots = Screenshots(tmp_path / "screenshots")
    request.node.stash[_SHOTS] = shots
    return shots


@pytest.fixture
def launch(
    xserver: XServer, screenshots: Screenshots, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., App]]:
    """``launch(*args)`` starts ``python -m desktop.cli *args`` on the test's X server,
    with its own HOME and settings; every app is stopped after the test."""
    apps: list[App] = []
    request.node.stash[_APPS] = apps

    def start(*args: str, env: dict[str, str] | None = None) -> App:
        app = App(xserver.display, tmp_path / f"home{len(apps)}", screenshots, args, env)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.stop()


@pytest.fixture
def demo_db(tmp_path: Path):
    """A fresh fictitious demo database (200 persons, every role's account)."""
    return generate_demo(tmp_path / "demo" / "demo.db", seed=7)
