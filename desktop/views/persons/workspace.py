"""The Personer page: the list and the review list, profiles opened on top."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.engagement.sanctions import SanctionService
from desktop.services.incidents.register import IncidentService
from desktop.services.mapping import MappingServices
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.persons.list_page import PersonsPage
from desktop.views.persons.profile_page import PersonProfilePage
from desktop.views.persons.review_page import ReviewPage
from desktop.views.widgets.drill_stack import DrillStack
from desktop.views.widgets.lazy_page import LazyPage


class PersonsWorkspace(QWidget):
    """Routes "open person / open group" inside the page; every page in it (list, review,
    profiles) publishes to the hub through the runner, once, and hears it here."""

    def __init__(  # type: ignore[no-untyped-def]
        self,
        mapping: MappingServices,
        sanctions: SanctionService,
        settings: QSettings | None = None,
        parent=None,
        incidents: IncidentService | None = None,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        # The list, the review list and the profiles publish here through the runner.
        self._hub = hub_or_own(hub, self.apply_changes)
        self._incidents = incidents
        self._sanctions = sanctions
        self.list_page = PersonsPage(mapping, settings, hub=self._hub)
        # Built (and queried) when its tab is first opened, not at login.
        self.review_tab = LazyPage(self._build_review)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.list_page, self.tr("&Personer"))
        self.tabs.addTab(self.review_tab, self.tr("Att &ompröva"))
        self.stack = DrillStack()
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.list_page.person_opened.connect(self.open_person)

    @property
    def review_page(self) -> ReviewPage:
        """The review list (built now if its tab was never opened)."""
        return self.review_tab.content()

    def _build_review(self) -> ReviewPage:
        page = ReviewPage(self._mapping, hub=self._hub)
        page.person_opened.connect(self.open_person)
        return page

    def open_person(self, person_id: int) -> PersonProfilePage:
        page = PersonProfilePage(self._mapping, person_id, incidents=self._incidents, hub=self._hub)
        page.back_requested.connect(self.stack.pop)
        page.find_requested.connect(self.go_to_search)
        page.person_opened.connect(self.open_person)
        page.group_opened.connect(self.open_group)
        self.stack.push(page)
        return page

    def open_group(self, group_id: int) -> None:
        from desktop.views.groups.profile_page import GroupProfilePage

        page = GroupProfilePage(
            self._mapping, self._sanctions, group_id, incidents=self._incidents, hub=self._hub
        )
        page.back_requested.connect(self.stack.pop)
        page.find_requested.connect(self.go_to_search)
        page.person_opened.connect(self.open_person)
        self.stack.push(page)

    def go_to_search(self) -> None:
        """Back to the person list with the focus in its search (Ctrl+F on a profile)."""
        while self.stack.count() > 1:
            self.stack.pop()
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.focus_search()

    def apply_changes(self, changes: Changes) -> None:
        review = self.review_tab.built()  # an unbuilt tab loads fresh when opened
        for page in [self.list_page, review, *self.stack.pages()[1:]]:
            apply = getattr(page, "apply_changes", None)
            if apply is not None:
                apply(changes)
