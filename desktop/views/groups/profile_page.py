"""One group: members with roles, coverage, relations and sanction periods."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.engagement.sanctions import SanctionService
from desktop.services.incidents.register import IncidentService
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import GroupProfile, MembershipRow, RelationRow
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.incidents.timeline import IncidentTimeline
from desktop.views.persons.labels import label
from desktop.views.sanctions.widget import SanctionPeriodsWidget
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class GroupProfilePage(QWidget):
    """Its changes (dialogs, sanction periods) are published to the hub once, by the
    runner; the page hears them there like every page (``apply_changes``)."""

    back_requested = Signal()
    find_requested = Signal()  # Ctrl+F: back to the list's search
    person_opened = Signal(int)
    group_opened = Signal(int)

    def __init__(  # type: ignore[no-untyped-def]
        self,
        mapping: MappingServices,
        sanctions: SanctionService,
        group_id: int,
        parent=None,
        incidents: IncidentService | None = None,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._hub = hub_or_own(hub, self.apply_changes)
        self.group_id = group_id
        self.profile: GroupProfile | None = None
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.coverage = QLabel()
        self.sanction_banner = QLabel()
        self.sanction_banner.setStyleSheet(
            "background: #b35900; color: white; font-weight: bold; padding: 6px;"
        )
        may_edit = allowed(mapping.groups.store.identity.role, Action.GROUP_EDIT)
        self.relation_button = QPushButton(self.tr("Ny &relation…"))
        self.relation_button.setVisible(may_edit)
        self.relation_button.clicked.connect(self._new_relation)
        self.member_button = QPushButton(self.tr("Ny m&edlem…"))
        self.member_button.setVisible(may_edit)
        self.member_button.clicked.connect(self._new_member)
        self.back_button = QPushButton(self.tr("&Tillbaka"))
        self.back_button.clicked.connect(self.back_requested)
        self.escape_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit
        )
        # Issue 18: Ctrl+F did nothing on a profile (the list's shortcut is hidden with it).
        self.find_shortcut = QShortcut(
            QKeySequence.StandardKey.Find, self, self.find_requested.emit
        )

        self.members = RowsTableModel[MembershipRow](
            [
                Column(self.tr("Person"), lambda m: m.person_name),
                Column(self.tr("Roll"), lambda m: label(m.role)),
                Column(self.tr("Sedan"), lambda m: _date(m.since)),
                Column(self.tr("Till"), lambda m: _date(m.until)),
                Column(self.tr("Nådd av budskapet"), self._reached),
                Column(self.tr("Källa"), lambda m: m.source or ""),
                Column(self.tr("Omprövas"), lambda m: _date(m.review_date)),
            ],
            self,
        )
        self.relations = RowsTableModel[RelationRow](
            [
                Column(self.tr("Gruppering"), lambda r: r.other_group_name),
                Column(self.tr("Relation"), lambda r: label(r.kind)),
                Column(self.tr("Sedan"), lambda r: _date(r.since)),
                Column(self.tr("Till"), lambda r: _date(r.until) or self.tr("pågår")),
                Column(self.tr("Beskrivning"), lambda r: r.description),
            ],
            self,
        )
        # Sanction periods are the engagement service's (start, edit, end, delete there).
        self.sanctions = SanctionPeriodsWidget(sanctions, may_edit, hub=self._hub)
        self.sanctions.model.modelReset.connect(self._show_banner)
        self.members_view = compact_table(self.members, self.tr("Medlemmar"))
        self.members_view.doubleClicked.connect(self._open_member)
        self.relations_view = compact_table(self.relations, self.tr("Relationer"))
        self.relations_view.doubleClicked.connect(self._open_relation)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.members_view, self.tr("&Medlemmar"))
        self.tabs.addTab(self.relations_view, self.tr("&Konflikter och allianser"))
        self.tabs.addTab(self.sanctions, self.tr("&Sanktionsperioder"))
        # Issue 20: the incidents the group was part of, for roles that read incidents.
        self.incidents: IncidentTimeline | None = None
        role = mapping.groups.store.identity.role
        if incidents is not None and allowed(role, Action.INCIDENT_READ):
            register = incidents
            self.incidents = IncidentTimeline(lambda: register.for_group(group_id))
            self.tabs.addTab(self.incidents, self.tr("Vå&ldshändelser"))

        top = QHBoxLayout()
        info = QVBoxLayout()
        for widget in (self.name, self.facts, self.coverage, self.description):
            info.addWidget(widget)
        info.addStretch(1)
        top.addLayout(info, 1)
        actions = QVBoxLayout()
        for button in (self.back_button, self.member_button, self.relation_button):
            actions.addWidget(button)
        actions.addStretch(1)
        top.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sanction_banner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def _reached(self, m: MembershipRow) -> str:
        reached = self.profile is not None and m.person_id in self.profile.reached_person_ids
        return self.tr("ja") if reached else self.tr("nej")

    def reload(self) -> None:
        p = self._mapping.groups.profile(self.group_id)
        self.profile = p
        self.name.setText(p.name)
        facts = [self.tr("Område: %1").replace("%1", p.area or "–")]
        if p.aliases:
            facts.append(self.tr("Alias: %1").replace("%1", ", ".join(p.aliases)))
        if not p.active:
            facts.append(self.tr("inaktiv"))
        if p.review_date:
            facts.append(self.tr("Omprövas %1").replace("%1", _date(p.review_date)))
        self.facts.setText(" · ".join(facts))
        self.description.setText(p.description)
        current = [m for m in p.members if m.until is None]
        reached = sum(1 for m in current if m.person_id in p.reached_person_ids)
        share = f"{round(100 * p.coverage)} %" if p.coverage is not None else "–"
        self.coverage.setText(
            self.tr("Täckning: %1 av %2 medlemmar har fått budskapet (%3)")
            .replace("%1", str(reached))
            .replace("%2", str(len(current)))
            .replace("%3", share)
        )
        self.members.set_rows(p.members)
        self.relations.set_rows(p.relations)
        self.sanctions.set_group(self.group_id)
        if self.incidents is not None:
            self.incidents.reload()

    def _show_banner(self) -> None:
        today = dt.date.today()
        ongoing = [s for s in self.sanctions.model.rows() if s.active_on(today)]
        self.sanction_banner.setVisible(bool(ongoing))
        if ongoing:
            self.sanction_banner.setText(
                self.tr("Pågående sanktionsperiod sedan %1: %2")
                .replace("%1", _date(ongoing[0].start_date))
                .replace("%2", ongoing[0].trigger_event)
            )

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("group", "person", "incident"):
            self.reload()

    def _new_relation(self) -> None:
        from desktop.views.groups.relation_dialogs import RelationDialog

        RelationDialog(self._mapping.groups, self.group_id, parent=self, hub=self._hub).exec()

    def _new_member(self) -> None:
        from desktop.views.groups.member_dialog import MemberDialog

        MemberDialog(self._mapping, self.group_id, parent=self, hub=self._hub).exec()

    def _open_member(self, index) -> None:  # type: ignore[no-untyped-def]
        member = self.members.row_at(index.row())
        if member is not None:
            self.person_opened.emit(member.person_id)

    def _open_relation(self, index) -> None:  # type: ignore[no-untyped-def]
        relation = self.relations.row_at(index.row())
        if relation is not None:
            self.group_opened.emit(relation.other_group_id)
