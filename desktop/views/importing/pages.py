"""The first two pages of the import wizard: choose the file, map its columns."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from desktop.services.importing import (
    FIELDS,
    TEMPLATE_COLUMNS,
    MappingPreset,
    resolve_mapping,
    write_template,
)
from desktop.views.runner import done, run_change, run_query

if TYPE_CHECKING:
    from desktop.views.importing.wizard import ImportWizard

_FIELD_HEADERS = {c.field: c.header for c in TEMPLATE_COLUMNS}
_FILE_FILTER = "Kalkylblad (*.xlsx *.csv *.txt);;Alla filer (*)"


class FilePage(QWizardPage):
    """Choose a CSV or XLSX file; the template can be saved from here."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Välj fil"))
        self.setSubTitle(
            self.tr(
                "Välj kartläggningslistan som ska importeras (XLSX eller CSV). "
                "Ingenting sparas förrän du har granskat listan och valt Importera."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Ingen fil vald"))
        label = QLabel(self.tr("&Fil:"))
        label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Välj fil…"))
        self.browse_button.clicked.connect(self._browse)
        self.template_button = QPushButton(self.tr("Spara &importmallen…"))
        self.template_button.clicked.connect(self._save_template)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        help_text = QLabel(
            self.tr(
                "Importmallen har kolumnerna Förnamn, Efternamn, Alias, Personnummer, "
                "Födelsedatum, Adress, Postnummer, Ort, Område, Gruppering, Roll, Telefon, "
                "Språk, Tolkbehov, Skyddad identitet, Kategori, Källa och Anteckning. "
                "Bara Förnamn och Efternamn måste finnas; andra rubriker kan kopplas för hand."
            )
        )
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addSpacing(12)
        layout.addWidget(help_text)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addStretch(1)
        layout.addLayout(template_row)
        layout.addStretch(1)

    def _say(self, text: str, _error: BaseException) -> None:
        self.status.setText(text)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Välj kartläggningslista"), "", self.tr(_FILE_FILTER)
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read ``path``; a file that cannot be read is explained under the field."""
        self.path_edit.setText(str(path))
        loaded = run_query(
            self,
            self.tr("Importera"),
            done(lambda: self._wizard.load_file(path)),
            refused=self._say,
        )
        if loaded is None:
            self.completeChanged.emit()
            return False
        table = self._wizard.table
        assert table is not None
        self.status.setText(
            self.tr("%n rader lästes", "", len(table.rows))
            + " "
            + self.tr("(%n kolumner).", "", len(table.headers))
        )
        self.completeChanged.emit()
        return True

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara importmallen"),
            "importmall-rondplan.xlsx",
            self.tr("Excel-arbetsbok (*.xlsx);;CSV (*.csv)"),
        )
        if not path:
            return
        try:
            write_template(path)
        except OSError:
            self.status.setText(self.tr("Mallen kunde inte sparas där. Välj en annan plats."))
        else:
            self.status.setText(self.tr("Importmallen sparades: {path}").format(path=path))

    def isComplete(self) -> bool:
        return self._wizard.table is not None


class MappingPage(QWizardPage):
    """Which column of the file fills which field; recognised headers are pre-filled."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Koppla kolumner"))
        self.setSubTitle(
            self.tr(
                "Kolumner med kända rubriker är redan kopplade. Välj fält för resten, "
                "eller Importeras inte. Spara kopplingen som kolumnmall för nästa lista."
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kolumn i filen"), self.tr("Exempel"), self.tr("Importeras som")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(2, 260)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preset_combo = QComboBox()
        self.preset_combo.setMinimumContentsLength(18)
        preset_label = QLabel(self.tr("&Kolumnmall:"))
        preset_label.setBuddy(self.preset_combo)
        self.apply_button = QPushButton(self.tr("&Använd"))
        self.apply_button.clicked.connect(self._apply_preset)
        self.save_button = QPushButton(self.tr("&Spara som kolumnmall…"))
        self.save_button.clicked.connect(self._save_preset)
        presets = QHBoxLayout()
        presets.addWidget(preset_label)
        presets.addWidget(self.preset_combo, 1)
        presets.addWidget(self.apply_button)
        presets.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(presets)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._combos: list[QComboBox] = []

    def _say(self, text: str, _error: BaseException) -> None:
        self.status.setText(text)

    def initializePage(self) -> None:
        self._fill(self._wizard.mapping)
        self._refresh_presets()

    def _refresh_presets(self) -> None:
        self.preset_combo.clear()
        names = self._wizard.transfer.presets.names()
        self.preset_combo.addItems(names)
        self.preset_combo.setEnabled(bool(names))
        self.apply_button.setEnabled(bool(names))

    def _fill(self, mapping: dict[str, str | None]) -> None:
        table = self._wizard.table
        assert table is not None
        self.table.setRowCount(len(table.headers))
        self._combos = []
        for row, header in enumerate(table.headers):
            example = next((r[row] for r in table.rows if r[row].strip()), "")
            self.table.setItem(row, 0, QTableWidgetItem(header))
            self.table.setItem(row, 1, QTableWidgetItem(example[:80]))
            combo = QComboBox()
            combo.addItem(self.tr("– Importeras inte –"), None)
            for name in FIELDS:
                combo.addItem(_FIELD_HEADERS[name], name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header))))
            combo.setAccessibleName(self.tr("Fält för kolumnen {header}").format(header=header))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 2, combo)
            self._combos.append(combo)
        self._changed()

    def current_mapping(self) -> dict[str, str | None]:
        table = self._wizard.table
        assert table is not None
        return {h: c.currentData() for h, c in zip(table.headers, self._combos, strict=True)}

    def _changed(self) -> None:
        mapping = self.current_mapping()
        self._wizard.mapping = mapping
        table = self._wizard.table
        assert table is not None
        resolved = resolve_mapping(table.headers, mapping)
        messages = []
        if resolved.missing_required:
            missing = ", ".join(_FIELD_HEADERS[f] for f in resolved.missing_required)
            messages.append(self.tr("Koppla en kolumn till: {fields}.").format(fields=missing))
        for name, headers in resolved.conflicts.items():
            messages.append(
                self.tr("{field} är kopplat till flera kolumner: {headers}.").format(
                    field=_FIELD_HEADERS[name], headers=", ".join(headers)
                )
            )
        self.status.setText(" ".join(messages) or self.tr("Kopplingen är klar."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        table = self._wizard.table
        if table is None:
            return False
        resolved = resolve_mapping(table.headers, self._wizard.mapping)
        return not resolved.missing_required and not resolved.conflicts

    def _apply_preset(self) -> None:
        name = self.preset_combo.currentText()
        if not name:
            return
        presets = self._wizard.transfer.presets
        preset = run_query(
            self, self.tr("Kolumnmall"), lambda: presets.load(name), refused=self._say
        )
        if preset is None:
            return
        table = self._wizard.table
        assert table is not None
        resolved = resolve_mapping(table.headers, preset.mapping)
        merged: dict[str, str | None] = {h: None for h in table.headers}
        for name_, index in resolved.columns.items():
            merged[table.headers[index]] = name_
        self._fill(merged)

    def _save_preset(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Spara kolumnmall"), self.tr("Namn på kolumnmallen:")
        )
        if ok and name.strip():
            self.save_preset(name.strip())

    def save_preset(self, name: str) -> None:
        presets, preset = self._wizard.transfer.presets, MappingPreset(name, self.current_mapping())

        def not_saved(message: str, _error: BaseException | None = None) -> None:
            self.status.setText(self.tr("Kolumnmallen sparades inte: {m}").format(m=message))

        try:
            saved = run_change(
                self, self.tr("Kolumnmall"), done(lambda: presets.save(preset)), refused=not_saved
            )
        except OSError as error:  # the file system's own words (a full disk, no rights)
            not_saved(str(error))
            return
        if saved is None:
            return
        self._refresh_presets()
        self.preset_combo.setCurrentText(name)
        self.status.setText(self.tr("Kolumnmallen {name} sparades.").format(name=name))
