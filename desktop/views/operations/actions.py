"""Dialog flows shared by the Insatser and Kalender pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.changes import Changes
from desktop.services.errors import ConflictError
from desktop.services.operations import OperationsServices
from desktop.services.operations.rows import OutcomeInput
from desktop.views.operations.errors import attempt
from desktop.views.operations.outcome_dialog import OutcomeDialog


def open_outcome(
    parent: QWidget,
    services: OperationsServices,
    visit_id: int,
    publish: Callable[[Changes], None],
    on_recorded: Callable[[int, OutcomeInput], None] | None = None,
) -> OutcomeDialog | None:
    """Show the outcome dialog for a visit; what it saves is published. Returns the dialog.

    ``on_recorded`` is told of a first outcome saved as the user entered it (not a
    correction, not a merge after a conflict), so the page can offer its undo.
    """
    title = parent.tr("Utfall")
    detail = attempt(parent, title, lambda: services.outcomes.detail(visit_id))
    if detail is None:
        return None
    support = attempt(parent, title, services.outcomes.support_services) or []
    owners = attempt(parent, title, services.outcomes.owners) or []

    def save(vid: int, version: int, data: OutcomeInput) -> None:
        try:
            publish(services.outcomes.record(vid, version, data))
            if on_recorded is not None and detail.outcome_recorded_at is None:
                on_recorded(vid, data)
        except ConflictError:
            # Someone recorded first: show both versions, save what the user picks.
            from desktop.views.server.conflict_dialog import OUTCOME_LABELS, resolve_conflict

            changes = resolve_conflict(
                parent,
                services.outcomes.store,
                "visit",
                vid,
                data,
                lambda merged, fresh: services.outcomes.record(vid, fresh, merged),
                OUTCOME_LABELS,
            )
            if changes is None:
                raise  # cancelled: the outcome dialog stays open with the user's input
            publish(changes)

    dialog = OutcomeDialog(detail, support, owners, save, parent)
    dialog.setModal(True)
    dialog.open()
    dialog.finished.connect(lambda result: dialog.deleteLater())
    return dialog
