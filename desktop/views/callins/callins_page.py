"""Stormöten: the call-ins with their detail, and the delivery ledger's repeat list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.engagement import EngagementServices
from desktop.services.permissions import Action, allowed
from desktop.store.interface import Identity
from desktop.views.callins.detail import CallInDetailWidget
from desktop.views.callins.dialogs import CallInDialog, DeliveryDialog
from desktop.views.callins.models import CallInTableModel, RepeatTableModel
from desktop.views.callins.person_picker import PersonSource
from desktop.views.callins.printing import CallInPrinter
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.runner import run_change, run_query

RELEVANT = ("call_in", "invitation", "delivery", "person", "visit")


def _table(model: object, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CallInsPage(QWidget):
    """The call-ins list beside the chosen call-in; a tab for repeat deliveries."""

    def __init__(
        self,
        services: EngagementServices,
        identity: Identity,
        persons: PersonSource,
        printer: CallInPrinter | None = None,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        # Changes here and in the detail publish once, through the runner (no relay).
        self._hub = hub_or_own(hub, self.apply_changes)
        self._identity = identity
        self._persons = persons
        can_edit = allowed(identity.role, Action.CALLIN_EDIT)
        self.callins = CallInTableModel(self)
        self.list_view = _table(self.callins, self.tr("Stormöten"))
        self.list_view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.new_button = QPushButton(self.tr("&Nytt stormöte…"))
        self.new_button.setEnabled(can_edit)
        self.new_button.clicked.connect(self.new_callin)
        self.detail = CallInDetailWidget(services, persons, can_edit, printer, hub=self._hub)
        self.detail.saved.connect(self._reload_list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setSizes([470, 810])

        self.repeats = RepeatTableModel(self)
        self.repeat_view = _table(self.repeats, self.tr("Fått budskapet mer än en gång"))
        self.repeat_summary = QLabel()
        self.delivery_button = QPushButton(self.tr("&Registrera delgivning…"))
        self.delivery_button.setToolTip(self.tr("T.ex. vid ett möte hos frivården"))
        self.delivery_button.setEnabled(allowed(identity.role, Action.OUTCOME_RECORD))
        self.delivery_button.clicked.connect(self.record_delivery)
        ledger = QWidget()
        ledger_layout = QVBoxLayout(ledger)
        bar = QHBoxLayout()
        bar.addWidget(self.repeat_summary, 1)
        bar.addWidget(self.delivery_button)
        ledger_layout.addLayout(bar)
        ledger_layout.addWidget(self.repeat_view)

        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Stormöten"))
        self.tabs.addTab(ledger, self.tr("Delgivningar"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.reload()

    def reload(self) -> None:
        current = self.detail.call_in_id
        rows = run_query(self, self.tr("Stormöten"), self._services.callins.call_ins) or []
        self.callins.set_rows(rows)
        self.select(current if current is not None else (rows[0].id if rows else None))
        repeats = run_query(self, self.tr("Delgivningar"), self._services.ledger.repeated) or []
        self.repeats.set_rows(repeats)
        reached = run_query(self, self.tr("Delgivningar"), self._services.ledger.reached) or 0
        share = round(100 * len(repeats) / reached) if reached else 0
        self.repeat_summary.setText(
            self.tr("%1 av %2 personer som fått budskapet har fått det mer än en gång (%3 %).")
            .replace("%1", str(len(repeats)))
            .replace("%2", str(reached))
            .replace("%3", str(share))
        )

    def select(self, call_in_id: int | None) -> None:
        for n, row in enumerate(self.callins.rows()):
            if row.id == call_in_id:
                self.list_view.selectRow(n)
                if self.detail.call_in_id != call_in_id:
                    self.detail.show_call_in(call_in_id)
                return
        self.detail.show_call_in(None)

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        row = self.callins.row_at(current.row())
        if row is not None and row.id != self.detail.call_in_id:
            self.detail.show_call_in(row.id)

    def _reload_list(self) -> None:
        current = self.detail.call_in_id
        self.callins.set_rows(
            run_query(self, self.tr("Stormöten"), self._services.callins.call_ins) or []
        )
        for n, row in enumerate(self.callins.rows()):
            if row.id == current:
                self.list_view.blockSignals(True)
                self.list_view.selectRow(n)
                self.list_view.blockSignals(False)

    def new_callin(self) -> None:
        dialog = CallInDialog(None, self)
        if not dialog.exec():
            return
        data = dialog.value()
        result = run_change(
            self,
            self.tr("Nytt stormöte"),
            lambda: self._services.callins.create(data),
            hub=self._hub,
        )
        if result is not None:
            new_id, _changes = result
            self.reload()
            self.select(new_id)

    def record_delivery(self) -> None:
        dialog = DeliveryDialog(self._persons, self._identity.agency_name, self)
        if not dialog.exec():
            return
        data = dialog.value()
        if data is None:
            return
        if (
            run_change(
                self,
                self.tr("Registrera delgivning"),
                lambda: self._services.ledger.record_manual(data),
                hub=self._hub,
            )
            is not None
        ):
            self.reload()

    def apply_changes(self, changes: Changes) -> None:
        """Reload when call-ins, invitations or deliveries changed elsewhere."""
        if changes.touches(*RELEVANT):
            self.reload()
            self.detail.reload()
