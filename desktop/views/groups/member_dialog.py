"""Add a member from the group profile: a person picker, role, source, reason, review date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.models import MembershipRole
from desktop.services.changes import Changes
from desktop.services.errors import ValidationError
from desktop.services.mapping import MappingServices
from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.labels import label
from desktop.views.persons.link_dialogs import DEFAULT_REVIEW_DAYS
from desktop.views.widgets.form_dialog import FormDialog
from desktop.views.widgets.person_picker import PersonPicker


class MemberDialog(FormDialog):
    """Link a mapped person to this group; source, reason and review date are required."""

    def __init__(
        self,
        mapping: MappingServices,
        group_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ):
        super().__init__(self.tr("Ny medlem"), parent, hub=hub)
        self._mapping, self._group_id = mapping, group_id
        self.picker = self.add_row(
            self.tr("&Person"),
            "person_id",
            PersonPicker(mapping.persons, optional=False),
            self.tr("Person"),
        )
        self.role = self.add_row(self.tr("&Roll"), "role", QComboBox(), self.tr("Roll"))
        for role in MembershipRole:
            self.role.addItem(label(role), role.value)
        self.role.setCurrentIndex(self.role.findData(MembershipRole.MEMBER.value))
        self.since = self.add_row(self.tr("&Sedan"), "since", QLineEdit(), self.tr("Sedan"))
        self.since.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.source = self.add_row(self.tr("&Källa"), "source", QLineEdit(), self.tr("Källa"))
        self.source.setPlaceholderText(self.tr("t.ex. polisens lägesbild"))
        self.reason = self.add_row(self.tr("Skä&l"), "reason", QLineEdit(), self.tr("Skäl"))
        self.review_date = self.add_row(
            self.tr("Om&prövas"), "review_date", QLineEdit(), self.tr("Omprövas")
        )
        self.review_date.setText(
            (dt.date.today() + dt.timedelta(days=DEFAULT_REVIEW_DAYS)).isoformat()
        )

    def submit(self) -> Callable[[], Changes]:
        person_id = self.picker.person_id()
        if person_id is None:
            raise ValidationError(self.tr("Sök fram och välj personen."), "person_id")
        return partial(
            self._mapping.groups.add_member,
            self._group_id,
            person_id,
            MembershipRole(self.role.currentData()),
            since=self.since.text(),
            source=self.source.text(),
            reason=self.reason.text(),
            review_date=self.review_date.text(),
        )
