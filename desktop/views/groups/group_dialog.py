"""Create or edit a group."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.services.changes import Changes
from desktop.services.mapping.groups import GroupService
from desktop.services.mapping.rows import GroupInput, GroupProfile
from desktop.views.changes_hub import ChangesHub
from desktop.views.widgets.form_dialog import FormDialog


class GroupDialog(FormDialog):
    def __init__(
        self,
        groups: GroupService,
        profile: GroupProfile | None = None,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigera gruppering") if profile else self.tr("Ny gruppering"),
            parent,
            hub=hub,
        )
        self._groups, self._profile = groups, profile
        self.name = self.add_row(self.tr("&Namn"), "name", QLineEdit(), self.tr("Namn"))
        self.aliases = self.add_row(
            self.tr("&Alias (skilj med ;)"), "aliases", QLineEdit(), self.tr("Alias")
        )
        self.area = self.add_row(self.tr("&Område"), "area", QLineEdit(), self.tr("Område"))
        self.description = self.add_row(
            self.tr("&Beskrivning"), "description", QPlainTextEdit(), self.tr("Beskrivning")
        )
        self.source = self.add_row(self.tr("&Källa"), "source", QLineEdit(), self.tr("Källa"))
        self.review_date = self.add_row(
            self.tr("Om&prövas"), "review_date", QLineEdit(), self.tr("Omprövas")
        )
        self.review_date.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.active = QCheckBox(self.tr("A&ktiv"))
        self.active.setChecked(True)
        self.form.addRow("", self.active)
        if profile is not None:
            self.name.setText(profile.name)
            self.aliases.setText("; ".join(profile.aliases))
            self.area.setText(profile.area or "")
            self.description.setPlainText(profile.description)
            self.source.setText(profile.source or "")
            self.review_date.setText(profile.review_date.isoformat() if profile.review_date else "")
            self.active.setChecked(profile.active)

    def group_input(self) -> GroupInput:
        return GroupInput(
            name=self.name.text(),
            aliases=self.aliases.text(),
            area=self.area.text(),
            description=self.description.toPlainText(),
            active=self.active.isChecked(),
            source=self.source.text(),
            review_date=self.review_date.text(),
        )

    def submit(self) -> Callable[[], Changes]:
        if self._profile is None:
            return partial(self._groups.create, self.group_input())
        return partial(
            self._groups.update, self._profile.id, self._profile.version, self.group_input()
        )
