"""One notification that pages listen to: ``changes_applied(Changes)``.

A page that made a change calls ``hub.publish(changes)``; every page decides for
itself whether to reload. There are no page-to-page signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.services.changes import Changes


class ChangesHub(QObject):
    changes_applied = Signal(object)

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changes_applied.emit(changes)
