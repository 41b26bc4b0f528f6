"""The teams of an operation: compose from staff, flag a team that is not two-agency."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.operations import OperationsServices
from desktop.services.operations.rows import TeamRow
from desktop.services.operations.teams import missing_agencies
from desktop.views.changes_hub import ChangesHub
from desktop.views.operations.labels import AGENCY, missing_text, word
from desktop.views.operations.models import TeamTableModel
from desktop.views.operations.targets_tab import table
from desktop.views.runner import run_change, run_query


class TeamsTab(QWidget):
    """Team list on top, the selected team's editor below."""

    def __init__(self, services: OperationsServices, hub: ChangesHub) -> None:
        super().__init__()
        self._services, self._hub = services, hub
        self._operation_id: int | None = None
        self._editing: TeamRow | None = None
        self._kinds: dict[int, object] = {}
        self.model = TeamTableModel(self)
        self.view = table(self.model, self.tr("Team"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Teamets namn"))
        self.per_day = QSpinBox()
        self.per_day.setRange(1, 8)
        self.per_day.setValue(4)
        self.per_day.setAccessibleName(self.tr("Högst antal besök per dag"))
        self.staff = QListWidget()
        self.staff.setAccessibleName(self.tr("Medarbetare"))
        self.flag = QLabel()
        self.flag.setAccessibleName(self.tr("Myndigheter i teamet"))
        self.new_button = QPushButton(self.tr("N&ytt team"))
        self.save_button = QPushButton(self.tr("&Spara team"))
        self.delete_button = QPushButton(self.tr("Ta &bort team"))
        editor = QGroupBox(self.tr("Team"))
        form = QFormLayout(editor)
        form.addRow(self.tr("&Teamets namn"), self.name)
        form.addRow(self.tr("&Högst besök per dag"), self.per_day)
        form.addRow(self.tr("Me&darbetare"), self.staff)
        form.addRow(self.flag)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(editor, 1)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.staff.itemChanged.connect(self._update_flag)
        self.new_button.clicked.connect(self.new_team)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)

    def set_operation(self, operation_id: int | None) -> None:
        self._operation_id = operation_id
        self.reload()

    def reload(self) -> None:
        if self._operation_id is None:
            self.model.set_rows([])
            return
        op = self._operation_id
        rows = run_query(self, self.tr("Team"), lambda: self._services.teams.teams(op))
        staff = run_query(self, self.tr("Team"), self._services.teams.staff)
        if rows is None or staff is None:
            return
        self.model.set_rows(rows)
        blocked = self.staff.blockSignals(True)
        self.staff.clear()
        self._kinds = {}
        for member in staff:
            item = QListWidgetItem(f"{member.name} — {word(AGENCY, member.agency_kind)}")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.staff.addItem(item)
            self._kinds[member.id] = member.agency_kind
        self.staff.blockSignals(blocked)
        self.new_team()

    def _selected(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        if row is None:
            return
        self._editing = row
        self.name.setText(row.name)
        self.per_day.setValue(row.max_visits_per_day)
        members = {m.staff_id for m in row.members}
        blocked = self.staff.blockSignals(True)
        for i in range(self.staff.count()):
            item = self.staff.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in members
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.staff.blockSignals(blocked)
        self._update_flag()

    def new_team(self) -> None:
        self._editing = None
        self.view.clearSelection()
        self.name.setText(self.tr("Team %1").replace("%1", str(self.model.rowCount() + 1)))
        self.per_day.setValue(4)
        blocked = self.staff.blockSignals(True)
        for i in range(self.staff.count()):
            self.staff.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.staff.blockSignals(blocked)
        self._update_flag()

    def checked_staff(self) -> list[int]:
        return [
            int(self.staff.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.staff.count())
            if self.staff.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update_flag(self) -> None:
        ids = self.checked_staff()
        missing = missing_agencies(self._kinds[i] for i in ids)  # type: ignore[misc]
        text = missing_text(missing)
        if len(ids) < 2 and not missing:
            text = "⚠ " + self.tr("För få medlemmar")
        self.flag.setText(text)
        ok = not missing and len(ids) >= 2
        self.flag.setStyleSheet("" if ok else "color:#B00020;font-weight:bold")

    def save(self) -> None:
        if self._operation_id is None:
            return
        op, editing = self._operation_id, self._editing
        name, staff, per_day = self.name.text(), self.checked_staff(), self.per_day.value()
        run_change(
            self,
            self.tr("Spara team"),
            lambda: self._services.teams.save_team(
                op,
                name,
                staff,
                team_id=editing.id if editing else None,
                version=editing.version if editing else None,
                max_per_day=per_day,
            )[1],
            hub=self._hub,
        )

    def delete(self) -> None:
        if self._editing is None:
            return
        team_id = self._editing.id
        run_change(
            self,
            self.tr("Ta bort team"),
            lambda: self._services.teams.delete_team(team_id),
            hub=self._hub,
        )
