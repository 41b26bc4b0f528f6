"""The page list on the left of the main window."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop.views.shell.pages import PageSpec

ICONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"
_KEY_ROLE = Qt.ItemDataRole.UserRole


def load_icon(name: str | None) -> QIcon:
    """Returns ``resources/icons/<name>.svg`` (or ``.png``), else the desktop theme's icon."""
    if not name:
        return QIcon()
    for suffix in (".svg", ".png"):
        path = ICONS_DIR / f"{name}{suffix}"
        if path.is_file():
            return QIcon(str(path))
    return QIcon.fromTheme(name)


class NavigationList(QListWidget):
    """Lists the pages; the arrow keys and Home/End move, selecting emits the key."""

    page_selected = Signal(str)

    def __init__(self, pages: Sequence[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Navigering"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(QSize(20, 20))
        self.set_pages(pages)
        self.currentItemChanged.connect(self._on_current_changed)

    def set_pages(self, pages: Sequence[PageSpec]) -> None:
        """Lists ``pages`` instead of the current ones (no page is selected after)."""
        self.blockSignals(True)
        self.clear()
        for spec in pages:
            item = QListWidgetItem(load_icon(spec.icon), spec.title)
            item.setData(_KEY_ROLE, spec.key)
            if spec.shortcut:
                item.setToolTip(f"{spec.title} ({spec.shortcut})")
            self.addItem(item)
        self.blockSignals(False)
        # Wide enough for the longest title in the current font, never cramped.
        self.setFixedWidth(max(180, self.sizeHintForColumn(0) + 40))

    def _on_current_changed(self, current: QListWidgetItem | None, _: object) -> None:
        if current is not None:
            self.page_selected.emit(current.data(_KEY_ROLE))

    def select_key(self, key: str) -> None:
        """Makes page ``key`` current (emits ``page_selected`` if it changes)."""
        for row in range(self.count()):
            if self.item(row).data(_KEY_ROLE) == key:
                self.setCurrentRow(row)
                return
        raise KeyError(key)

    def set_titles(self, titles: dict[str, str]) -> None:
        """Renames pages after a language switch; keys not given keep their title."""
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(_KEY_ROLE)
            if key in titles:
                item.setText(titles[key])
