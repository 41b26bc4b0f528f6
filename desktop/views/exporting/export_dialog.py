"""Export persons or groups to XLSX or CSV: a sensitive, audited action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.security.reauth import Reauthentication
from desktop.services.transfer import ExportResult, ExportService
from desktop.views.runner import run_change


class ExportDialog(QDialog):
    """Choose what to export and where; personal numbers only when asked for."""

    def __init__(
        self, exports: ExportService, reauth: Reauthentication, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._exports = exports
        self._reauth = reauth
        self.result_value: ExportResult | None = None
        self.setWindowTitle(self.tr("Exportera"))
        self.persons = QRadioButton(self.tr("&Personer"))
        self.groups = QRadioButton(self.tr("&Grupperingar"))
        self.persons.setChecked(True)
        self.with_numbers = QCheckBox(self.tr("Ta med &personnummer"))
        self.persons.toggled.connect(self.with_numbers.setEnabled)
        note = QLabel(
            self.tr(
                "Exporten innehåller bara det din roll får se. Adresser till personer med "
                "skyddad identitet och myndigheternas anteckningar exporteras aldrig. "
                "Exporten loggas, och du kan behöva ange ditt lösenord igen."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Vad:"), self.persons)
        form.addRow("", self.groups)
        form.addRow("", self.with_numbers)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Exportera…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def export(self, path: Path | None = None) -> None:
        """Ask for the file (unless given), export, and tell the user what was written."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Spara export"),
                "personer.xlsx" if self.persons.isChecked() else "grupperingar.xlsx",
                self.tr("Excel-arbetsbok (*.xlsx);;CSV, semikolonavgränsad (*.csv)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        target = path
        if self.persons.isChecked():
            numbers = self.with_numbers.isChecked()
            result = run_change(
                self,
                self.tr("Exportera"),
                lambda: self._exports.export_persons(target, numbers),
                reauth=self._reauth,
            )
        else:
            result = run_change(
                self,
                self.tr("Exportera"),
                lambda: self._exports.export_groups(target),
                reauth=self._reauth,
            )
        if result is None:
            return
        self.result_value = result
        QMessageBox.information(
            self,
            self.tr("Exporten är klar"),
            self.tr("%n rader sparades i %1.", "", result.rows).replace("%1", str(result.path)),
        )
        self.accept()
