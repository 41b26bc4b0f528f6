"""The exception hook: bugs logged with a traceback but no message; known errors plain."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.errors import PermissionDenied
from desktop.store.errors import DiskFull
from desktop.views.shell.crash import (
    LOG_FILE_NAME,
    CrashDialog,
    ExceptionHandler,
    install_excepthook,
    technical_report,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

PERSONAL = "Anna Andersson 19990101-1234 bor på Storgatan 1"


class Shown:
    def __init__(self) -> None:
        self.crashes: list[str] = []
        self.known: list[str] = []

    def crash(self, report: str, log_path: Path) -> None:
        self.crashes.append(report)

    def known_error(self, message: str) -> None:
        self.known.append(message)


@pytest.fixture
def hooked(tmp_path: Path, qapp: QApplication) -> Iterator[tuple[ExceptionHandler, Shown]]:
    shown = Shown()
    previous = sys.excepthook
    handler = install_excepthook(tmp_path / "logs", shown.crash, shown.known_error)
    yield handler, shown
    handler.uninstall()
    assert sys.excepthook is previous


def _lookup_address(person: dict[str, str]) -> str:
    secret_local = PERSONAL  # a local value must not reach the report either
    return person[secret_local]


def _caught(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_bug_is_logged_with_frames_but_without_the_message(
    hooked: tuple[ExceptionHandler, Shown],
) -> None:
    handler, shown = hooked
    assert sys.excepthook == handler.handle
    try:
        _lookup_address({})
    except KeyError as error:
        handler.handle(KeyError, error, error.__traceback__)
    log = (handler.log_path.parent / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "in _lookup_address" in log
    assert "KeyError" in log
    assert "Anna" not in log and "19990101" not in log
    assert len(shown.crashes) == 1
    assert "Anna" not in shown.crashes[0]
    assert "_lookup_address" in shown.crashes[0]
    assert shown.known == []


def test_chained_causes_are_reported_by_type(hooked: tuple[ExceptionHandler, Shown]) -> None:
    handler, shown = hooked
    try:
        try:
            raise ValueError(PERSONAL)
        except ValueError as inner:
            raise RuntimeError(PERSONAL) from inner
    except RuntimeError as error:
        handler.handle(RuntimeError, error, error.__traceback__)
    report = shown.crashes[0]
    assert "ValueError" in report and "RuntimeError" in report
    assert "Anna" not in report


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (DiskFull(), "Disken är full, så ändringen sparades inte."),
        (PermissionDenied(), "Du har inte behörighet att göra detta."),
    ],
)
def test_known_errors_show_their_sentence_without_traceback(
    hooked: tuple[ExceptionHandler, Shown], error: Exception, sentence: str
) -> None:
    handler, shown = hooked
    caught = _caught(error)
    handler.handle(type(caught), caught, caught.__traceback__)
    assert len(shown.known) == 1 and shown.known[0].startswith(sentence)
    assert shown.crashes == []
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert type(error).__name__ in log


def test_report_hides_home_folders() -> None:
    error = _caught(ValueError(PERSONAL))
    report = technical_report(error)
    assert str(Path.home()) not in report or str(Path.home()) == "/"
    assert 'File "test_crash.py"' in report or "tests" not in report
    assert "ValueError (message withheld)" in report


def test_crash_dialog_copies_the_report(qtbot: QtBot, tmp_path: Path) -> None:
    report = technical_report(_caught(KeyError(PERSONAL)))
    dialog = CrashDialog(report, tmp_path / LOG_FILE_NAME)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert dialog.details.toPlainText() == report
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == report
    assert "Anna" not in QApplication.clipboard().text()


def test_reuses_the_application_log_handler(tmp_path: Path, qapp: QApplication) -> None:
    app_logger = logging.getLogger("rondplan")
    app_handler = logging.FileHandler(tmp_path / LOG_FILE_NAME, encoding="utf-8")
    app_logger.addHandler(app_handler)
    shown = Shown()
    handler = install_excepthook(tmp_path, shown.crash, shown.known_error)
    try:
        assert logging.getLogger("rondplan.crash").handlers == []
        error = _caught(ValueError(PERSONAL))
        handler.handle(ValueError, error, error.__traceback__)
        log = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
        assert log.count("ValueError (message withheld)") == 1
    finally:
        handler.uninstall()
        app_logger.removeHandler(app_handler)
        app_handler.close()
