"""The administrator's editor for programme texts; each save is a new version."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.briefing import TemplateService
from desktop.services.briefing.templates import LETTER_CONTACT, TITLES, TemplateRow
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change


class TemplateEditorDialog(QDialog):
    """Signals:
    saved(object): the ``Changes`` of a saved version, for the owner to show it; the
        runner has already published them to ``hub`` (the owner hands nothing on).
    """

    saved = Signal(object)

    def __init__(
        self,
        templates: TemplateService,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._templates = templates
        self._hub = hub
        self._rows: list[TemplateRow] = []
        self.setWindowTitle(self.tr("Mallar för utskrifter"))
        self.resize(820, 520)
        self.keys = QListWidget()
        self.keys.setAccessibleName(self.tr("Mallar"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Mallens text"))
        self.version = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Spara ny version"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)

        right = QVBoxLayout()
        right.addWidget(self.version)
        right.addWidget(self.body, 1)
        right.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.keys, 1)
        row.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.keys.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        current = max(self.keys.currentRow(), 0)
        self._rows = self._templates.current()
        self.keys.blockSignals(True)
        self.keys.clear()
        for row in self._rows:
            self.keys.addItem(TITLES.get(row.key, row.key))
        self.keys.blockSignals(False)
        self.keys.setCurrentRow(min(current, len(self._rows) - 1))
        self._show(self.keys.currentRow())

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        self.body.setPlainText(row.body)
        if row.version == 0:
            self.version.setText(self.tr("Standardtext (inte sparad ännu)"))
        else:
            text = self.tr("Version %1, sparad %2")
            self.version.setText(
                text.replace("%1", str(row.version)).replace(
                    "%2", f"{row.created_at:%Y-%m-%d %H:%M}"
                )
            )
        self.message.clear()
        if row.key == LETTER_CONTACT:
            # The letter's contact line: who fills the fields (issue 18).
            self.message.setText(
                self.tr(
                    "{namn}, {roll} och {telefon} fylls i med programmets samordnare "
                    "(den första aktiva samordnaren med ett telefonnummer). Skriv en rad "
                    "utan dem för att ange ett eget nummer."
                )
            )

    def current_key(self) -> str | None:
        index = self.keys.currentRow()
        return self._rows[index].key if 0 <= index < len(self._rows) else None

    def save(self) -> None:
        key = self.current_key()
        if key is None:
            return
        templates, body = self._templates, self.body.toPlainText()
        changes = run_change(
            self,
            self.tr("Mallar"),
            lambda: templates.edit(key, body),
            hub=self._hub,
            refused=lambda text, _error: self.message.setText(text),
        )
        if changes is None:
            return
        self.saved.emit(changes)
        self.reload()
        self.message.setText(self.tr("Ny version sparad."))
