"""Wiring a server login into the application session (used by desktop.app)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMainWindow

from desktop.store.server.store import LockedServer, ServerStore
from desktop.views.changes_hub import ChangesHub
from desktop.views.login.login_dialog import LoginDialog
from desktop.views.server.banner import ConnectionBar, attach_banner
from desktop.views.server.relay import ServerRelay


def login_to_server(url: str) -> ServerStore | None:
    """The login dialog against ``url``; None if the user cancels."""
    locked = LockedServer(url)
    dialog = LoginDialog(locked.unlock)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value  # type: ignore[return-value]


class ServerLink:
    """Other workstations' changes into the hub, and the banner when the link drops."""

    def __init__(self, store: ServerStore, hub: ChangesHub, window: QMainWindow) -> None:
        self.bar: ConnectionBar = attach_banner(window)
        self.relay = ServerRelay(store.conninfo, store.origin, hub)
        self.relay.connection_changed.connect(self.bar.set_connected)
        self.relay.start()

    def stop(self) -> None:
        self.relay.stop()
