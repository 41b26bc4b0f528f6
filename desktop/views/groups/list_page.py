"""The group list: name, area, members, coverage, review date."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import GroupRow
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table


def coverage_text(row: GroupRow) -> str:
    return f"{round(100 * row.coverage)} %" if row.coverage is not None else "–"


class GroupsPage(QWidget):
    group_opened = Signal(int)
    network_requested = Signal()

    def __init__(  # type: ignore[no-untyped-def]
        self, mapping: MappingServices, parent=None, *, hub: ChangesHub | None = None
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        # The dialogs' saves publish here through the runner; the page hears them.
        self._hub = hub_or_own(hub, self.apply_changes)
        self.model = RowsTableModel[GroupRow](
            [
                Column(self.tr("Gruppering"), lambda g: g.name),
                Column(self.tr("Alias"), lambda g: g.aliases),
                Column(self.tr("Område"), lambda g: g.area or ""),
                Column(self.tr("Medlemmar"), lambda g: str(g.members)),
                Column(self.tr("Nådda"), lambda g: str(g.reached)),
                Column(self.tr("Täckning"), coverage_text),
                Column(
                    self.tr("Status"),
                    lambda g: self.tr("aktiv") if g.active else self.tr("inaktiv"),
                ),
                Column(
                    self.tr("Omprövas"),
                    lambda g: g.review_date.isoformat() if g.review_date else "",
                ),
            ],
            self,
        )
        self.table = compact_table(self.model, self.tr("Grupperingar"))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.summary = QLabel()
        self.open_button = QPushButton(self.tr("&Öppna"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex().row()))
        may_edit = allowed(mapping.groups.store.identity.role, Action.GROUP_EDIT)
        self.new_button = QPushButton(self.tr("N&y gruppering"))
        self.new_button.setVisible(may_edit)
        self.new_button.clicked.connect(self._new_group)
        self.edit_button = QPushButton(self.tr("&Redigera"))
        self.edit_button.setVisible(may_edit)
        self.edit_button.clicked.connect(self._edit_group)
        self.network_button = QPushButton(self.tr("&Nätverksbild"))
        self.network_button.clicked.connect(self.network_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.network_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        rows = self._mapping.groups.list()
        self.model.set_rows(rows)
        members = sum(r.members for r in rows)
        self.summary.setText(
            self.tr("%n grupperingar", "", len(rows))
            + self.tr(", %1 medlemskap").replace("%1", str(members))
        )
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _open(self, row: int) -> None:
        group = self.model.row_at(row)
        if group is not None:
            self.group_opened.emit(group.id)

    def _new_group(self) -> None:
        from desktop.views.groups.group_dialog import GroupDialog

        GroupDialog(self._mapping.groups, parent=self, hub=self._hub).exec()

    def _edit_group(self) -> None:
        from desktop.views.groups.group_dialog import GroupDialog

        group = self.model.row_at(self.table.currentIndex().row())
        if group is None:
            return
        profile = self._mapping.groups.profile(group.id)
        GroupDialog(self._mapping.groups, profile, parent=self, hub=self._hub).exec()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("group", "person"):
            self.reload()
