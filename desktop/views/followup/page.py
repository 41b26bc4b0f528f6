"""Uppföljning: open follow-up tasks per user and per team, overdue first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.operations.followup import FollowUpService
from desktop.services.operations.rows import TaskScope
from desktop.services.permissions import Action, allowed
from desktop.store.interface import Identity
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.followup.models import TaskTableModel
from desktop.views.operations.targets_tab import table
from desktop.views.runner import run_change, run_query

if TYPE_CHECKING:
    from desktop.views.wiring import PageContext


class FollowUpPage(QWidget):
    """The Uppföljning page.

    Args:
        followup: The follow-up service.
        identity: Who is logged in.
        hub: Where changes are published; None in isolation.
        today: The reference date (tests pass one).
    """

    def __init__(
        self,
        followup: FollowUpService,
        identity: Identity,
        hub: ChangesHub | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = followup
        self._hub = hub_or_own(hub, self.apply_changes)
        self._today = today
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Vems uppgifter"))
        self.scope.addItem(self.tr("Mina uppgifter"), TaskScope.MINE)
        self.scope.addItem(self.tr("Mina team"), TaskScope.TEAM)
        self.scope.addItem(self.tr("Alla"), TaskScope.ALL)
        self.team = QComboBox()
        self.team.setAccessibleName(self.tr("Team"))
        self.include_done = QCheckBox(self.tr("Visa &klara"))
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("Antal uppgifter"))
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.done_button = QPushButton(self.tr("&Markera klar"))
        self.done_button.setToolTip(self.tr("Markera klar (Ctrl+D)"))
        self.done_button.setVisible(allowed(identity.role, Action.TASK_EDIT))
        QShortcut(QKeySequence("Ctrl+D"), self, self.mark_done)
        self.model = TaskTableModel(self, today)
        self.view = table(self.model, self.tr("Uppföljningar"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Vi&sa")))
        bar.itemAt(0).widget().setBuddy(self.scope)  # type: ignore[union-attr]
        bar.addWidget(self.scope)
        bar.addWidget(self.team)
        bar.addWidget(self.include_done)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        self.scope.setCurrentIndex(2 if allowed(identity.role, Action.OPERATION_EDIT) else 0)
        self.scope.currentIndexChanged.connect(self.reload)
        self.team.currentIndexChanged.connect(self.reload)
        self.include_done.toggled.connect(self.reload)
        self._fill_teams()
        self.reload()

    def _fill_teams(self) -> None:
        teams = run_query(self, self.tr("Uppföljning"), self._service.team_choices) or []
        blocked = self.team.blockSignals(True)
        current = self.team.currentData()
        self.team.clear()
        self.team.addItem(self.tr("Alla team"), None)
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        self.team.setCurrentIndex(max(0, self.team.findData(current)))
        self.team.blockSignals(blocked)

    def reload(self) -> None:
        scope = TaskScope(self.scope.currentData())
        team = self.team.currentData()
        today = self._today or dt.date.today()
        rows = run_query(
            self,
            self.tr("Uppföljning"),
            lambda: self._service.tasks(
                scope, team_id=team, include_done=self.include_done.isChecked()
            ),
        )
        counts = run_query(self, self.tr("Uppföljning"), lambda: self._service.counts(scope, today))
        if rows is None or counts is None:
            return
        self.model.today = today
        self.model.set_rows(rows)
        self.counts.setText(
            self.tr("%1 öppna · %2 försenade · %3 ska vara klara denna vecka")
            .replace("%1", str(counts.open))
            .replace("%2", str(counts.overdue))
            .replace("%3", str(counts.due_this_week))
        )

    def mark_done(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        if row is None or not self.done_button.isVisible():
            return
        run_change(
            self,
            self.tr("Markera klar"),
            lambda: self._service.mark_done(row.id, row.version),
            hub=self._hub,
        )

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("task", "team"):
            self._fill_teams()
            self.reload()


def create_page(context: PageContext) -> FollowUpPage:
    page = FollowUpPage(
        context.services.operations.followup, context.services.store.identity, context.hub
    )
    context.hub.changes_applied.connect(page.apply_changes)
    return page
