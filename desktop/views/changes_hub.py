"""One notification that pages listen to: ``changes_applied(Changes)``.

The runner (``desktop.views.runner.run_change``) publishes what a change changed;
every page decides for itself whether to reload. There are no page-to-page signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.services.changes import Changes


class ChangesHub(QObject):
    changes_applied = Signal(object)

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changes_applied.emit(changes)


def hub_or_own(hub: ChangesHub | None, apply: Callable[[Changes], None]) -> ChangesHub:
    """The application's hub; for a page shown alone (a test), a hub of its own.

    Either way the page publishes through the runner only; on its own hub the page
    hears its own changes, as it would on the application's.
    """
    if hub is not None:
        return hub
    own = ChangesHub()
    own.changes_applied.connect(apply)
    return own
