"""A background job's error reaches the log as types and frames, never its message."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop.services.bundle import build_services
from desktop.views.importing import ImportWizard
from desktop.views.statistics.statistics_page import StatisticsPage
from desktop.views.worker import run_in_background
from tests.factories import fresh_with_users, login

NAME = "Zebulon Qwertyström"


def _job_reading_a_name() -> None:
    raise ValueError(f"ogiltigt namn: {NAME}")


@pytest.fixture
def log_file(tmp_path: Path):
    path = tmp_path / "rondplan.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    logger = logging.getLogger("desktop")
    logger.addHandler(handler)
    yield path
    logger.removeHandler(handler)
    handler.close()


@pytest.fixture
def services(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "coordinator_social")
    yield build_services(store)
    store.lock()


def _fail_in_background(qtbot, on_error) -> BaseException:
    caught: list[BaseException] = []

    def handle(error: BaseException) -> None:
        caught.append(error)
        on_error(error)

    task = run_in_background(_job_reading_a_name, lambda _r: None, handle)
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    del task
    return caught[0]


def test_worker_keeps_no_formatted_traceback(qtbot):
    error = _fail_in_background(qtbot, lambda _e: None)
    assert isinstance(error, ValueError)
    assert not any(NAME in str(value) for value in vars(error).values())


def test_import_wizard_logs_types_and_frames_only(qtbot, services, log_file):
    wizard = ImportWizard(services.transfer)
    qtbot.addWidget(wizard)
    _fail_in_background(qtbot, wizard._failed)
    text = log_file.read_text(encoding="utf-8")
    assert "ValueError" in text and "_job_reading_a_name" in text
    assert NAME not in text and "Zebulon" not in text


def test_statistics_page_logs_types_and_frames_only(qtbot, services, log_file):
    page = StatisticsPage(services.statistics, role=services.store.identity.role)
    qtbot.addWidget(page)
    _fail_in_background(qtbot, page._failed)
    text = log_file.read_text(encoding="utf-8")
    assert "ValueError" in text and "_job_reading_a_name" in text
    assert NAME not in text and "Zebulon" not in text
