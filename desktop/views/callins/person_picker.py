"""Pick persons by typing a name: the mapping's search, a page of matches, checkable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.services.mapping.rows import PersonFilter, PersonRow, PersonSort

# (filter, sort, descending, offset, limit) -> rows, as PersonService.page
PersonSource = Callable[[PersonFilter, PersonSort, bool, int, int], list[PersonRow]]
LIMIT = 50


class PersonPicker(QWidget):
    """A search field over a list; ``multiple`` lets the user tick several persons."""

    def __init__(
        self, source: PersonSource, multiple: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._multiple = multiple
        self._checked: dict[int, str] = {}
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök namn eller alias…"))
        self.search.setAccessibleName(self.tr("Sök person"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Personer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.results.itemChanged.connect(self._item_changed)
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text().strip()
        sort = PersonSort.RELEVANCE if text else PersonSort.NAME
        rows = self._source(PersonFilter(text=text), sort, False, 0, LIMIT)
        self.results.blockSignals(True)
        self.results.clear()
        for row in rows:
            # The birth date tells apart two persons of the same name.
            born = f" ({row.birth_date:%Y-%m-%d})" if row.birth_date else ""
            item = QListWidgetItem(f"{row.last_name}, {row.first_name}{born}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if self._multiple:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = row.id in self._checked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.results.addItem(item)
        self.results.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        pid = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._checked[pid] = item.text()
        else:
            self._checked.pop(pid, None)

    def chosen_ids(self) -> list[int]:
        """Ticked persons (several), or the selected one (single)."""
        if self._multiple:
            return sorted(self._checked)
        item = self.results.currentItem()
        return [int(item.data(Qt.ItemDataRole.UserRole))] if item is not None else []
