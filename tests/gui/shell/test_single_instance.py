"""One instance per user: the second start gets None and wakes the first."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.views.shell.single_instance import acquire


@pytest.fixture
def folder(qapp: QApplication) -> Iterator[Path]:
    # A short folder: Unix socket paths are limited to about 100 bytes.
    with tempfile.TemporaryDirectory(prefix="rp-", dir="/tmp") as name:
        yield Path(name)


def test_second_start_is_refused_and_activates_the_first(qtbot: QtBot, folder: Path) -> None:
    first = acquire("rptest", folder)
    assert first is not None
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert acquire("rptest", folder) is None
    finally:
        first.release()


def test_lock_is_free_again_after_release(folder: Path) -> None:
    first = acquire("rptest", folder)
    assert first is not None
    first.release()
    second = acquire("rptest", folder)
    assert second is not None
    second.release()


def test_different_names_do_not_collide(folder: Path) -> None:
    one = acquire("rp-one", folder)
    two = acquire("rp-two", folder)
    assert one is not None and two is not None
    one.release()
    two.release()
