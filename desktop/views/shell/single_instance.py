"""One Rondplan per user: a second start brings the first window forward.

A QLockFile in the per-user runtime folder decides who is first; the first
instance listens on a QLocalServer, and a second start sends it one line and
exits. Two instances would fight over the same encrypted database and its WAL.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

_MESSAGE = b"activate\n"
_TIMEOUT_MS = 1000


def runtime_dir() -> Path:
    """Returns the per-user runtime folder for Rondplan's lock and socket."""
    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR (a bare X session, CI) platformdirs falls back to a
        # per-user folder under /tmp and warns; the fallback is fine for a lock file.
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir("Rondplan", appauthor=False))


def _server_name(name: str, folder: Path) -> str:
    if os.name == "nt":
        # A Windows pipe name is global: make it per user by the folder's hash.
        digest = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
        return f"{name}-{digest}"
    # On Unix a full path keeps the socket in the user's own folder, not /tmp.
    return str(folder / f"{name}.sock")


class SingleInstance(QObject):
    """Holds the lock while Rondplan runs; emits when a second start asks for focus."""

    activation_requested = Signal()

    def __init__(self, lock: QLockFile, server: QLocalServer) -> None:
        super().__init__()
        self._lock = lock
        self._server = server
        server.setParent(self)
        server.newConnection.connect(self._on_new_connection)

    @property
    def server_name(self) -> str:
        """The local server's full name (for diagnostics and tests)."""
        return self._server.fullServerName()

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            # The socket stays the server's child; it is read once and then
            # released with deleteLater, never deleted from Python directly.
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        socket.readyRead.disconnect(self._on_ready_read)
        socket.disconnectFromServer()
        if data.startswith(_MESSAGE.strip()):
            self.activation_requested.emit()

    def release(self) -> None:
        """Stops listening and frees the lock (on quit)."""
        self._server.close()
        self._lock.unlock()


def acquire(name: str = "rondplan", folder: Path | None = None) -> SingleInstance | None:
    """Becomes the one instance, or asks the running one to come forward.

    Args:
        name: Lock and server name; tests pass their own.
        folder: Where the lock (and, on Unix, the socket) lives; defaults to
            :func:`runtime_dir`.

    Returns:
        The held instance, or None if another instance runs (it was asked to
        activate; the caller should exit).
    """
    folder = folder or runtime_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = QLockFile(str(folder / f"{name}.lock"))
    # 0 = stale only if the holder's process is gone; the default 30 s would
    # hand the lock to a second start while the first still runs.
    lock.setStaleLockTime(0)
    server_name = _server_name(name, folder)
    if not lock.tryLock(0):
        socket = QLocalSocket()
        socket.connectToServer(server_name)
        if socket.waitForConnected(_TIMEOUT_MS):
            socket.write(_MESSAGE)
            socket.waitForBytesWritten(_TIMEOUT_MS)
            socket.disconnectFromServer()
        return None
    # We hold the lock, so a leftover socket can only be from a crashed run.
    QLocalServer.removeServer(server_name)
    server = QLocalServer()
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    # If listening fails a second start cannot bring us forward, but we still
    # hold the lock, so it will not open the database twice: carry on.
    server.listen(server_name)
    return SingleInstance(lock, server)


def bring_to_front(window: QWidget) -> None:
    """Restores, raises and activates ``window`` (connect to ``activation_requested``)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
