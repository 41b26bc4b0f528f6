"""The planner run and the review of its proposal: accept, edit, re-run, discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.operations import OperationsServices
from desktop.services.operations.rows import OperationRow, ProposalSummary
from desktop.services.planning.rows import CalendarVisit
from desktop.services.planning.rows import VisitStatus as RowStatus
from desktop.views.calendar.agenda import AgendaTableModel, AgendaView
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import phrase_text
from desktop.views.operations.actions import open_outcome
from desktop.views.operations.labels import WARNING, word
from desktop.views.operations.models import UnplacedTableModel
from desktop.views.operations.move_dialog import MoveVisitDialog
from desktop.views.operations.targets_tab import table
from desktop.views.runner import error_message, publish_done, run_change, run_query
from desktop.views.worker import BackgroundTask, run_in_background

#: What the planner's proposal changed (its summary carries no Changes of its own).
PLANNED = Changes("Föreslå besöksplan", frozenset({"visit", "operation"}))


class PlanTab(QWidget):
    """Run the planner off the GUI thread and review what it stored."""

    def __init__(self, services: OperationsServices, hub: ChangesHub) -> None:
        super().__init__()
        self._services, self._hub = services, hub
        self._operation: OperationRow | None = None
        self._task: BackgroundTask | None = None
        self._planning_for: int | None = None  # the operation the running planner plans
        self.run_button = QPushButton(self.tr("&Föreslå plan"))
        self.run_button.setShortcut("Ctrl+R")
        self.run_button.setToolTip(self.tr("Kör planeraren (Ctrl+R)"))
        self.accept_button = QPushButton(self.tr("G&odkänn förslaget"))
        self.discard_button = QPushButton(self.tr("&Kasta förslaget"))
        self.edit_button = QPushButton(self.tr("&Ändra besök…"))
        self.outcome_button = QPushButton(self.tr("Registrera &utfall…"))
        self.revisit_button = QPushButton(self.tr("Föreslå n&ytt besök"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the planner reports no steps
        self.progress.setAccessibleName(self.tr("Planeraren arbetar"))
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Resultat av planeringen"))
        self.visit_model = AgendaTableModel(self)
        self.visits = AgendaView(self.visit_model)
        self.visits.setAccessibleName(self.tr("Besök i insatsen"))
        self.visits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unplaced_model = UnplacedTableModel(self)
        self.unplaced = table(self.unplaced_model, self.tr("Kunde inte planeras"))
        self.unplaced.hide()

        bar = QHBoxLayout()
        for button in (self.run_button, self.accept_button, self.discard_button):
            bar.addWidget(button)
        bar.addWidget(self.progress)
        bar.addStretch(1)
        for button in (self.edit_button, self.outcome_button, self.revisit_button):
            bar.addWidget(button)
        splitter = QSplitter()
        splitter.addWidget(self.visits)
        splitter.addWidget(self.unplaced)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.run_button.clicked.connect(self.run_planner)
        self.accept_button.clicked.connect(self.accept_proposal)
        self.discard_button.clicked.connect(self.discard_proposal)
        self.edit_button.clicked.connect(self.edit_visit)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.revisit_button.clicked.connect(self.suggest_revisit)
        self.visits.visit_activated.connect(self._activated)
        self.visits.selectionModel().currentRowChanged.connect(self._enable)

    # Data --------------------------------------------------------------------

    def set_operation(self, operation: OperationRow | None) -> None:
        before = self._operation.id if self._operation is not None else None
        self._operation = operation
        if (operation.id if operation is not None else None) != before:
            # What was said of the last operation is not said of this one (issue 18: a
            # new, empty operation said "36 besök"; the planner's message carried over).
            self.summary.clear()
            self.unplaced_model.set_rows([])
            self.unplaced.setVisible(False)
        self.reload()

    def reload(self) -> None:
        op = self._operation
        rows = []
        if op is not None:
            rows = (
                run_query(
                    self,
                    self.tr("Plan"),
                    lambda: self._services.visits.calendar(op.start_date, op.end_date, op.id),
                )
                or []
            )
        self.visit_model.set_visits(rows)
        proposed = sum(1 for r in rows if r.status is RowStatus.PROPOSED)
        self.run_button.setText(self.tr("Kör &igen") if proposed else self.tr("&Föreslå plan"))
        self.accept_button.setEnabled(proposed > 0)
        self.discard_button.setEnabled(proposed > 0)
        self.run_button.setEnabled(op is not None and self._task is None)
        if not self.summary.text() and op is not None:
            self.summary.setText(
                self.tr("%1 besök, varav %2 förslag.")
                .replace("%1", str(len(rows)))
                .replace("%2", str(proposed))
            )
        self._enable()

    def _current(self) -> CalendarVisit | None:
        index = self.visits.currentIndex()
        return self.visit_model.visit(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        visit = self._current()
        status = visit.status if visit else None
        scheduled = status in (RowStatus.PROPOSED, RowStatus.PLANNED)
        self.edit_button.setEnabled(scheduled)
        self.outcome_button.setEnabled(visit is not None and status is not RowStatus.PROPOSED)
        self.revisit_button.setEnabled(status is RowStatus.NOT_HOME)

    # Planner -----------------------------------------------------------------

    def run_planner(self) -> None:
        op = self._operation
        if op is None or self._task is not None:
            return
        self.progress.show()
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Planeraren arbetar…"))
        planning = self._services.planning
        self._planning_for = op.id
        self._task = run_in_background(
            lambda: planning.propose(op.id), self._planned, self._failed, self
        )

    def _planned(self, result: object) -> None:
        self._task = None
        self.progress.hide()
        assert isinstance(result, ProposalSummary)
        if self._operation is None or self._operation.id != self._planning_for:
            # The user chose another operation meanwhile: its page says nothing of this.
            publish_done(self._hub, PLANNED)
            self.reload()
            return
        self.unplaced_model.set_rows(result.unplaced)
        self.unplaced.setVisible(bool(result.unplaced))
        text = self.tr("%1 besök föreslogs, %2 kunde inte planeras (%3 s).")
        text = (
            text.replace("%1", str(result.proposed))
            .replace("%2", str(len(result.unplaced)))
            .replace("%3", f"{result.seconds:.2f}")
        )
        for warning in result.warnings:
            text += f"\n⚠ {warning.team_name} {word(WARNING, warning.code)}"
        self.summary.setText(text)
        # The planner is a background job, not a runner change: its Changes go out here.
        publish_done(self._hub, PLANNED)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.run_button.setEnabled(True)
        text = error_message(error)
        if text is None:
            raise error  # a bug: the crash hook reports it
        self.summary.setText(text)

    # Review --------------------------------------------------------------------

    def accept_proposal(self) -> None:
        if self._operation is not None:
            op = self._operation.id
            result = run_change(
                self, self.tr("Godkänn"), lambda: self._services.planning.accept(op), hub=self._hub
            )
            if result is None:
                return
            # Acceptance re-checks every visit (issue 17): say what it refused and why.
            text = self.tr("%1 besök godkändes.").replace("%1", str(result.accepted))
            if result.refused:
                text += " " + self.tr("%1 besök godkändes inte:").replace(
                    "%1", str(len(result.refused))
                )
                text += "".join(f"\n✗ {phrase_text(refused)}" for refused in result.refused)
            self.summary.setText(text)

    def discard_proposal(self) -> None:
        if self._operation is not None:
            op = self._operation.id
            self._apply(self.tr("Kasta förslaget"), lambda: self._services.planning.discard(op))

    def edit_visit(self) -> None:
        visit = self._current()
        if visit is None or self._operation is None:
            return
        visits = self._services.visits
        teams = run_query(self, self.tr("Ändra"), lambda: visits.calendar_teams(visit.operation_id))
        dialog = MoveVisitDialog(visit, teams or [], visits.check_move, self)
        if dialog.exec() == MoveVisitDialog.DialogCode.Accepted:
            start, team = dialog.value()
            # The version the row was read at: a visit saved elsewhere since is a conflict.
            self._apply(
                self.tr("Ändra besök"),
                lambda: visits.move_visit(visit.visit_id, start, team, version=visit.version),
            )

    def record_outcome(self) -> None:
        visit = self._current()
        if visit is not None:
            self._activated(visit.visit_id)

    def _activated(self, visit_id: int) -> None:
        row = self.visit_model.row_of(visit_id)
        visit = self.visit_model.visit(row) if row is not None else None
        if visit is not None and visit.status is RowStatus.PROPOSED:
            self.edit_visit()
            return
        open_outcome(self, self._services, visit_id, self._hub)

    def suggest_revisit(self) -> None:
        visit = self._current()
        if visit is None:
            return
        result = run_change(
            self,
            self.tr("Nytt besök"),
            lambda: self._services.planning.suggest_revisit(visit.visit_id),
            hub=self._hub,
        )
        if result is None:
            return
        suggestion, _changes = result
        if suggestion.start is None:
            QMessageBox.information(
                self, self.tr("Nytt besök"), self.tr("Ingen ledig tid hittades i perioden.")
            )
            return
        self.summary.setText(
            self.tr("Nytt besök föreslaget %1.").replace("%1", f"{suggestion.start:%Y-%m-%d %H:%M}")
        )

    def _apply(self, title: str, action: Callable[[], Changes]) -> None:
        run_change(self, title, action, hub=self._hub)
