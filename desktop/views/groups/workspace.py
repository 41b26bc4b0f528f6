"""The Grupperingar page: the list, group profiles and the network picture."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.engagement.sanctions import SanctionService
from desktop.services.mapping import MappingServices
from desktop.views.groups.list_page import GroupsPage
from desktop.views.groups.network_page import NetworkPage
from desktop.views.groups.profile_page import GroupProfilePage
from desktop.views.widgets.drill_stack import DrillStack


class GroupsWorkspace(QWidget):
    changes_made = Signal(object)

    def __init__(  # type: ignore[no-untyped-def]
        self, mapping: MappingServices, sanctions: SanctionService, parent=None
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._sanctions = sanctions
        self.list_page = GroupsPage(mapping)
        self.list_page.group_opened.connect(self.open_group)
        self.list_page.network_requested.connect(self.open_network)
        self.list_page.changes_made.connect(self.changes_made)
        self.stack = DrillStack()
        self.stack.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def open_group(self, group_id: int) -> GroupProfilePage:
        page = GroupProfilePage(self._mapping, self._sanctions, group_id)
        page.back_requested.connect(self.stack.pop)
        page.group_opened.connect(self.open_group)
        page.person_opened.connect(self.open_person)
        page.changes_made.connect(self.changes_made)
        self.stack.push(page)
        return page

    def open_network(self) -> NetworkPage:
        page = NetworkPage(self._mapping)
        page.back_requested.connect(self.stack.pop)
        page.group_opened.connect(self.open_group)
        self.stack.push(page)
        return page

    def open_person(self, person_id: int) -> None:
        from desktop.views.persons.profile_page import PersonProfilePage

        page = PersonProfilePage(self._mapping, person_id)
        page.back_requested.connect(self.stack.pop)
        page.person_opened.connect(self.open_person)
        page.group_opened.connect(self.open_group)
        page.changes_made.connect(self.changes_made)
        self.stack.push(page)

    def apply_changes(self, changes: Changes) -> None:
        for page in self.stack.pages():
            apply = getattr(page, "apply_changes", None)
            if apply is not None:
                apply(changes)
