"""Import a police list of incidents (CSV or XLSX) under the importer's rules (issue 20):
a dry run first, every row's problems listed, then all rows or none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import words
from desktop.services.changes import Changes
from desktop.services.incidents.importer import IncidentImporter
from desktop.services.incidents.rows import IncidentImportReport
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import interface_language
from desktop.views.runner import run_change

COLUMNS = (
    "diarienummer, typ, säkerhet, datum, tid, område, skadade, döda, misstänkt grupp, "
    "drabbad grupp, beskrivning"
)


def row_words(code: str) -> str:
    """The words for one row's problem (row codes carry no parameters)."""
    try:
        return words(code, {}, interface_language())
    except (KeyError, IndexError):
        return code


class IncidentImportDialog(QDialog):
    """Choose the file, check it (nothing saved), import it (all rows or none)."""

    def __init__(
        self,
        importer: IncidentImporter,
        hub: ChangesHub | None = None,
        ask_path: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._hub = hub  # the runner publishes each change there, once
        self._ask_path = ask_path or self._ask
        self.report: IncidentImportReport | None = None
        self.setWindowTitle(self.tr("Importera händelser"))
        self.setMinimumSize(640, 420)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Fil att importera"))
        self.browse = QPushButton(self.tr("&Välj fil…"))
        self.browse.clicked.connect(self._browse)
        self.columns = QLabel(self.tr("Kolumner: %1").replace("%1", COLUMNS))
        self.columns.setWordWrap(True)
        self.check_button = QPushButton(self.tr("&Provkör"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(self.tr("&Importera"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.clicked.connect(self.reject)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Resultat"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problem per rad"))
        for button in (self.browse, self.check_button, self.import_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.path.textChanged.connect(lambda _t: self.import_button.setEnabled(False))
        chooser = QHBoxLayout()
        chooser.addWidget(self.path, 1)
        chooser.addWidget(self.browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.path.setFocus()

    def _ask(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Välj händelselista"), "", self.tr("Listor (*.csv *.xlsx)")
        )
        return name

    def _browse(self) -> None:
        name = self._ask_path()
        if name:
            self.path.setText(name)

    def run(self, *, dry_run: bool) -> None:
        path = Path(self.path.text().strip())
        importer = self._importer

        def work() -> tuple[IncidentImportReport, Changes]:
            report = importer.import_file(path, dry_run=dry_run)
            changed = report.created and not report.dry_run
            kinds = frozenset({"incident"}) if changed else frozenset()
            return report, Changes("Importera händelser", kinds)

        result = run_change(
            self,
            self.tr("Importera händelser"),
            work,
            hub=self._hub,
            refused=lambda text, _e: self.summary.setText(text),
        )
        if result is not None:
            self.show_report(result[0])

    def show_report(self, report: IncidentImportReport) -> None:
        self.report = report
        self.problems.clear()
        for error in report.errors:
            self.problems.addItem(
                self.tr("Rad %1, %2: %3")
                .replace("%1", str(error.row))
                .replace("%2", error.where)
                .replace("%3", row_words(error.code))
            )
        if report.errors:
            self.summary.setText(
                self.tr(
                    "%1 rader, %2 med problem: inget importerades. Rätta filen och försök igen."
                )
                .replace("%1", str(report.rows))
                .replace("%2", str(len({e.row for e in report.errors})))
            )
            self.import_button.setEnabled(False)
        elif report.dry_run:
            self.summary.setText(
                self.tr("%1 rader utan problem. Tryck Importera för att spara alla.").replace(
                    "%1", str(report.rows)
                )
            )
            self.import_button.setEnabled(True)
        else:
            self.summary.setText(
                self.tr("%1 händelser importerades.").replace("%1", str(report.created))
            )
            self.import_button.setEnabled(False)
