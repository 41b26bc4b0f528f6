"""Small dialogs on a profile: a new address, a link to a group."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.models import MembershipRole
from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import AddressInput
from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.labels import label
from desktop.views.widgets.form_dialog import FormDialog

DEFAULT_REVIEW_DAYS = 182


class AddressDialog(FormDialog):
    """A new address; the current one ends the day before the new one starts."""

    def __init__(
        self,
        mapping: MappingServices,
        person_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ):
        super().__init__(self.tr("Ny adress"), parent, hub=hub)
        self._mapping, self._person_id = mapping, person_id
        self.street = self.add_row(
            self.tr("&Gatuadress"), "street", QLineEdit(), self.tr("Gatuadress")
        )
        self.postcode = self.add_row(
            self.tr("&Postnummer"), "postcode", QLineEdit(), self.tr("Postnummer")
        )
        self.postcode.setPlaceholderText("211 45")
        self.city = self.add_row(self.tr("&Ort"), "city", QLineEdit(), self.tr("Ort"))
        self.area = self.add_row(self.tr("Om&råde"), "area", QLineEdit(), self.tr("Område"))
        self.valid_from = self.add_row(self.tr("&Från"), "valid_from", QLineEdit(), self.tr("Från"))
        self.valid_from.setText(dt.date.today().isoformat())
        self.access_notes = self.add_row(
            self.tr("&Vid dörren"), "access_notes", QLineEdit(), self.tr("Vid dörren")
        )
        self.access_notes.setPlaceholderText(self.tr("Portkod, hund, andra som bor där"))

    def submit(self) -> Callable[[], Changes]:
        return partial(
            self._mapping.persons.add_address,
            self._person_id,
            AddressInput(
                street=self.street.text(),
                postcode=self.postcode.text(),
                city=self.city.text(),
                area=self.area.text(),
                valid_from=self.valid_from.text(),
                access_notes=self.access_notes.text(),
            ),
        )


class MembershipDialog(FormDialog):
    """Link the person to a group; source, reason and review date are required."""

    def __init__(
        self,
        mapping: MappingServices,
        person_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ):
        super().__init__(self.tr("Koppla till gruppering"), parent, hub=hub)
        self._mapping, self._person_id = mapping, person_id
        self.group = self.add_row(
            self.tr("&Gruppering"), "group_id", QComboBox(), self.tr("Gruppering")
        )
        for group in mapping.groups.list():
            self.group.addItem(group.name, group.id)
        self.role = self.add_row(self.tr("&Roll"), "role", QComboBox(), self.tr("Roll"))
        for role in MembershipRole:
            self.role.addItem(label(role), role.value)
        self.role.setCurrentIndex(self.role.findData(MembershipRole.MEMBER.value))
        self.since = self.add_row(self.tr("&Sedan"), "since", QLineEdit(), self.tr("Sedan"))
        self.since.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.source = self.add_row(self.tr("&Källa"), "source", QLineEdit(), self.tr("Källa"))
        self.reason = self.add_row(self.tr("Skä&l"), "reason", QLineEdit(), self.tr("Skäl"))
        self.review_date = self.add_row(
            self.tr("Om&prövas"), "review_date", QLineEdit(), self.tr("Omprövas")
        )
        self.review_date.setText(
            (dt.date.today() + dt.timedelta(days=DEFAULT_REVIEW_DAYS)).isoformat()
        )

    def submit(self) -> Callable[[], Changes]:
        return partial(
            self._mapping.groups.add_member,
            self.group.currentData(),
            self._person_id,
            MembershipRole(self.role.currentData()),
            since=self.since.text(),
            source=self.source.text(),
            reason=self.reason.text(),
            review_date=self.review_date.text(),
        )
