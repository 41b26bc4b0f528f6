"""Stöd: the support catalogue and the referrals with a status filter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ReferralStatus
from desktop.services.changes import Changes
from desktop.services.engagement import EngagementServices
from desktop.services.engagement.referrals import CLOSED, ORDER
from desktop.services.permissions import Action, allowed
from desktop.store.interface import Identity
from desktop.views.callins.labels import label
from desktop.views.callins.person_picker import PersonSource
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.runner import run_change, run_query
from desktop.views.support.dialogs import NewReferralDialog, ReferralDialog, ServiceDialog
from desktop.views.support.models import ReferralTableModel, ServiceTableModel

RELEVANT = ("support_service", "referral", "person")
OPEN = frozenset(set(ReferralStatus) - CLOSED)


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


class SupportPage(QWidget):
    """Two tabs: the catalogue (Stödkatalog) and the referrals (Remisser)."""

    def __init__(
        self,
        services: EngagementServices,
        identity: Identity,
        persons: PersonSource,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        # Changes here and in the referral dialog publish once, through the runner.
        self._hub = hub_or_own(hub, self.apply_changes)
        self._persons = persons
        self._can_refer = allowed(identity.role, Action.REFERRAL_EDIT)
        can_edit = allowed(identity.role, Action.SUPPORT_EDIT)

        self.services_model = ServiceTableModel(self)
        self.service_view = _table(self.services_model, self.tr("Stödkatalog"))
        self.service_view.doubleClicked.connect(lambda _i: self.edit_service())
        self.new_service = QPushButton(self.tr("&Ny stödinsats…"))
        self.edit_service_button = QPushButton(self.tr("&Redigera…"))
        for button in (self.new_service, self.edit_service_button):
            button.setEnabled(can_edit)
        self.new_service.clicked.connect(self.create_service)
        self.edit_service_button.clicked.connect(self.edit_service)
        catalogue = QWidget()
        c_layout = QVBoxLayout(catalogue)
        c_bar = QHBoxLayout()
        c_bar.addWidget(QLabel(self.tr("Stöd som kan erbjudas vid hembesök och stormöten.")), 1)
        c_bar.addWidget(self.new_service)
        c_bar.addWidget(self.edit_service_button)
        c_layout.addLayout(c_bar)
        c_layout.addWidget(self.service_view)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Statusfilter"))
        self.status_filter.addItem(self.tr("Pågående"), OPEN)
        self.status_filter.addItem(self.tr("Alla"), None)
        for status in ORDER:
            self.status_filter.addItem(label(status), frozenset({status}))
        self.status_filter.currentIndexChanged.connect(lambda _n: self.reload_referrals())
        self.referrals = ReferralTableModel(self)
        self.referral_view = _table(self.referrals, self.tr("Remisser"))
        self.referral_view.doubleClicked.connect(lambda _i: self.open_referral())
        self.count = QLabel()
        self.new_referral = QPushButton(self.tr("Ny &remiss…"))
        self.new_referral.setEnabled(self._can_refer)
        self.new_referral.clicked.connect(self.create_referral)
        self.open_button = QPushButton(self.tr("&Öppna…"))
        self.open_button.clicked.connect(self.open_referral)
        referrals = QWidget()
        r_layout = QVBoxLayout(referrals)
        r_bar = QHBoxLayout()
        r_bar.addWidget(QLabel(self.tr("Vi&sa:")))
        r_bar.itemAt(0).widget().setBuddy(self.status_filter)  # type: ignore[union-attr]
        r_bar.addWidget(self.status_filter)
        r_bar.addWidget(self.count, 1)
        r_bar.addWidget(self.new_referral)
        r_bar.addWidget(self.open_button)
        r_layout.addLayout(r_bar)
        r_layout.addWidget(self.referral_view)

        self.tabs = QTabWidget()
        self.tabs.addTab(catalogue, self.tr("Stödkatalog"))
        self.tabs.addTab(referrals, self.tr("Remisser"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.reload()

    # --- loading -----------------------------------------------------------------

    def reload(self) -> None:
        rows = run_query(self, self.tr("Stödkatalog"), self._services.support.services) or []
        self.services_model.set_rows(rows)
        self.reload_referrals()

    def reload_referrals(self) -> None:
        statuses = self.status_filter.currentData()
        rows = run_query(
            self, self.tr("Remisser"), lambda: self._services.referrals.referrals(statuses)
        )
        self.referrals.set_rows(rows or [])
        self.count.setText(self.tr("%n remisser", "", len(rows or [])))

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches(*RELEVANT):
            self.reload()

    def _change(self, title: str, work: Callable[[], object]) -> None:
        """Runs a change through the runner; what it changed goes out once, then reload."""
        if run_change(self, title, work, hub=self._hub) is not None:
            self.reload()

    # --- catalogue ---------------------------------------------------------------

    def create_service(self) -> None:
        agencies = run_query(self, self.tr("Stödinsats"), self._services.support.agencies) or []
        dialog = ServiceDialog(agencies, None, self)
        if dialog.exec():
            data = dialog.value()
            self._change(self.tr("Stödinsats"), lambda: self._services.support.create(data))

    def edit_service(self) -> None:
        row = self.services_model.row_at(self.service_view.currentIndex().row())
        if row is None or not self.edit_service_button.isEnabled():
            return
        agencies = run_query(self, self.tr("Stödinsats"), self._services.support.agencies) or []
        dialog = ServiceDialog(agencies, row, self)
        if dialog.exec():
            data = dialog.value()
            self._change(
                self.tr("Stödinsats"),
                lambda: self._services.support.update(row.id, row.version, data),
            )

    # --- referrals ---------------------------------------------------------------

    def create_referral(self) -> None:
        agencies = run_query(self, self.tr("Remiss"), self._services.support.agencies) or []
        dialog = NewReferralDialog(self._persons, list(self.services_model.rows()), agencies, self)
        if not dialog.exec():
            return
        data = dialog.value()
        if data is None:
            return
        self._change(self.tr("Remiss"), lambda: self._services.referrals.create(data))

    def open_referral(self) -> None:
        row = self.referrals.row_at(self.referral_view.currentIndex().row())
        if row is None:
            return
        ReferralDialog(
            self._services.referrals, row.id, self._can_refer, self, hub=self._hub
        ).exec()
        self.reload()
