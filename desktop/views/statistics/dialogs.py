"""Dialogs of the statistics page: the persons behind a figure, the research export."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.statistics import PersonRef
from desktop.services.statistics.research import (
    PURPOSE_LABELS,
    REASON_LABELS,
    SUPPRESSION_RULE,
    ReasonCategory,
    ResearchPurpose,
)
from desktop.views.widgets.rows_model import Column, RowsTableModel


class PersonsBehindDialog(QDialog):
    """The persons behind a figure, with "Öppna profil" when a profile can be opened."""

    def __init__(
        self,
        title: str,
        persons: tuple[PersonRef, ...],
        total: int,
        open_person: Callable[[int], None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._open_person = open_person
        self.model: RowsTableModel[PersonRef] = RowsTableModel(
            [
                Column(self.tr("Namn"), lambda p: p.name),
                Column(self.tr("Födelseår"), lambda p: str(p.birth_year or "")),
            ]
        )
        self.model.set_rows(persons)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        shown = self.tr("%n personer", "", total)
        if total > len(persons):
            shown = self.tr("%n personer, de första %1 visas", "", total).replace(
                "%1", str(len(persons))
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Öppna profil"))
        self.open_button.setEnabled(open_person is not None and bool(persons))
        self.open_button.clicked.connect(self.open_selected)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(shown))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 480)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        person = self.model.row_at(rows[0].row() if rows else 0)
        if person is not None and self._open_person is not None:
            self._open_person(person.id)
            self.accept()


class ResearchExportDialog(QDialog):
    """Asks why (purpose and reason category), an optional reason text and an old key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forskningsuttag"))
        self.purpose = QComboBox()
        for purpose in ResearchPurpose:
            self.purpose.addItem(self.tr(PURPOSE_LABELS[purpose]), purpose)
        self.reason = QComboBox()
        for reason in ReasonCategory:
            self.reason.addItem(self.tr(REASON_LABELS[reason]), reason)
        self.reason_text = QPlainTextEdit()
        self.reason_text.setPlaceholderText(
            self.tr("Till exempel avtal eller diarienummer. Skrivs bara i uttagets README.")
        )
        self.reason_text.setMaximumHeight(80)
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("Tomt = ny nyckel (nya pseudonymer)"))
        rule = QLabel(self.tr(SUPPRESSION_RULE))
        rule.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Uttaget innehåller inga namn, personnummer, adresser eller fritext. "
                "Uttaget loggas med syfte och skäl."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Syfte"), self.purpose)
        form.addRow(self.tr("Skäl"), self.reason)
        form.addRow(self.tr("Motivering"), self.reason_text)
        form.addRow(self.tr("Tidigare nyckel"), self.key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Exportera …"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(buttons)
        self.resize(480, 380)

    def values(self) -> tuple[ResearchPurpose, ReasonCategory, str, str]:
        return (
            # Qt hands StrEnum data back as plain str.
            ResearchPurpose(self.purpose.currentData()),
            ReasonCategory(self.reason.currentData()),
            self.reason_text.toPlainText().strip(),
            self.key.text().strip(),
        )
