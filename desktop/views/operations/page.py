"""Insatser: the operation list beside the selected operation's targets, teams and plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.operations import OperationsServices
from desktop.services.operations.rows import OperationInput, OperationRow
from desktop.services.permissions import Action, allowed
from desktop.store.interface import Identity
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.operations.labels import OPERATION_STATUS, word
from desktop.views.operations.models import OperationTableModel
from desktop.views.operations.operation_dialog import OperationDialog
from desktop.views.operations.plan_tab import PlanTab
from desktop.views.operations.targets_tab import TargetsTab, table
from desktop.views.operations.teams_tab import TeamsTab
from desktop.views.runner import run_query

if TYPE_CHECKING:
    from desktop.views.wiring import PageContext

RELEVANT = ("operation", "visit", "team", "staff", "person", "task")


class OperationsPage(QWidget):
    """The Insatser page.

    Args:
        services: The operation services.
        identity: Who is logged in (decides which buttons are offered).
        hub: Where this page publishes what it changed; None in isolation.
    """

    def __init__(
        self,
        services: OperationsServices,
        identity: Identity,
        hub: ChangesHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub_or_own(hub, self.apply_changes)
        self._current: OperationRow | None = None
        can_edit = allowed(identity.role, Action.OPERATION_EDIT)
        self.model = OperationTableModel(self)
        self.list = table(self.model, self.tr("Insatser"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.new_button = QPushButton(self.tr("&Ny insats…"))
        self.new_button.setToolTip(self.tr("Ny insats (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Redigera…"))
        for button in (self.new_button, self.edit_button):
            button.setVisible(can_edit)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_operation)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.targets = TargetsTab(services, self._hub)
        self.teams = TeamsTab(services, self._hub)
        self.plan = PlanTab(services, self._hub)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.targets, self.tr("&Målpersoner"))
        self.tabs.addTab(self.teams, self.tr("T&eam"))
        self.tabs.addTab(self.plan, self.tr("&Plan och utfall"))
        self.tabs.setEnabled(False)
        self._offer_by_role(identity)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.subtitle)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 980])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.new_button.clicked.connect(self.new_operation)
        self.edit_button.clicked.connect(self.edit_operation)
        self.list.selectionModel().currentRowChanged.connect(self._selected)
        self.reload()

    def _offer_by_role(self, identity: Identity) -> None:
        """Offer only the buttons the role may use; the services check again."""
        role = identity.role
        edit = allowed(role, Action.OPERATION_EDIT)
        for button in (self.targets.add_selected, self.targets.add_all, self.targets.remove):
            button.setVisible(edit)
        for button in (self.teams.new_button, self.teams.save_button, self.teams.delete_button):
            button.setVisible(edit)
        plan = allowed(role, Action.PLAN)
        for button in (
            self.plan.run_button,
            self.plan.accept_button,
            self.plan.discard_button,
        ):
            button.setVisible(plan)
        # A team lead plans the re-visits of his own round (issue 18); the service checks
        # the team.
        self.plan.revisit_button.setVisible(allowed(role, Action.VISIT_REVISIT))
        self.plan.edit_button.setVisible(allowed(role, Action.VISIT_MOVE))
        self.plan.outcome_button.setVisible(allowed(role, Action.OUTCOME_RECORD))

    # Data ----------------------------------------------------------------------

    def reload(self) -> None:
        keep = self._current.id if self._current else None
        rows = run_query(self, self.tr("Insatser"), self._services.operations.rows) or []
        self.model.set_rows(rows)
        target = next((n for n, r in enumerate(rows) if r.id == keep), 0 if rows else None)
        if target is not None:
            self.list.selectRow(target)
            self.select(rows[target])
        else:
            self.select(None)

    def select_operation(self, operation_id: int) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.id == operation_id:
                self.list.selectRow(n)
                self.select(row)

    def _selected(self) -> None:
        row = self.model.row_at(self.list.currentIndex().row())
        if row is not None and (self._current is None or row.id != self._current.id):
            self.select(row)

    def select(self, row: OperationRow | None) -> None:
        self._current = row
        self.tabs.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None)
        if row is None:
            self.title.setText(self.tr("Ingen insats vald"))
            self.subtitle.setText(self.tr("Skapa en insats med Ny insats (Ctrl+N)."))
        else:
            self.title.setText(row.name)
            self.subtitle.setText(
                f"{row.start_date:%Y-%m-%d} – {row.end_date:%Y-%m-%d} · "
                f"{word(OPERATION_STATUS, row.status)} · {row.purpose}".rstrip(" ·")
            )
        operation_id = row.id if row else None
        self.targets.set_operation(operation_id)
        self.teams.set_operation(operation_id)
        self.plan.set_operation(row)

    # Actions ---------------------------------------------------------------------

    def new_operation(self) -> None:
        created: list[int] = []

        def save(data: OperationInput) -> Changes:
            new_id, changes = self._services.operations.create(data)
            created.append(new_id)  # runs on the runner's thread: no widget here
            return changes

        if OperationDialog(save, parent=self, hub=self._hub).exec() and created:
            self.select_operation(created[0])

    def edit_operation(self) -> None:
        row = self._current
        if row is None:
            return
        dialog = OperationDialog(
            lambda data: self._services.operations.update(row.id, row.version, data),
            row,
            self,
            hub=self._hub,
        )
        dialog.exec()

    def apply_changes(self, changes: Changes) -> None:
        """Reload when operations, visits, teams or targets changed anywhere."""
        if changes.touches(*RELEVANT):
            self.reload()


def create_page(context: PageContext) -> OperationsPage:
    page = OperationsPage(context.services.operations, context.services.store.identity, context.hub)
    context.hub.changes_applied.connect(page.apply_changes)
    return page
