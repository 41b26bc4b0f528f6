"""Merge two records of the same person: choose which one to keep, then confirm."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import PersonRow
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change


def _describe(row: PersonRow) -> str:
    born = row.birth_date.isoformat() if row.birth_date else "–"
    return f"{row.full_name}, {born}, {row.identity_masked or '–'} ({row.groups or '–'})"


class MergeDialog(QDialog):
    """Everything of the other record moves to the kept one; nothing is deleted."""

    def __init__(
        self,
        mapping: MappingServices,
        first: PersonRow,
        second: PersonRow,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._hub = hub  # the runner publishes the merge there, once
        self._rows = (first, second)
        self.changes = Changes()
        self.setWindowTitle(self.tr("Slå ihop personer"))
        self.keep_first = QRadioButton(_describe(first))
        self.keep_second = QRadioButton(_describe(second))
        self.keep_first.setChecked(True)
        explanation = QLabel(
            self.tr(
                "Välj vilken post som ska behållas. Adresser, anhöriga, kopplingar, besök, "
                "delgivningar, kallelser, stödinsatser, uppföljningar och anteckningar flyttas "
                "dit. Den andra posten finns kvar som hänvisning och syns inte i listor."
            )
        )
        explanation.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a11;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Slå ihop"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Behåll:")))
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addWidget(explanation)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def merge(self) -> None:
        keep, drop = self._rows if self.keep_first.isChecked() else self._rows[::-1]
        mapping = self._mapping
        # The versions listed: a record changed meanwhile is refused (ConflictError).
        changes = run_change(
            self,
            self.windowTitle(),
            lambda: mapping.merge(keep.id, drop.id, keep.version, drop.version),
            hub=self._hub,
            refused=lambda text, _error: self.error.setText(text),
        )
        if changes is not None:
            self.changes = changes
            self.accept()
