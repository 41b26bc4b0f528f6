"""What must be re-examined: persons and group links whose review date has come."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import ReviewItem, ReviewKind
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.runner import run_change
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table

# "Keep" sets the next review half a year ahead; ending a link is done on the profile.
KEEP_DAYS = 182


class ReviewPage(QWidget):
    person_opened = Signal(int)

    def __init__(  # type: ignore[no-untyped-def]
        self, mapping: MappingServices, parent=None, *, hub: ChangesHub | None = None
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._hub = hub_or_own(hub, self.apply_changes)
        self.model = RowsTableModel[ReviewItem](
            [
                Column(self.tr("Omprövas"), lambda i: i.review_date.isoformat()),
                Column(
                    self.tr("Gäller"),
                    lambda i: (
                        self.tr("Person")
                        if i.kind is ReviewKind.PERSON
                        else self.tr("Koppling till %1").replace("%1", i.group_name or "")
                    ),
                ),
                Column(self.tr("Person"), lambda i: i.person_name),
                Column(self.tr("Källa"), lambda i: i.source or ""),
            ],
            self,
        )
        self.table = compact_table(self.model, self.tr("Att ompröva"))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.summary = QLabel()
        self.keep_button = QPushButton(self.tr("&Behåll i ett halvår till"))
        self.keep_button.setVisible(
            allowed(mapping.persons.store.identity.role, Action.PERSON_EDIT)
        )
        self.keep_button.clicked.connect(self.keep_selected)
        self.open_button = QPushButton(self.tr("&Öppna person"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex().row()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Ingen ska stå kvar i kartläggningen utan skäl. Pröva varje post: "
                    "behåll med nytt omprövningsdatum, eller avsluta kopplingen på profilen."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        items = self._mapping.review.due()
        self.model.set_rows(items)
        self.summary.setText(self.tr("%n att ompröva", "", len(items)))

    def _open(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.person_opened.emit(item.person_id)

    def keep_selected(self) -> None:
        item = self.model.row_at(self.table.currentIndex().row())
        if item is None:
            return
        review, until = self._mapping.review, dt.date.today() + dt.timedelta(days=KEEP_DAYS)
        kept = run_change(
            self,
            self.tr("Behåll"),
            lambda: review.mark_reviewed(item.kind, item.object_id, until),
            hub=self._hub,
            refused=lambda text, _error: self.summary.setText(text),
        )
        if kept is not None:
            self.reload()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("person", "group"):
            self.reload()
