"""Wiring a server login into the application session (used by desktop.app)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog, QMainWindow

from desktop.store.open import open_store
from desktop.store.server.store import ServerStore
from desktop.views.changes_hub import ChangesHub
from desktop.views.login.login_dialog import LoginDialog
from desktop.views.server.banner import ConnectionBar, attach_banner
from desktop.views.server.relay import ServerRelay


class LockSignals(Protocol):
    """What ServerLink needs of the lock controller."""

    locked: SignalInstance
    unlocked: SignalInstance


def login_to_server(url: str) -> ServerStore | None:
    """The login dialog against ``url``; None if the user cancels."""
    locked = open_store(url, server=True)
    dialog = LoginDialog(locked.unlock)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value  # type: ignore[return-value]


class ServerLink:
    """Other workstations' changes into the hub, and the banner when the link drops.

    The listener runs as the user's role, so it needs the login secret that the store
    forgets when the application locks: it stops on ``locked`` and a new one starts
    on ``unlocked`` (changes made meanwhile arrive as the pages reload on unlock).
    """

    def __init__(
        self,
        store: ServerStore,
        hub: ChangesHub,
        window: QMainWindow,
        lock: LockSignals | None = None,
    ) -> None:
        self._store = store
        self._hub = hub
        self.bar: ConnectionBar = attach_banner(window)
        self.relay: ServerRelay | None = None
        self.resume()
        if lock is not None:
            lock.locked.connect(self.stop)
            lock.unlocked.connect(self.resume)

    def resume(self) -> None:
        """Start listening (again) as the unlocked store's role."""
        if self.relay is not None or self._store.locked:
            return
        self.relay = ServerRelay(self._store.conninfo, self._store.origin, self._hub)
        self.relay.connection_changed.connect(self.bar.set_connected)
        self.relay.start()

    def stop(self) -> None:
        """Stop listening and drop the listener (and its copy of the login secret)."""
        relay, self.relay = self.relay, None
        if relay is not None:
            relay.stop()
            relay.deleteLater()
