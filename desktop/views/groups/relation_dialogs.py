"""Dialog on a group profile: a relation to another group (sanction periods: views.sanctions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.models import GroupRelationKind
from desktop.services.changes import Changes
from desktop.services.mapping.groups import GroupService
from desktop.services.mapping.parsing import optional_date
from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.labels import label
from desktop.views.widgets.form_dialog import FormDialog


class RelationDialog(FormDialog):
    """Rivalry, alliance or active conflict with another group, from a date."""

    def __init__(
        self,
        groups: GroupService,
        group_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ):
        super().__init__(self.tr("Ny relation mellan grupperingar"), parent, hub=hub)
        self._groups, self._group_id = groups, group_id
        self.other = self.add_row(
            self.tr("&Gruppering"), "group_b_id", QComboBox(), self.tr("Andra grupperingen")
        )
        for group in groups.list():
            if group.id != group_id:
                self.other.addItem(group.name, group.id)
        self.kind = self.add_row(self.tr("&Relation"), "kind", QComboBox(), self.tr("Relation"))
        for kind in GroupRelationKind:
            self.kind.addItem(label(kind), kind.value)
        self.since = self.add_row(self.tr("&Sedan"), "since", QLineEdit(), self.tr("Sedan"))
        self.since.setText(dt.date.today().isoformat())
        self.description = self.add_row(
            self.tr("&Beskrivning"), "description", QLineEdit(), self.tr("Beskrivning")
        )

    def submit(self) -> Callable[[], Changes]:
        return partial(
            self._groups.add_relation,
            self._group_id,
            self.other.currentData(),
            GroupRelationKind(self.kind.currentData()),
            optional_date(self.since.text(), "since"),
            self.description.text(),
        )
