"""Carries the listener thread's news to the GUI thread as Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.services.changes import Changes, from_elsewhere
from desktop.store.server.notify import ChangeListener, RemoteChange
from desktop.views.changes_hub import ChangesHub


class ServerRelay(QObject):
    """Queued signals: emitted on the listener thread, delivered on the GUI thread.

    ``changed`` feeds the ChangesHub, so pages reload as after a local change;
    ``connection_changed(bool)`` drives the banner.
    """

    changed = Signal(object)
    connection_changed = Signal(bool)

    def __init__(self, conninfo: str, origin: str, hub: ChangesHub | None = None) -> None:
        super().__init__()
        self.listener = ChangeListener(conninfo, self._heard, origin, self.connection_changed.emit)
        if hub is not None:
            self.changed.connect(self._publish(hub))

    def _heard(self, change: RemoteChange) -> None:
        """On the listener's thread: the services' value, queued to the GUI thread."""
        self.changed.emit(from_elsewhere(change.kinds, change.ids))

    @staticmethod
    def _publish(hub: ChangesHub):  # type: ignore[no-untyped-def]
        def publish(changes: Changes) -> None:
            hub.publish(changes)

        return publish

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()
