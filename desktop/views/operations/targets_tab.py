"""The targets of an operation and the filter that finds more, with live counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import PersonStatus
from desktop.services.changes import Changes
from desktop.services.operations import OperationsServices
from desktop.services.operations.rows import TargetFilter
from desktop.views.changes_hub import ChangesHub
from desktop.views.operations.labels import PERSON_STATUS, word
from desktop.views.operations.models import CandidateTableModel, TargetTableModel
from desktop.views.runner import run_change, run_query

# Typing in the filter waits this long before counting, so a burst is one query.
COUNT_DELAY_MS = 120


def table(model, name: str) -> QTableView:  # type: ignore[no-untyped-def]
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def _checklist(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setMinimumWidth(150)
    widget.setMaximumHeight(130)
    return widget


def _checked(widget: QListWidget) -> list[object]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class TargetsTab(QWidget):
    """Left: the filter panel and what it finds. Right: the operation's targets."""

    def __init__(self, services: OperationsServices, hub: ChangesHub) -> None:
        super().__init__()
        self._services, self._hub = services, hub
        self._operation_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.recount)

        self.groups = _checklist(self.tr("Grupperingar"))
        self.areas = _checklist(self.tr("Områden"))
        self.statuses = _checklist(self.tr("Status"))
        for status in PersonStatus:
            item = QListWidgetItem(word(PERSON_STATUS, status))
            item.setData(Qt.ItemDataRole.UserRole, status)
            item.setCheckState(
                Qt.CheckState.Checked if status is PersonStatus.ACTIVE else Qt.CheckState.Unchecked
            )
            self.statuses.addItem(item)
        self.priority = QComboBox()
        self.priority.setAccessibleName(self.tr("Lägsta prioritet"))
        self.priority.addItem(self.tr("Alla"), None)
        for level in (2, 3):
            self.priority.addItem(self.tr("Minst %1").replace("%1", str(level)), level)
        self.not_visited = QCheckBox(self.tr("Inte besökt de senaste"))
        self.days = QSpinBox()
        self.days.setRange(1, 730)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" dagar"))
        self.days.setAccessibleName(self.tr("Antal dagar"))
        self.conflict = QCheckBox(self.tr("Bara grupperingar i aktiv konflikt"))
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Antal träffar"))
        font = self.count.font()
        font.setBold(True)
        self.count.setFont(font)
        self.show_button = QPushButton(self.tr("Visa trä&ffar"))
        self.add_selected = QPushButton(self.tr("Lägg till mar&kerade"))
        self.add_all = QPushButton(self.tr("Lägg till a&lla träffar"))
        self.remove = QPushButton(self.tr("&Ta bort markerade mål"))
        self.candidate_model = CandidateTableModel(self)
        self.candidates = table(self.candidate_model, self.tr("Träffar"))
        self.target_model = TargetTableModel(self)
        self.targets = table(self.target_model, self.tr("Målpersoner"))
        self.targets_title = QLabel()

        panel = QGroupBox(self.tr("Urval"))
        grid = QGridLayout(panel)
        for column, (text, widget) in enumerate(
            (
                (self.tr("Gr&upperingar"), self.groups),
                (self.tr("&Områden"), self.areas),
                (self.tr("&Status"), self.statuses),
            )
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
        priority = QLabel(self.tr("Pr&ioritet"))
        priority.setBuddy(self.priority)
        row = QHBoxLayout()
        row.addWidget(priority)
        row.addWidget(self.priority)
        row.addSpacing(12)
        row.addWidget(self.not_visited)
        row.addWidget(self.days)
        row.addStretch(1)
        grid.addLayout(row, 2, 0, 1, 3)
        grid.addWidget(self.conflict, 3, 0, 1, 2)
        grid.addWidget(self.count, 3, 2)
        buttons = QHBoxLayout()
        for button in (self.show_button, self.add_selected, self.add_all):
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(panel)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.candidates, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.targets_title)
        right_layout.addWidget(self.targets, 1)
        right_layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for widget in (self.groups, self.areas, self.statuses):
            widget.itemChanged.connect(self.schedule_count)
        self.priority.currentIndexChanged.connect(self.schedule_count)
        self.not_visited.toggled.connect(self.schedule_count)
        self.days.valueChanged.connect(self.schedule_count)
        self.conflict.toggled.connect(self.schedule_count)
        self.show_button.clicked.connect(self.show_candidates)
        self.add_selected.clicked.connect(self._add_selected)
        self.add_all.clicked.connect(self._add_all)
        self.remove.clicked.connect(self._remove)

    def set_operation(self, operation_id: int | None) -> None:
        self._operation_id = operation_id
        if not self.groups.count():
            self._fill_options()
        self.reload()

    def _fill_options(self) -> None:
        options = run_query(self, self.tr("Urval"), self._services.operations.filter_options)
        if options is None:
            return
        groups, areas = options
        for widget, items in (
            (self.groups, [(g.label, g.id) for g in groups]),
            (self.areas, [(a, a) for a in areas]),
        ):
            blocked = widget.blockSignals(True)
            for text, key in items:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setCheckState(Qt.CheckState.Unchecked)
                widget.addItem(item)
            widget.blockSignals(blocked)

    def current_filter(self) -> TargetFilter:
        return TargetFilter(
            group_ids=frozenset(int(g) for g in _checked(self.groups)),  # type: ignore[call-overload]
            areas=frozenset(str(a) for a in _checked(self.areas)),
            statuses=frozenset(PersonStatus(s) for s in _checked(self.statuses)),  # type: ignore[arg-type]
            min_priority=self.priority.currentData(),
            not_visited_days=self.days.value() if self.not_visited.isChecked() else None,
            active_conflict_only=self.conflict.isChecked(),
            exclude_operation_id=self._operation_id,
        )

    def schedule_count(self) -> None:
        self._timer.start()

    def recount(self) -> None:
        found = run_query(
            self,
            self.tr("Urval"),
            lambda: self._services.operations.count_candidates(self.current_filter()),
        )
        if found is not None:
            self.count.setText(self.tr("%n personer matchar", "", found))
            self.add_all.setText(self.tr("Lägg till &alla %1").replace("%1", str(found)))

    def show_candidates(self) -> None:
        rows = run_query(
            self,
            self.tr("Urval"),
            lambda: self._services.operations.candidates(self.current_filter()),
        )
        if rows is not None:
            self.candidate_model.set_rows(rows)

    def reload(self) -> None:
        if self._operation_id is None:
            self.target_model.set_rows([])
            return
        op = self._operation_id
        rows = run_query(
            self, self.tr("Målpersoner"), lambda: self._services.operations.targets(op)
        )
        if rows is not None:
            self.target_model.set_rows(rows)
            self.targets_title.setText(self.tr("Målpersoner: %1").replace("%1", str(len(rows))))
        self.recount()

    def _selected(self, view: QTableView) -> list[int]:
        return sorted({index.row() for index in view.selectionModel().selectedRows()})

    def _add_selected(self) -> None:
        ids = [
            row.person_id
            for n in self._selected(self.candidates)
            if (row := self.candidate_model.row_at(n)) is not None
        ]
        if ids and self._operation_id is not None:
            op = self._operation_id
            self._apply(lambda: self._services.operations.add_targets(op, ids))

    def _add_all(self) -> None:
        if self._operation_id is not None:
            op, flt = self._operation_id, self.current_filter()
            self._apply(lambda: self._services.operations.add_filtered(op, flt))

    def _remove(self) -> None:
        ids = [
            row.person_id
            for n in self._selected(self.targets)
            if (row := self.target_model.row_at(n)) is not None
        ]
        if ids and self._operation_id is not None:
            op = self._operation_id
            self._apply(lambda: self._services.operations.remove_targets(op, ids))

    def _apply(self, action: Callable[[], Changes]) -> None:
        if run_change(self, self.tr("Målpersoner"), action, hub=self._hub) is not None:
            self.candidate_model.set_rows([])
