"""The lock: close the store, cover every window, ask for the password, unlock.

The composition root supplies what locking and unlocking mean for the store:
``lock_store()`` (audit "lock", then ``Store.lock()``) and ``unlock_store(password)``
(raises a StoreError such as WrongPassword or AccountLocked on failure).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from desktop.views.lock.clipboard import SensitiveClipboard
from desktop.views.lock.idle import IdleWatcher
from desktop.views.lock.overlay import LockOverlay
from desktop.views.lock.session_lock import watch_session
from desktop.views.shell.crash import technical_report
from desktop.views.worker import BackgroundTask, run_in_background

log = logging.getLogger(__name__)


class LockController(QObject):
    """Owns the locked state for the whole application.

    Args:
        app: The application (its top-level windows are covered).
        user_label: "Name (user name)" shown on the overlay.
        lock_store: Writes the lock audit entry and closes every connection.
        unlock_store: Verifies the password and reopens; raises on failure. Runs on a
            pool thread (Argon2id is slow), so it must not touch widgets.
        idle: The idle watcher; its timeout locks. Installed on ``app`` here, or by
            ``watch_input`` when ``watch_input_now`` is False.
        clipboard: Cleared at once when locking.
        watch_input_now: False defers watching input until ``watch_input`` (after the
            main window's first paint: an application-wide Python event filter makes
            PySide build its lazy types the first time it sees each object).
    """

    locked = Signal()
    unlocked = Signal()
    _is_locked = False  # read by eventFilter, which may run before __init__ finished

    def __init__(
        self,
        app: QApplication,
        user_label: str,
        lock_store: Callable[[], None],
        unlock_store: Callable[[str], None],
        idle: IdleWatcher | None = None,
        clipboard: SensitiveClipboard | None = None,
        watch_input_now: bool = True,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._user_label = user_label
        self._lock_store = lock_store
        self._unlock_store = unlock_store
        self._idle = idle
        self._clipboard = clipboard
        self._overlays: list[LockOverlay] = []
        self._is_locked = False
        self._checking: BackgroundTask | None = None
        self._watching_input = False
        if idle is not None:
            idle.idle_timeout.connect(self.lock)
            if watch_input_now:
                self.watch_input()
        self._session_filter = watch_session(app, self.lock)

    def watch_input(self) -> None:
        """Let key, mouse and wheel input restart the idle timer (once is enough)."""
        if self._idle is not None and not self._watching_input:
            self._watching_input = True
            self._app.installEventFilter(self._idle)

    def dispose(self) -> None:
        """Stop watching (on quit, and between tests)."""
        self._app.removeEventFilter(self)
        if self._idle is not None:
            self._idle.pause()
            self._app.removeEventFilter(self._idle)
            self._idle.idle_timeout.disconnect(self.lock)
        self._app.applicationStateChanged.disconnect(self._session_filter.state_changed)
        self.setParent(None)

    def is_locked(self) -> bool:
        return self._is_locked

    def overlays(self) -> list[LockOverlay]:
        return [overlay for overlay in self._overlays if isValid(overlay)]

    def lock(self) -> None:
        if self._is_locked:
            return
        self._is_locked = True
        if self._clipboard is not None:
            self._clipboard.clear_now()
        if self._idle is not None:
            self._idle.pause()
        # Cover first: whatever happens while the store locks, nothing stays on screen.
        windows = [w for w in self._app.topLevelWidgets() if w.isVisible() and w.isWindow()]
        # A modal dialog would block input elsewhere: it gets the password box.
        asker: QWidget | None = self._app.activeModalWidget() or self._app.activeWindow()
        if asker not in windows:
            asker = windows[0] if windows else None
        for window in windows:
            self._cover(window, with_password=window is asker)
        # Windows opening while locked (a finished print preview, a message box) too.
        self._app.installEventFilter(self)
        try:
            self._lock_store()
        except Exception as exc:  # the windows stay covered whatever failed
            log.error("locking the store failed\n%s", technical_report(exc))
        self.locked.emit()

    def _cover(self, window: QWidget, with_password: bool) -> None:
        overlay = LockOverlay(window, self._user_label, with_password=with_password)
        overlay.unlock_requested.connect(self._try_unlock)
        self._overlays.append(overlay)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._is_locked
            and event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not any(isValid(o) and o.parentWidget() is watched for o in self._overlays)
        ):
            # A modal window blocks the others' password boxes, so it asks itself.
            modal = watched.windowModality() != Qt.WindowModality.NonModal
            self._cover(watched, with_password=modal or not self._overlays)
        return False

    def _try_unlock(self, password: str) -> None:
        # Argon2id takes up to a second: the check runs on a pool thread so the
        # screen keeps painting; the answer comes back on the GUI thread.
        if self._checking is not None:
            return
        for overlay in self.overlays():
            overlay.set_busy(True)
        unlock_store = self._unlock_store
        self._checking = run_in_background(
            lambda: unlock_store(password), self._unlock_done, self._unlock_failed, parent=self
        )

    def _check_finished(self) -> None:
        if self._checking is not None:
            self._checking.deleteLater()  # drops the job holding the password
            self._checking = None
        for overlay in self.overlays():
            overlay.set_busy(False)

    def _unlock_failed(self, exc: BaseException) -> None:
        self._check_finished()
        message = getattr(exc, "user_message", None)
        if message is None:
            raise exc  # a bug: the crash hook reports it; the screen stays locked
        for overlay in self.overlays():
            if overlay.password is not None:
                overlay.show_error(message)

    def _unlock_done(self, _result: object) -> None:
        self._check_finished()
        self._app.removeEventFilter(self)
        for overlay in self._overlays:
            if isValid(overlay):  # its window may have closed while locked
                overlay.hide()
                overlay.deleteLater()
        self._overlays.clear()
        self._is_locked = False
        if self._idle is not None:
            self._idle.restart()
        self.unlocked.emit()
