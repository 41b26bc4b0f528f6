"""The Händelser page (issue 20): the register and the week-by-district overview; the
response dialog and the import open from the register. Entry point: ``create_page``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from desktop.models import ResponseStatus
from desktop.services.changes import Changes
from desktop.services.incidents import IncidentServices
from desktop.services.mapping import MappingServices
from desktop.services.operations import OperationsServices
from desktop.services.operations.rows import OperationRow
from desktop.services.planning.rows import CalendarTeam
from desktop.views.changes_hub import ChangesHub
from desktop.views.incidents.labels import kind_label
from desktop.views.incidents.register_page import IncidentRegisterPage
from desktop.views.incidents.week_overview import WeekOverviewPage
from desktop.views.runner import run_query
from desktop.views.widgets.lazy_page import LazyPage


class IncidentsWorkspace(QWidget):
    """Signals: none of its own; its dialogs' changes are published to ``hub`` once, by
    the runner."""

    def __init__(
        self,
        incidents: IncidentServices,
        mapping: MappingServices,
        operations: OperationsServices,
        hub: ChangesHub,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._operations = operations
        self._hub = hub
        self._today = today
        self.register = IncidentRegisterPage(incidents, mapping, hub, today=today)
        self.register.response_requested.connect(self.plan_response)
        self.register.import_requested.connect(self.import_list)
        self.weeks_tab = LazyPage(self._build_weeks)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, self.tr("&Händelser"))
        self.tabs.addTab(self.weeks_tab, self.tr("Vecka och &område"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _build_weeks(self) -> WeekOverviewPage:
        page = WeekOverviewPage(self._incidents.register.week_overview, today=self._today)
        page.reload()
        return page

    @property
    def weeks(self) -> WeekOverviewPage:
        return self.weeks_tab.content()

    def plan_response(self, incident_id: int) -> None:
        from desktop.views.incidents.response_dialog import ResponseDialog

        detail = self.register.detail.detail
        if detail is None or detail.id != incident_id:
            return
        responses = self._incidents.responses
        operations = self._operations
        found = run_query(
            self,
            self.tr("Planera respons"),
            lambda: (
                operations.visits.calendar_teams(),
                operations.operations.rows(),
                [
                    r
                    for r in responses.responses(incident_id)
                    if r.status is ResponseStatus.PROPOSED
                ],
            ),
        )
        if found is None:
            return
        all_teams, rows, waiting = found
        proposal = (
            run_query(self, self.tr("Planera respons"), lambda: responses.proposal(waiting[0].id))
            if waiting
            else None
        )
        teams, chosen = team_choices(all_teams, rows, self._today or dt.date.today())
        dialog = ResponseDialog(
            responses,
            incident_id,
            detail.reference,
            f"{kind_label(detail.kind)} {detail.reference}",
            teams,
            chosen_teams=chosen,
            waiting=proposal,
            hub=self._hub,
            today=self._today,
            parent=self,
        )
        self.last_dialog: QDialog = dialog
        dialog.exec()

    def import_list(self) -> None:
        from desktop.views.incidents.import_dialog import IncidentImportDialog

        dialog = IncidentImportDialog(self._incidents.importer, self._hub, parent=self)
        self.last_dialog = dialog
        dialog.exec()

    def apply_changes(self, changes: Changes) -> None:
        self.register.apply_changes(changes)
        weeks = self.weeks_tab.built()
        if weeks is not None:
            weeks.apply_changes(changes)


def team_choices(
    teams: Sequence[CalendarTeam], operations: Sequence[OperationRow], today: dt.date
) -> tuple[list[CalendarTeam], list[int]]:
    """The teams a round may borrow (those of operations not yet over) and the ones
    chosen at first: the teams of the operation under way today with the most teams."""
    open_ops = {o.id: o for o in operations if o.end_date >= today}
    shown = [t for t in teams if t.operation_id in open_ops] or list(teams)
    ongoing = [o for o in open_ops.values() if o.start_date <= today]
    if not ongoing:
        return shown, []
    best = max(ongoing, key=lambda o: (o.team_count, o.start_date, o.id))
    return shown, [t.team_id for t in shown if t.operation_id == best.id]


def create_page(context) -> IncidentsWorkspace:  # type: ignore[no-untyped-def]
    services = context.services
    page = IncidentsWorkspace(
        services.incidents, services.mapping, services.operations, context.hub
    )
    context.hub.changes_applied.connect(page.apply_changes)
    page.register.reload()
    return page
