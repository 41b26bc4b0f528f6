"""The register tab of the Händelser page: filters, the list, one incident beside it,
and the actions the user's role has (issue 20)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.incidents import IncidentServices
from desktop.services.incidents.rows import IncidentRow
from desktop.services.mapping import MappingServices
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub
from desktop.views.incidents.detail import IncidentDetailPanel
from desktop.views.incidents.filters import IncidentFilterBar
from desktop.views.incidents.models import IncidentTableModel
from desktop.views.runner import run_query

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.services.incidents.rows import IncidentDetail, RevisionRow
    from desktop.views.incidents.incident_dialog import IncidentDialog


class IncidentRegisterPage(QWidget):
    """Signals:
    response_requested(int): "Planera respons…" for the chosen incident.
    import_requested(): "Importera…".
    """

    response_requested = Signal(int)
    import_requested = Signal()

    def __init__(
        self,
        incidents: IncidentServices,
        mapping: MappingServices,
        hub: ChangesHub,
        *,
        today: dt.date | None = None,
        now: Callable[[], dt.datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._mapping = mapping
        self._hub = hub  # the incident dialog's saves are published there, once
        self._now = now or dt.datetime.now
        identity = incidents.register.store.identity
        self._identity = identity
        role = identity.role
        self.filters = IncidentFilterBar(today or dt.date.today())
        self.filters.changed.connect(self.reload)
        self.model = IncidentTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Händelser"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _i: self.correct_current())
        self.detail = IncidentDetailPanel()
        self.count = QLabel()
        self.count.setObjectName("statusNote")

        self.new_button = QPushButton(self.tr("&Ny händelse…"))
        self.new_button.setToolTip(self.tr("Registrera en ny händelse (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_incident)
        self.correct_button = QPushButton(self.tr("&Rätta…"))
        self.correct_button.clicked.connect(self.correct_current)
        self.respond_button = QPushButton(self.tr("Planera res&pons…"))
        self.respond_button.clicked.connect(self._respond)
        self.import_button = QPushButton(self.tr("&Importera lista…"))
        self.import_button.clicked.connect(self.import_requested)
        may_edit = allowed(role, Action.INCIDENT_EDIT)
        self.new_button.setVisible(may_edit)
        self.correct_button.setVisible(may_edit)
        self.import_button.setVisible(may_edit)
        self.respond_button.setVisible(allowed(role, Action.INCIDENT_RESPOND))
        self.new_shortcut = QShortcut(QKeySequence.StandardKey.New, self, self._new_if_allowed)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.correct_button,
            self.respond_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        # The list the full width (nine columns), the chosen incident under it.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self._choices_loaded = False
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------
    def _groups(self) -> list[tuple[int, str]]:
        rows = run_query(self, self.tr("Händelser"), self._mapping.groups.list) or []
        return [(g.id, g.name) for g in rows]

    def _load_choices(self, rows: list[IncidentRow]) -> None:
        groups = self._groups()
        self._group_choices = groups
        districts = sorted({r.district for r in rows if r.district})
        self._districts = districts
        self.filters.set_choices(districts, groups)
        self._choices_loaded = True

    def reload(self, keep: int | None = None) -> None:
        """Lists the incidents the filters choose; ``keep`` (an id) stays chosen."""
        current = keep if keep is not None else self.current_id()
        if not self._choices_loaded:
            every = run_query(self, self.tr("Händelser"), self._incidents.register.rows) or []
            self._load_choices(every)
        rows = run_query(
            self,
            self.tr("Händelser"),
            lambda: self._incidents.register.rows(self.filters.value()),
        )
        self.model.set_rows(rows or [])
        self.count.setText(self.tr("%n händelser", "", self.model.rowCount()))
        self.select(current)
        if self.current_id() is None:
            self.detail.show_incident(None)
        self._update_buttons()

    def select(self, incident_id: int | None) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.id == incident_id:
                self.table.selectRow(n)
                self.table.setCurrentIndex(self.model.index(n, 0))
                return

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row is not None else None

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        incident_id = self.current_id()
        if incident_id is None:
            self.detail.show_incident(None)
            self._update_buttons()
            return
        register, responses = self._incidents.register, self._incidents.responses
        found = run_query(
            self,
            self.tr("Händelser"),
            lambda: (
                register.get(incident_id),
                responses.responses(incident_id),
                register.revisions(incident_id),
            ),
        )
        if found is not None:
            self.detail.show_incident(*found)
        self._update_buttons()

    def _update_buttons(self) -> None:
        detail = self.detail.detail
        self.correct_button.setEnabled(detail is not None and detail.own_agency)
        self.correct_button.setToolTip(
            ""
            if detail is None or detail.own_agency
            else self.tr("Bara den myndighet som registrerade händelsen kan rätta den.")
        )
        # A response goes to the groups involved: without one there is nobody to visit.
        self.respond_button.setEnabled(detail is not None and bool(detail.groups))
        self.respond_button.setToolTip(
            self.tr("Ingen gruppering är kopplad till händelsen: koppla en först (Rätta…).")
            if detail is not None and not detail.groups
            else ""
        )

    # -- actions ---------------------------------------------------------------------
    def _new_if_allowed(self) -> None:
        if self.new_button.isVisible():
            self.new_incident()

    def _dialog(
        self, detail: IncidentDetail | None = None, revisions: Sequence[RevisionRow] = ()
    ) -> IncidentDialog:
        from desktop.views.incidents.incident_dialog import IncidentDialog

        if not self._choices_loaded:
            self.reload()
        return IncidentDialog(
            self._incidents.register,
            self._mapping.persons,
            self._group_choices,
            self._districts,
            agency_name=self._identity.agency_name,
            detail=detail,
            revisions=revisions,
            hub=self._hub,
            now=self._now(),
            parent=self,
        )

    def new_incident(self) -> None:
        dialog = self._dialog()
        self.last_dialog = dialog
        if dialog.exec():
            self.reload(keep=dialog.incident_id)
            self.table.setFocus()

    def correct_current(self) -> None:
        detail = self.detail.detail
        if detail is None or not detail.own_agency or not self.correct_button.isVisible():
            return
        revisions = run_query(
            self, self.tr("Händelser"), lambda: self._incidents.register.revisions(detail.id)
        )
        dialog = self._dialog(detail, revisions or ())
        self.last_dialog = dialog
        if dialog.exec():
            self.reload(keep=detail.id)

    def _respond(self) -> None:
        incident_id = self.current_id()
        if incident_id is not None:
            self.response_requested.emit(incident_id)

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("incident", "incident_response", "visit", "group"):
            if changes.touches("group"):
                self._choices_loaded = False
            self.reload()
