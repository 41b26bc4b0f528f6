"""A print preview: the generated PDF on screen, with Print, Save as… and Close.

A printout holds secret data and the database is the only place on disk where that
data is encrypted, so the PDF is never written to disk for the preview: the report
is rendered into memory on the worker thread (``build_in_memory``), QtPdf reads it
from a ``QBuffer``, and printing renders each page with ``QPdfDocument.render`` into
the printer's painter. Only "Spara som…" writes a file, at the place the user chose.
Every print and every save is logged with the serial through
``on_output(serial, "printer" | "save")``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.briefing.printing import PrintResult

OutputLogger = Callable[[str, str], object]


@dataclass(frozen=True)
class BuiltPdf:
    """A finished print: the service's result and the PDF's bytes (never on disk)."""

    result: PrintResult
    pdf: bytes


def build_in_memory(job: Callable[[IO[bytes]], PrintResult]) -> BuiltPdf:
    """Run a print service call that renders into ``out`` and keep the PDF in memory.

    Meant to run on a worker thread; if the build fails nothing is left behind.
    """
    buffer = io.BytesIO()
    result = job(buffer)
    return BuiltPdf(result, buffer.getvalue())


class PrintPreviewDialog(QDialog):
    """Shows one generated PDF until the user prints it, saves it or closes."""

    def __init__(
        self,
        pdf: bytes,
        serial: str,
        on_output: OutputLogger,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._serial = serial
        self._on_output = on_output
        self.setWindowTitle(title or self.tr("Förhandsgranskning"))
        self.resize(860, 980)

        # QPdfDocument reads from the device lazily: the buffer and its byte array
        # must live as long as the document, so both are kept on the dialog.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Förhandsgranskning av utskriften"))

        pages = self.document.pageCount()
        self.info = QLabel(
            self.tr("Utskrift nr %1 · %2 sidor").replace("%1", serial).replace("%2", str(pages))
        )
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.save_button = QPushButton(self.tr("Spara som…"))
        self.print_button.setDefault(True)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    @property
    def serial(self) -> str:
        return self._serial

    # -- Print -------------------------------------------------------------------
    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"Rondplan {self._serial}")
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render the chosen pages into ``printer`` and log the print."""
        count = self.document.pageCount()
        first, last = printer.fromPage() or 1, printer.toPage() or count
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Skrivaren kunde inte startas."))
            return
        try:
            for index in range(first - 1, min(last, count)):
                if index > first - 1:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(index)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(index, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        self._on_output(self._serial, "printer")

    # -- Save --------------------------------------------------------------------
    def ask_save(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara utskriften"),
            f"{self._serial}.pdf",
            self.tr("PDF-dokument (*.pdf)"),
        )
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        """Write the PDF to ``target`` (the user's choice) and log the save."""
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self._pdf)
        except OSError:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Filen kunde inte sparas. Välj en annan plats.")
            )
            return
        self._on_output(self._serial, "save")

    # -- Close -------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.document.close()
        self._buffer.close()
        super().done(result)

    def sizeHint(self) -> QSize:
        return QSize(860, 980)
