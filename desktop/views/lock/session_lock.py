"""Locking when the operating system's session locks, where Qt lets us see it.

Everywhere: Qt's application state ``ApplicationSuspended``. On Windows also the
``WM_WTSSESSION_CHANGE``/``WTS_SESSION_LOCK`` message, after registering the window
with ``WTSRegisterSessionNotification`` (Qt does not report session locks itself).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, Qt
from PySide6.QtGui import QGuiApplication

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Calls ``on_lock`` when Windows reports the session locked."""

    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._on_lock()

    def register(self, hwnd: int) -> bool:
        if sys.platform != "win32":
            return False
        import ctypes

        wtsapi = ctypes.WinDLL("wtsapi32")
        return bool(wtsapi.WTSRegisterSessionNotification(ctypes.c_void_p(hwnd), 0))

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        if sys.platform == "win32" and bytes(event_type) == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0


def watch_session(app: QGuiApplication, on_lock: Callable[[], None]) -> WindowsSessionFilter:
    """Connect every signal we have for "the OS session is locked or suspended"."""
    native = WindowsSessionFilter(on_lock)
    app.applicationStateChanged.connect(native.state_changed)
    if sys.platform == "win32":
        app.installNativeEventFilter(native)
    return native
