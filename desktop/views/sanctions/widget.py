"""A group's sanction periods, for the group profile to embed.

Usage (on the group profile)::

    widget = SanctionPeriodsWidget(services.engagement.sanctions, can_edit, hub=hub)
    widget.set_group(group_id)

Its changes are published to ``hub`` once, by the runner (no hub: nobody else hears them);
the widget shows them itself.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.engagement.rows import SanctionPeriodRow
from desktop.services.engagement.sanctions import SanctionService
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.callins.base_model import FrozenRowsModel
from desktop.views.callins.labels import tr
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import interface_language
from desktop.views.runner import run_change, run_query
from desktop.views.sanctions.dialogs import EndSanctionDialog, SanctionDialog
from desktop.views.widgets.dates import pydate

ACTIVE_BRUSH = QBrush(QColor("#8a1c1c"))


class SanctionColumn(enum.IntEnum):
    START = 0
    END = 1
    TRIGGER = 2
    MEASURES = 3
    END_REASON = 4


class SanctionTableModel(FrozenRowsModel[SanctionPeriodRow]):
    COLUMNS = SanctionColumn
    HEADERS = {
        SanctionColumn.START: QT_TRANSLATE_NOOP("Engagemang", "Start"),
        SanctionColumn.END: QT_TRANSLATE_NOOP("Engagemang", "Slut"),
        SanctionColumn.TRIGGER: QT_TRANSLATE_NOOP("Engagemang", "Utlösande händelse"),
        SanctionColumn.MEASURES: QT_TRANSLATE_NOOP("Engagemang", "Åtgärder"),
        SanctionColumn.END_REASON: QT_TRANSLATE_NOOP("Engagemang", "Skäl till avslut"),
    }

    def text(self, row: SanctionPeriodRow, column: Any) -> str:
        if column is SanctionColumn.END:
            return row.end_date.isoformat() if row.end_date else tr("pågår")
        return {
            SanctionColumn.START: row.start_date.isoformat(),
            SanctionColumn.TRIGGER: " ".join(row.trigger_event.split()),
            SanctionColumn.MEASURES: " ".join(row.measures.split()),
            SanctionColumn.END_REASON: row.end_reason,
        }[column]

    def extra(self, row: SanctionPeriodRow, column: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.active_on(dt.date.today()):
            return ACTIVE_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            SanctionColumn.TRIGGER,
            SanctionColumn.MEASURES,
        ):
            return row.trigger_event if column is SanctionColumn.TRIGGER else row.measures
        return None


class SanctionPeriodsWidget(QWidget):
    """List, start, edit, end and delete a group's sanction periods."""

    def __init__(
        self,
        service: SanctionService,
        can_edit: bool,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._hub = hub
        self._can_edit = can_edit
        self._group_id: int | None = None
        self.model = SanctionTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Sanktionsperioder"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton(self.tr("Ny &period…"))
        self.edit_button = QPushButton(self.tr("Redigera…"))
        self.end_button = QPushButton(self.tr("&Avsluta…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.new_button.clicked.connect(self.new_period)
        self.edit_button.clicked.connect(self.edit)
        self.end_button.clicked.connect(self.end)
        self.delete_button.clicked.connect(self.delete)
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.end_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        self._enable()

    def set_group(self, group_id: int | None) -> None:
        self._group_id = group_id
        self.reload()

    def reload(self) -> None:
        group_id = self._group_id
        rows = (
            run_query(self, self.tr("Sanktionsperioder"), lambda: self._service.periods(group_id))
            if group_id is not None
            else []
        )
        self.model.set_rows(rows or [])
        lang = interface_language()
        text = self._service.message(group_id, lang=lang) if group_id is not None and rows else ""
        self.message.setText(
            self.tr("Till uppföljande budskap: ") + text
            if text
            else self.tr("Ingen pågående sanktionsperiod.")
        )
        self._enable()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("sanction_period") or (
            self._group_id is not None and self._group_id in changes.ids_of("group")
        ):
            self.reload()

    def current(self) -> SanctionPeriodRow | None:
        return self.model.row_at(self.view.currentIndex().row())

    def _enable(self) -> None:
        has_group = self._group_id is not None
        self.new_button.setEnabled(self._can_edit and has_group)
        for button in (self.edit_button, self.end_button, self.delete_button):
            button.setEnabled(self._can_edit and bool(self.model.rows()))

    def _change(self, title: str, work: Callable[[], object]) -> None:
        """Runs a change through the runner; what it changed goes out once, then reload."""
        if run_change(self, title, work, hub=self._hub) is not None:
            self.reload()

    def new_period(self) -> None:
        """A new period for the group (not ``create``: that is QWidget's)."""
        group_id = self._group_id
        if group_id is None:
            return
        dialog = SanctionDialog(None, self)
        if dialog.exec():
            data = dialog.value()
            self._change(self.tr("Sanktionsperiod"), lambda: self._service.create(group_id, data))

    def edit(self) -> None:
        row = self.current()
        if row is None or not self._can_edit:
            return
        dialog = SanctionDialog(row.as_input(), self)
        if dialog.exec():
            data = dialog.value()
            self._change(
                self.tr("Sanktionsperiod"), lambda: self._service.update(row.id, row.version, data)
            )

    def end(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = EndSanctionDialog(self)
        if dialog.exec():
            day = pydate(dialog.end.date())
            reason = dialog.reason.text()
            self._change(
                self.tr("Avsluta sanktionsperiod"),
                lambda: self._service.end(row.id, row.version, day, reason),
            )

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort"), self.tr("Ta bort sanktionsperioden? Det går inte att ångra.")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change(self.tr("Ta bort"), lambda: self._service.delete(row.id, row.version))
