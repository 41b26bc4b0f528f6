"""The preview page: every row and problem, duplicate choices, the summary, the import."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.services.importing import ImportPreview, Resolution
from desktop.views.errors_text import interface_language
from desktop.views.importing.models import (
    MarkedCellDelegate,
    PreviewTableModel,
    ProblemListModel,
)

if TYPE_CHECKING:
    from desktop.views.importing.wizard import ImportWizard


class PreviewPage(QWizardPage):
    """Shows what would be imported; Importera stays disabled while anything blocks."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Granska och importera"))
        self.setSubTitle(
            self.tr(
                "Rader med fel måste rättas i filen. Läs sedan in den igen. "
                "För rader som liknar en befintlig person väljer du vad som ska göras."
            )
        )
        self.rows_model = PreviewTableModel(self)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setItemDelegate(MarkedCellDelegate(self.rows_view))
        self.rows_view.setAccessibleName(self.tr("Raderna i filen"))
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows_view.horizontalHeader().setDefaultSectionSize(110)
        self.rows_view.verticalHeader().setDefaultSectionSize(24)
        self.rows_view.setTabKeyNavigation(False)

        self.problems_model = ProblemListModel(self)
        self.problems_view = QListView()
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setItemDelegate(MarkedCellDelegate(self.problems_view))
        self.problems_view.setAccessibleName(self.tr("Problem i filen"))
        self.problems_view.activated.connect(self._jump)
        self.problems_view.clicked.connect(self._jump)
        problems_label = QLabel(self.tr("&Problem (klicka för att gå till cellen):"))
        problems_label.setBuddy(self.problems_view)

        self.duplicates = QTableWidget(0, 3)
        self.duplicates.setHorizontalHeaderLabels(
            [self.tr("Rad"), self.tr("I filen"), self.tr("Vad ska göras?")]
        )
        self.duplicates.verticalHeader().setVisible(False)
        # Tab moves on to the choice boxes instead of from cell to cell.
        self.duplicates.setTabKeyNavigation(False)
        self.duplicates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicates.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.duplicates_label = QLabel(self.tr("&Möjliga dubbletter av befintliga personer:"))
        self.duplicates_label.setBuddy(self.duplicates)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.reload_button = QPushButton(self.tr("&Läs in filen igen"))
        self.reload_button.clicked.connect(self._wizard.reload_file)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Förlopp"))

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(problems_label)
        left.addWidget(self.problems_view)
        right = QVBoxLayout()
        right.addWidget(self.duplicates_label)
        right.addWidget(self.duplicates)
        lower_layout.addLayout(left, 3)
        lower_layout.addLayout(right, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rows_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._busy = False

    # --- filling ----------------------------------------------------------------------
    def initializePage(self) -> None:
        self._wizard.start_preview()

    def set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.reload_button.setEnabled(not busy)
        self.duplicates.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
            self.summary.setText(text)
        self.completeChanged.emit()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def show_preview(self, preview: ImportPreview | None) -> None:
        table = self._wizard.table
        assert table is not None
        self.rows_model.set_preview(table, preview)
        self.problems_model.set_problems(preview.problems if preview else ())
        self._fill_duplicates(preview)
        self._update_summary()
        self.completeChanged.emit()

    def _fill_duplicates(self, preview: ImportPreview | None) -> None:
        candidates = preview.duplicates if preview else ()
        self.duplicates.setRowCount(len(candidates))
        self.duplicates_label.setVisible(bool(candidates))
        self.duplicates.setVisible(bool(candidates))
        rows = {row.row_number: row for row in preview.rows} if preview else {}
        lang = interface_language()
        for line, candidate in enumerate(candidates):
            self.duplicates.setItem(line, 0, QTableWidgetItem(str(candidate.row_number)))
            self.duplicates.setItem(line, 1, QTableWidgetItem(rows[candidate.row_number].full_name))
            combo = QComboBox()
            combo.addItem(self.tr("Välj…"), None)
            for match in candidate.matches:
                combo.addItem(
                    self.tr("Slå ihop med {label} ({reason})").format(
                        label=match.who_in(lang), reason=match.why_in(lang)
                    ),
                    (Resolution.MERGE, match.person_id),
                )
            combo.addItem(self.tr("Hoppa över raden"), (Resolution.SKIP, None))
            combo.addItem(self.tr("Skapa en ny person"), (Resolution.CREATE, None))
            combo.setAccessibleName(self.tr("Val för rad {row}").format(row=candidate.row_number))
            number = candidate.row_number
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=number: self._decide(n, c.currentData())
            )
            self.duplicates.setCellWidget(line, 2, combo)
        self.duplicates.resizeColumnsToContents()

    def choose(self, row_number: int, resolution: Resolution) -> None:
        """Pick ``resolution`` (the first match for a merge) for one duplicate row."""
        for line in range(self.duplicates.rowCount()):
            item = self.duplicates.item(line, 0)
            if item is not None and item.text() == str(row_number):
                combo = self.duplicates.cellWidget(line, 2)
                assert isinstance(combo, QComboBox)
                for i in range(combo.count()):
                    data = combo.itemData(i)
                    if data is not None and data[0] is resolution:
                        combo.setCurrentIndex(i)
                        return

    def _decide(self, row_number: int, choice: tuple[Resolution, object] | None) -> None:
        preview = self._wizard.preview
        if preview is None:
            return
        if choice is None:
            decisions = {k: v for k, v in preview.decisions.items() if k != row_number}
            preview = replace(preview, decisions=MappingProxyType(decisions))
        else:
            resolution, person_id = choice
            preview = preview.resolve(row_number, resolution, person_id)  # type: ignore[arg-type]
        self._wizard.preview = preview
        self.rows_model.update_decisions(preview)
        self._update_summary()
        self.completeChanged.emit()

    def _update_summary(self) -> None:
        preview = self._wizard.preview
        if preview is None:
            self.summary.setText(self.tr("Ingen förhandsgranskning ännu."))
            return
        counts = preview.counts
        text = (
            self.tr("%n rader:", "", counts.rows)
            + " "
            + self.tr("{ready} utan fel, {errors} med fel, {warnings} med varningar, ").format(
                ready=counts.ready, errors=counts.with_errors, warnings=counts.with_warnings
            )
            + self.tr("%n möjliga dubbletter", "", counts.possible_duplicates)
            + " "
            + self.tr("(%1 obesvarade).").replace("%1", str(counts.unresolved_duplicates))
        )
        if preview.has_blocking_errors:
            text += " " + self.tr("Importera är avstängt tills allt är åtgärdat.")
        else:
            text += " " + self.tr("Klart att importera.")
        self.summary.setText(text)

    def _jump(self, index: QModelIndex) -> None:
        location = self.problems_model.data(index, ProblemListModel.LOCATION_ROLE)
        if not location:
            return
        target = self.rows_model.index_of(*location)  # type: ignore[misc]
        if target.isValid():
            self.rows_view.setCurrentIndex(target)
            self.rows_view.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.rows_view.setFocus()

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        return not self._busy and preview is not None and not preview.has_blocking_errors

    def validatePage(self) -> bool:
        # The import runs in the background; the wizard closes itself when it is done.
        self._wizard.start_import()
        return False
