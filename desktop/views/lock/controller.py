"""The lock: close the store, cover every window, ask for the password, unlock.

The composition root supplies what locking and unlocking mean for the store:
``lock_store()`` (audit "lock", then ``Store.lock()``) and ``unlock_store(password)``
(raises a StoreError such as WrongPassword or AccountLocked on failure).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from desktop.store.errors import WrongPassword
from desktop.views.errors_text import known_error_text
from desktop.views.lock.clipboard import SensitiveClipboard, clear_own_clipboard
from desktop.views.lock.idle import IdleWatcher
from desktop.views.lock.overlay import LockScreen, screens
from desktop.views.lock.session_lock import watch_session
from desktop.views.shell.crash import technical_report
from desktop.views.worker import BackgroundTask, run_in_background

log = logging.getLogger(__name__)

# Input that never reaches the locked application (only the lock screen gets it).
_BLOCKED = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.DragEnter,
        QEvent.Type.Drop,
        QEvent.Type.InputMethod,
    }
)


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
        self._overlays: list[LockScreen] = []
        self._hidden: list[tuple[QWidget, bool]] = []
        self._focus: QWidget | None = None
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
        """Stop watching (on quit, and between tests); lock screens still up are closed
        here, on the GUI thread, not whenever the garbage collector meets them."""
        self._app.removeEventFilter(self)
        for cover in self._overlays:
            if isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._overlays.clear()
        if self._idle is not None and isValid(self._idle):  # gone with its window
            self._idle.pause()
            self._app.removeEventFilter(self._idle)
            self._idle.idle_timeout.disconnect(self.lock)
        self._app.applicationStateChanged.disconnect(self._session_filter.state_changed)
        self.setParent(None)

    def is_locked(self) -> bool:
        return self._is_locked

    def overlays(self) -> list[LockScreen]:
        """The lock screens shown now (one per screen; the first asks the password)."""
        return [screen for screen in self._overlays if isValid(screen)]

    def lock(self) -> None:
        """Hide every window behind an opaque lock screen, block all input, lock the store.

        The main window and other non-modal windows are hidden (no content for a
        taskbar preview either) and disabled; a modal dialog stays open, so nothing
        typed in it is lost, but is covered and blocked: the lock screen is the newest
        application-modal window. Until unlock, an application-wide event filter drops
        every key, shortcut, mouse and wheel event not meant for the lock screen.
        """
        if self._is_locked:
            return
        self._is_locked = True
        if self._clipboard is not None:
            self._clipboard.clear_now()
        clear_own_clipboard()
        if self._idle is not None:
            self._idle.pause()
        # Input first, then the cover: nothing typed from now on reaches a page.
        self._app.installEventFilter(self)
        self._focus = self._app.focusWidget()
        while (popup := self._app.activePopupWidget()) is not None:
            popup.close()  # an open menu or combo box list
        for index, screen in enumerate(screens()):
            cover = LockScreen(screen, self._user_label, with_password=index == 0)
            cover.unlock_requested.connect(self._try_unlock)
            self._overlays.append(cover)
            cover.cover()
        for window in self._app.topLevelWidgets():
            self._hide_window(window)
        try:
            self._lock_store()
        except Exception as exc:  # the windows stay covered whatever failed
            log.error("locking the store failed\n%s", technical_report(exc))
        self.locked.emit()

    def _is_cover(self, widget: QWidget) -> bool:
        # Any lock screen, also another controller's: two locked controllers would
        # otherwise put their screens back on top of each other without end.
        return isinstance(widget, LockScreen)

    def _hide_window(self, window: QWidget) -> None:
        if not window.isWindow() or not window.isVisible() or self._is_cover(window):
            return
        if any(window is hidden for hidden, _ in self._hidden):
            return
        modal = window.windowModality() != Qt.WindowModality.NonModal
        self._hidden.append((window, modal))
        window.setEnabled(False)
        if not modal:
            # Hiding a modal dialog would end its exec() and lose what was typed.
            window.hide()

    def _allowed(self, watched: QObject) -> bool:
        """True for objects of the lock screens (their widgets and native windows)."""
        if isinstance(watched, QWidget):
            return self._is_cover(watched.window())
        if isinstance(watched, QWindow):
            return any(
                isValid(cover) and cover.windowHandle() is watched for cover in self._overlays
            )
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._is_locked:
            return False
        kind = event.type()
        if kind in _BLOCKED and not self._allowed(watched):
            return True  # no shortcut, menu, key or click reaches the locked application
        if (
            kind == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not self._is_cover(watched)
        ):
            # A window opening while locked (a message box, a finished print preview):
            # hidden or covered like the others, and the lock screen back on top.
            QTimer.singleShot(0, self._recover)
        return False

    def _recover(self) -> None:
        if not self._is_locked:
            return
        for window in self._app.topLevelWidgets():
            self._hide_window(window)
        for cover in self.overlays():
            cover.cover()

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
        message = known_error_text(exc)
        if message is None:
            raise exc  # a bug: the crash hook reports it; the screen stays locked
        if isinstance(exc, WrongPassword):
            # The lock screen asks only for a password (issue 18: it said "wrong user
            # name or password").
            message = self.tr("Fel lösenord. Försök igen.")
        for overlay in self.overlays():
            if overlay.password is not None:
                overlay.show_error(message)

    def _unlock_done(self, _result: object) -> None:
        self._check_finished()
        self._app.removeEventFilter(self)
        self._is_locked = False
        for window, modal in self._hidden:
            if isValid(window):  # it may have closed while locked
                window.setEnabled(True)
                if not modal:
                    window.show()
        self._hidden.clear()
        for cover in self._overlays:
            if isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._overlays.clear()
        focus, self._focus = self._focus, None
        if focus is not None and isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus()
        if self._idle is not None:
            self._idle.restart()
        self.unlocked.emit()
