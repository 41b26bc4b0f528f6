"""Dialog flows shared by the Insatser and Kalender pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.errors import ConflictError
from desktop.services.operations import OperationsServices
from desktop.services.operations.outcome_correction import Correction, OutcomeBefore
from desktop.services.operations.rows import OutcomeInput
from desktop.views.changes_hub import ChangesHub
from desktop.views.operations.outcome_dialog import OutcomeDialog
from desktop.views.runner import Refused, error_message, publish_done, run_change, run_query


def open_outcome(
    parent: QWidget,
    services: OperationsServices,
    visit_id: int,
    hub: ChangesHub | None,
    on_recorded: Callable[[int, OutcomeInput], None] | None = None,
    on_corrected: Callable[[int, OutcomeInput, OutcomeBefore], None] | None = None,
) -> OutcomeDialog | None:
    """Show the outcome dialog for a visit; what it saves is published to ``hub`` once, by
    the runner (or, after a conflict, the version the user picked). Returns the dialog.

    ``on_recorded`` is told of a first outcome saved as the user entered it (not a
    merge after a conflict), so the page can offer its undo; ``on_corrected`` of a
    correction of a recorded outcome, with the outcome it replaced (issue 17).
    """
    title = parent.tr("Utfall")
    detail = run_query(parent, title, lambda: services.outcomes.detail(visit_id))
    if detail is None:
        return None
    # The service the outcome accepted is offered even if it was closed since.
    chosen = detail.support_service_id
    support = run_query(parent, title, lambda: services.outcomes.support_services(chosen)) or []
    owners = run_query(parent, title, services.outcomes.owners) or []

    def save(vid: int, version: int, data: OutcomeInput, refused: Refused) -> bool:
        conflicts: list[BaseException] = []

        def refused_here(text: str, error: BaseException) -> None:
            if isinstance(error, ConflictError):
                conflicts.append(error)  # resolved below, with both versions shown
            else:
                refused(text, error)

        correcting = on_corrected is not None and detail.outcome_recorded_at is not None
        recorded = run_change(
            parent,
            title,
            (lambda: services.corrections.correct(vid, version, data))
            if correcting
            else (lambda: services.outcomes.record(vid, version, data)),
            hub=hub,
            refused=refused_here,
        )
        if recorded is not None:
            if isinstance(recorded, Correction) and on_corrected is not None:
                on_corrected(vid, data, recorded.before)
            elif on_recorded is not None and detail.outcome_recorded_at is None:
                on_recorded(vid, data)
            return True
        if not conflicts:
            return False
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
            refused(error_message(conflicts[0]) or "", conflicts[0])
            return False  # cancelled: the outcome dialog stays open with the user's input
        publish_done(hub, changes)  # the version the user picked, saved
        return True

    dialog = OutcomeDialog(detail, support, owners, save, parent)
    dialog.setModal(True)
    dialog.open()
    dialog.finished.connect(lambda result: dialog.deleteLater())
    return dialog
