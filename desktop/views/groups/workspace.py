"""The Grupperingar page: the list, group profiles and the network picture."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.engagement.sanctions import SanctionService
from desktop.services.incidents.register import IncidentService
from desktop.services.incidents.rows import IncidentFilter
from desktop.services.mapping import MappingServices
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.groups.list_page import GroupsPage
from desktop.views.groups.network_page import NetworkPage
from desktop.views.groups.profile_page import GroupProfilePage
from desktop.views.widgets.drill_stack import DrillStack

#: The network's incident badges count the incidents of the days up to the date shown.
NETWORK_DAYS = 90


class GroupsWorkspace(QWidget):
    """The list, group and person profiles publish to the hub through the runner, once."""

    def __init__(  # type: ignore[no-untyped-def]
        self,
        mapping: MappingServices,
        sanctions: SanctionService,
        parent=None,
        incidents: IncidentService | None = None,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        # The list and the profiles publish here through the runner (no relay).
        self._hub = hub_or_own(hub, self.apply_changes)
        self._incidents = incidents
        self._sanctions = sanctions
        self.list_page = GroupsPage(mapping, hub=self._hub)
        self.list_page.group_opened.connect(self.open_group)
        self.list_page.network_requested.connect(self.open_network)
        self.stack = DrillStack()
        self.stack.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def open_group(self, group_id: int) -> GroupProfilePage:
        page = GroupProfilePage(
            self._mapping, self._sanctions, group_id, incidents=self._incidents, hub=self._hub
        )
        page.back_requested.connect(self.stack.pop)
        page.group_opened.connect(self.open_group)
        page.person_opened.connect(self.open_person)
        self.stack.push(page)
        return page

    def open_network(self) -> NetworkPage:
        page = NetworkPage(self._mapping, incidents_near=self._incidents_near)
        page.back_requested.connect(self.stack.pop)
        page.group_opened.connect(self.open_group)
        self.stack.push(page)
        return page

    def open_person(self, person_id: int) -> None:
        from desktop.views.persons.profile_page import PersonProfilePage

        page = PersonProfilePage(self._mapping, person_id, incidents=self._incidents, hub=self._hub)
        page.back_requested.connect(self.stack.pop)
        page.person_opened.connect(self.open_person)
        page.group_opened.connect(self.open_group)
        self.stack.push(page)

    def _incidents_near(self, day: dt.date) -> dict[int, int]:
        """Incidents per group in the 90 days up to ``day`` (the network's badges, the
        same weeks as the briefing packet's "violence touching the group")."""
        register = self._incidents
        if register is None or not allowed(
            self._mapping.groups.store.identity.role, Action.INCIDENT_READ
        ):
            return {}
        rows = register.rows(
            IncidentFilter(first=day - dt.timedelta(days=NETWORK_DAYS - 1), last=day)
        )
        names = {g.name: g.id for g in self._mapping.groups.list(day)}
        counts: dict[int, int] = {}
        for row in rows:
            for name in {*row.suspected_groups, *row.victim_groups}:
                if name in names:
                    counts[names[name]] = counts.get(names[name], 0) + 1
        return counts

    def apply_changes(self, changes: Changes) -> None:
        for page in self.stack.pages():
            apply = getattr(page, "apply_changes", None)
            if apply is not None:
                apply(changes)
