"""The family tab of a profile: relatives with a dialog to add, edit and remove them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.services.mapping.relatives import RelativeInput
from desktop.services.mapping.rows import RelativeRow
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change
from desktop.views.widgets.form_dialog import FormDialog
from desktop.views.widgets.person_picker import PersonPicker
from desktop.views.widgets.rows_model import RowsTableModel


class RelativeDialog(FormDialog):
    """A relative: name, relation, phone, same address, likely present, link to a person."""

    def __init__(
        self,
        mapping: MappingServices,
        person_id: int,
        relative: RelativeRow | None = None,
        linked_name: str = "",
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        title = self.tr("Ny anhörig") if relative is None else self.tr("Ändra anhörig")
        super().__init__(title, parent, hub=hub)
        self._mapping, self._person_id, self._relative = mapping, person_id, relative
        self.name = self.add_row(self.tr("&Namn"), "name", QLineEdit(), self.tr("Namn"))
        self.relation = self.add_row(
            self.tr("&Relation"), "relation", QLineEdit(), self.tr("Relation")
        )
        self.relation.setPlaceholderText(self.tr("t.ex. mamma, bror, flickvän"))
        self.phone = self.add_row(self.tr("&Telefon"), "phone", QLineEdit(), self.tr("Telefon"))
        self.phone.setPlaceholderText("070-123 45 67")
        self.same_address = self.add_row(
            "", "same_address", QCheckBox(self.tr("Bor på &samma adress")), self.tr("Samma adress")
        )
        self.likely_present = self.add_row(
            "",
            "likely_present",
            QCheckBox(self.tr("Troligen &hemma vid hembesök")),
            self.tr("Troligen hemma"),
        )
        self.picker = self.add_row(
            self.tr("&Kartlagd person"),
            "linked_person_id",
            PersonPicker(mapping.persons, exclude=person_id),
            self.tr("Kartlagd person"),
        )
        if relative is not None:
            self.name.setText(relative.name)
            self.relation.setText(relative.relation)
            self.phone.setText(relative.phone or "")
            self.same_address.setChecked(relative.same_address)
            self.likely_present.setChecked(relative.likely_present)
            self.picker.set_person(relative.linked_person_id, linked_name)

    def value(self) -> RelativeInput:
        return RelativeInput(
            name=self.name.text(),
            relation=self.relation.text(),
            phone=self.phone.text(),
            same_address=self.same_address.isChecked(),
            likely_present=self.likely_present.isChecked(),
            linked_person_id=self.picker.person_id(),
        )

    def submit(self) -> Callable[[], Changes]:
        persons = self._mapping.persons
        if self._relative is None:
            return partial(persons.add_relative, self._person_id, self.value())
        return partial(
            persons.update_relative, self._relative.id, self._relative.version, self.value()
        )


class RelativesPanel(QWidget):
    """The relatives table with New / Edit / Remove buttons (shown to those who may edit).

    Its changes are published to ``hub`` once, by the runner (the profile hears them).
    """

    def __init__(
        self,
        mapping: MappingServices,
        person_id: int,
        model: RowsTableModel[RelativeRow],
        view: QTableView,
        may_edit: bool,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub,
    ) -> None:
        super().__init__(parent)
        self._mapping, self._person_id, self.model, self.view = mapping, person_id, model, view
        self._hub = hub
        self.new_button = QPushButton(self.tr("Ny &anhörig…"))
        self.edit_button = QPushButton(self.tr("Ändra anhöri&g…"))
        self.remove_button = QPushButton(self.tr("Ta &bort anhörig"))
        bar = QHBoxLayout()
        for button, slot in (
            (self.new_button, self.add),
            (self.edit_button, self.edit),
            (self.remove_button, self.remove),
        ):
            button.setVisible(may_edit)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        layout.addLayout(bar)

    def current(self) -> RelativeRow | None:
        return self.model.row_at(self.view.currentIndex().row())

    def add(self) -> None:
        RelativeDialog(self._mapping, self._person_id, parent=self, hub=self._hub).exec()

    def edit(self) -> None:
        row = self.current()
        if row is None:
            return
        # The linked person is the relative himself: his name is the one on the row.
        RelativeDialog(
            self._mapping, self._person_id, row, row.name, parent=self, hub=self._hub
        ).exec()

    def remove(self) -> None:
        row = self.current()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort anhörig"),
            self.tr("Ta bort %1 från familj och nätverk?").replace("%1", row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        persons = self._mapping.persons
        run_change(
            self,
            self.tr("Ta bort anhörig"),
            lambda: persons.remove_relative(row.id, row.version),
            hub=self._hub,
        )
