"""The one way slow work leaves the GUI thread (PDFs, planning, statistics, imports).

The function runs on a pool thread; its result or known error comes back as a signal
on the GUI thread. Widgets are never touched from the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread, which decides
            # Only the exception object travels: its frames are in __traceback__, and its
            # message (which may hold a name) is never formatted here. Log it with
            # desktop.views.shell.crash.technical_report.
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class BackgroundTask(QObject):
    """A running job; keep a reference until it finishes.

    Signals:
        finished(object): the function's return value.
        failed(object): the exception it raised.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.finished.connect(self.finished)
        self._relay.failed.connect(self.failed)
        self._job = _Job(fn, self._relay)

    def start(self, pool: QThreadPool | None = None) -> BackgroundTask:
        (pool or QThreadPool.globalInstance()).start(self._job)
        return self


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Start ``fn`` off the GUI thread; ``on_done``/``on_error`` run on the GUI thread."""
    task = BackgroundTask(fn, parent)
    task.finished.connect(on_done)
    task.failed.connect(on_error)
    return task.start(pool)
