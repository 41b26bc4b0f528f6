"""The network picture with its print button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.views.groups.network_view import NetworkView


class NetworkPage(QWidget):
    back_requested = Signal()
    group_opened = Signal(int)

    def __init__(self, mapping: MappingServices, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._mapping = mapping
        self.view = NetworkView()
        self.view.group_clicked.connect(self.group_opened)
        self.hint = QLabel(self.tr("Klicka på en gruppering för att öppna den."))
        self.print_button = QPushButton(self.tr("&Skriv ut till PDF…"))
        self.print_button.clicked.connect(self._print)
        self.back_button = QPushButton(self.tr("&Tillbaka"))
        self.back_button.clicked.connect(self.back_requested)
        self.escape_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.view.show_network(self._mapping.groups.network())

    def print_to(self, path: Path) -> None:
        self.view.print_to_pdf(path, self.tr("Grupperingar: konflikter och allianser"))

    def _print(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara nätverksbild"), "natverk.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.print_to(Path(name))

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("group"):
            self.reload()
