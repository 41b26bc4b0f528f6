"""The incident's links: groups with their side, persons with their role, each with its
source and certainty (issue 20). Edited in the incident dialog, kept as frozen inputs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Certainty, IncidentRole, IncidentSide
from desktop.services.incidents.rows import GroupLinkInput, PersonLinkInput
from desktop.views.incidents.labels import certainty_label, role_label, side_label
from desktop.views.widgets.person_picker import PersonPicker, PersonSearch
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table


@dataclass(frozen=True)
class GroupLink:
    """A group link as the dialog lists it: the input and the group's name."""

    value: GroupLinkInput
    name: str


@dataclass(frozen=True)
class PersonLink:
    value: PersonLinkInput
    name: str


def _certainty_box(accessible: str) -> QComboBox:
    box = QComboBox()
    for certainty in (Certainty.PROBABLE, Certainty.CONFIRMED):
        box.addItem(certainty_label(certainty), certainty)
    box.setAccessibleName(accessible)
    return box


class GroupLinksEditor(QWidget):
    """Groups involved: choose a group and its side, give the source, add; remove."""

    changed = Signal()

    def __init__(self, groups: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = dict(groups)
        self.model = RowsTableModel[GroupLink](
            [
                Column(self.tr("Gruppering"), lambda link: link.name),
                Column(self.tr("Sida"), lambda link: side_label(link.value.side)),
                Column(self.tr("Källa"), lambda link: link.value.source),
                Column(self.tr("Säkerhet"), lambda link: certainty_label(link.value.certainty)),
            ],
            self,
        )
        self.view = compact_table(self.model, self.tr("Inblandade grupperingar"))
        self.view.setMinimumHeight(90)
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Gruppering att lägga till"))
        for group_id, name in groups:
            self.group.addItem(name, group_id)
        self.side = QComboBox()
        self.side.setAccessibleName(self.tr("Gruppens sida"))
        for side in IncidentSide:
            self.side.addItem(side_label(side), side)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Källa, t.ex. polisens lägesbild"))
        self.source.setAccessibleName(self.tr("Källa för grupperingens inblandning"))
        self.certainty = _certainty_box(self.tr("Säkerhet för grupperingens inblandning"))
        self.add_button = QPushButton(self.tr("&Lägg till gruppering"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(self.tr("Ta bort vald gruppering"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        group_label = QLabel(self.tr("&Välj gruppering:"))
        group_label.setBuddy(self.group)
        side_label_ = QLabel(self.tr("S&ida:"))
        side_label_.setBuddy(self.side)
        entry = QGridLayout()
        entry.addWidget(group_label, 0, 0)
        entry.addWidget(self.group, 0, 1)
        entry.addWidget(side_label_, 0, 2)
        entry.addWidget(self.side, 0, 3)
        entry.addWidget(self.certainty, 0, 4)
        entry.addWidget(self.source, 1, 1, 1, 3)
        entry.addWidget(self.add_button, 1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(entry)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

    def set_links(self, links: Sequence[GroupLinkInput]) -> None:
        self.model.set_rows(
            [GroupLink(link, self._names.get(link.group_id, "?")) for link in links]
        )

    def links(self) -> tuple[GroupLinkInput, ...]:
        return tuple(link.value for link in self.model.rows())

    def add_chosen(self) -> None:
        group_id = self.group.currentData()
        if group_id is None:
            return
        link = GroupLinkInput(
            int(group_id),
            IncidentSide(self.side.currentData()),
            self.source.text().strip(),
            Certainty(self.certainty.currentData()),
        )
        # One link per group and side: adding again replaces the source and certainty.
        kept = [
            r.value
            for r in self.model.rows()
            if (r.value.group_id, r.value.side) != (link.group_id, link.side)
        ]
        self.set_links([*kept, link])
        self.source.clear()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            rows = list(self.model.rows())
            del rows[row]
            self.model.set_rows(rows)
            self.changed.emit()


class PersonLinksEditor(QWidget):
    """Persons involved: find a person, give the role and the source, add; remove."""

    changed = Signal()

    def __init__(self, persons: PersonSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsTableModel[PersonLink](
            [
                Column(self.tr("Person"), lambda link: link.name),
                Column(self.tr("Roll"), lambda link: role_label(link.value.role)),
                Column(self.tr("Källa"), lambda link: link.value.source),
                Column(self.tr("Säkerhet"), lambda link: certainty_label(link.value.certainty)),
            ],
            self,
        )
        self.view = compact_table(self.model, self.tr("Inblandade personer"))
        self.view.setMinimumHeight(90)
        self.picker = PersonPicker(persons)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Personens roll"))
        for role in IncidentRole:
            self.role.addItem(role_label(role), role)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Källa"))
        self.source.setAccessibleName(self.tr("Källa för personens inblandning"))
        self.certainty = _certainty_box(self.tr("Säkerhet för personens inblandning"))
        self.add_button = QPushButton(self.tr("&Lägg till person"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(self.tr("Ta bort vald person"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        person_label = QLabel(self.tr("&Hitta person:"))
        person_label.setBuddy(self.picker.search)
        entry = QGridLayout()
        entry.addWidget(person_label, 0, 0)
        entry.addWidget(self.picker, 0, 1, 2, 1)
        entry.addWidget(self.role, 0, 2)
        entry.addWidget(self.certainty, 0, 3)
        entry.addWidget(self.source, 1, 2)
        entry.addWidget(self.add_button, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(entry)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

    def set_links(self, links: Sequence[PersonLink]) -> None:
        self.model.set_rows(list(links))

    def links(self) -> tuple[PersonLinkInput, ...]:
        return tuple(link.value for link in self.model.rows())

    def add_chosen(self) -> None:
        person_id = self.picker.person_id()
        if person_id is None:
            return
        link = PersonLinkInput(
            person_id,
            IncidentRole(self.role.currentData()),
            self.source.text().strip(),
            Certainty(self.certainty.currentData()),
        )
        kept = [
            r
            for r in self.model.rows()
            if (r.value.person_id, r.value.role) != (link.person_id, link.role)
        ]
        self.set_links([*kept, PersonLink(link, self.picker.matches.currentText())])
        self.source.clear()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            rows = list(self.model.rows())
            del rows[row]
            self.model.set_rows(rows)
            self.changed.emit()
