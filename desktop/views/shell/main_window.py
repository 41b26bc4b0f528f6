"""The main window: navigation, lazily built pages, menus and status line.

It only assembles what the composition root hands it; it knows no page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QStackedWidget, QWidget

from desktop.views.shell.navigation import NavigationList
from desktop.views.shell.pages import PageSpec, StatusInfo
from desktop.views.shell.status_bar import ShellStatusBar

# Language names are written in their own language, never translated.
_LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


class MainWindow(QMainWindow):
    """Rondplan's main window.

    Args:
        pages: Pages in navigation order; each is built on first show.
        status: What the status bar shows.
        parent: Optional parent widget.
    """

    lock_requested = Signal()
    quit_requested = Signal()
    language_changed = Signal(str)
    theme_changed = Signal(str)
    page_changed = Signal(str)
    first_painted = Signal()

    def __init__(
        self,
        pages: Sequence[PageSpec],
        status: StatusInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._specs, self._order = _checked(pages)
        self._built: dict[str, QWidget] = {}
        self._file_actions: list[QAction] = []
        self._current = ""
        self._painted = False

        self._navigation = NavigationList(pages)
        self._stack = QStackedWidget()
        self._stack.setObjectName("pages")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._navigation)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        self._status_bar = ShellStatusBar(status)
        self.setStatusBar(self._status_bar)
        self._build_actions()
        self._build_menus()
        self._retranslate()

        self._navigation.page_selected.connect(self.show_page)
        self.resize(1200, 780)
        self._navigation.select_key(self._order[0])
        self._navigation.setFocus()

    # --- actions and menus -------------------------------------------------

    def _build_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self._on_quit)

        self._language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in _LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            self._language_group.addAction(action)
            self.language_actions[code] = action
        self._language_group.triggered.connect(lambda a: self.language_changed.emit(a.data()))

        self._theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for mode in ("light", "dark"):
            action = QAction(self, checkable=True)
            action.setData(mode)
            self._theme_group.addAction(action)
            self.theme_actions[mode] = action
        self._theme_group.triggered.connect(lambda a: self.theme_changed.emit(a.data()))

        self.page_actions: dict[str, QAction] = {}
        self._build_page_actions()

    def _build_page_actions(self) -> None:
        for action in self.page_actions.values():
            action.deleteLater()
        self.page_actions = {}
        for key in self._order:
            spec = self._specs[key]
            action = QAction(spec.title, self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.page_actions[key] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._file_menu = QMenu(self)
        self._file_menu.addAction(self.lock_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.quit_action)
        self._go_menu = QMenu(self)
        self._go_menu.addActions(list(self.page_actions.values()))
        self._view_menu = QMenu(self)
        self._language_menu = self._view_menu.addMenu("")
        self._language_menu.addActions(list(self.language_actions.values()))
        self._theme_menu = self._view_menu.addMenu("")
        self._theme_menu.addActions(list(self.theme_actions.values()))
        for menu in (self._file_menu, self._go_menu, self._view_menu):
            bar.addMenu(menu)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rondplan"))
        self._file_menu.setTitle(self.tr("&Arkiv"))
        self._go_menu.setTitle(self.tr("&Gå till"))
        self._view_menu.setTitle(self.tr("&Visa"))
        self._language_menu.setTitle(self.tr("Språk"))
        self._theme_menu.setTitle(self.tr("Tema"))
        self.lock_action.setText(self.tr("&Lås"))
        self.lock_action.setToolTip(self.tr("Lås Rondplan tills du loggar in igen"))
        self.quit_action.setText(self.tr("&Avsluta"))
        self.theme_actions["light"].setText(self.tr("Ljust"))
        self.theme_actions["dark"].setText(self.tr("Mörkt"))
        self._status_bar.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # What is not needed to see the window waits for this (e.g. input watching).
            self._painted = True
            self.first_painted.emit()

    def _on_quit(self) -> None:
        self.quit_requested.emit()
        self.close()

    # --- pages -------------------------------------------------------------

    def add_file_action(self, action: QAction) -> None:
        """Adds a command (e.g. printing) to the Arkiv menu, above Lås."""
        self._file_menu.insertAction(self.lock_action, action)
        self.addAction(action)  # its shortcut works wherever the focus is
        self._file_actions.append(action)

    def set_file_actions(self, actions: Sequence[QAction]) -> None:
        """Replaces the commands added with ``add_file_action`` (after a role change)."""
        for old in self._file_actions:
            self._file_menu.removeAction(old)
            self.removeAction(old)
        self._file_actions = []
        for action in actions:
            self.add_file_action(action)

    def file_actions(self) -> list[QAction]:
        """The commands added to the Arkiv menu, in order."""
        return list(self._file_actions)

    def set_pages(self, pages: Sequence[PageSpec]) -> None:
        """Replaces the pages (after a role change): built pages are dropped, the
        navigation and the "Gå till" menu rebuilt, and the page shown kept if it is
        still there (built afresh), else the first page shown."""
        specs, order = _checked(pages)
        current = self._current
        for widget in self._built.values():
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._built = {}
        self._specs, self._order = specs, order
        self._current = ""
        self._build_page_actions()
        self._go_menu.clear()
        self._go_menu.addActions(list(self.page_actions.values()))
        self._navigation.set_pages(pages)
        self.show_page(current if current in specs else order[0])

    def show_page(self, key: str) -> None:
        """Shows page ``key``, building it the first time."""
        spec = self._specs[key]
        widget = self._built.get(key)
        if widget is None:
            widget = spec.factory()
            widget.setObjectName(widget.objectName() or f"page_{key}")
            self._built[key] = widget
            self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)
        if self._current != key:
            self._current = key
            # Keep the list in step when a shortcut, not a click, chose the page.
            self._navigation.blockSignals(True)
            self._navigation.select_key(key)
            self._navigation.blockSignals(False)
            self.page_changed.emit(key)

    def current_page_key(self) -> str:
        """Returns the key of the page shown."""
        return self._current

    def page_widget(self, key: str) -> QWidget | None:
        """Returns page ``key``'s widget, or None if it was never shown."""
        return self._built.get(key)

    def page_keys(self) -> list[str]:
        """Returns the page keys in navigation order."""
        return list(self._order)

    def set_page_titles(self, titles: Mapping[str, str]) -> None:
        """Renames pages (navigation and "Gå till" menu) after a language switch."""
        self._navigation.set_titles(dict(titles))
        for key, title in titles.items():
            if key in self.page_actions:
                self.page_actions[key].setText(title)

    # --- status and choices ------------------------------------------------

    def set_status(self, status: StatusInfo) -> None:
        """Replaces what the status bar shows."""
        self._status_bar.set_status(status)

    def set_language(self, lang: str) -> None:
        """Ticks ``lang`` in the language menu without emitting ``language_changed``."""
        self.language_actions[lang].setChecked(True)

    def set_theme(self, mode: str) -> None:
        """Ticks ``mode`` in the theme menu without emitting ``theme_changed``."""
        self.theme_actions[mode].setChecked(True)


def _checked(pages: Sequence[PageSpec]) -> tuple[dict[str, PageSpec], list[str]]:
    if not pages:
        raise ValueError("MainWindow needs at least one page")
    keys = [p.key for p in pages]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate page keys in {keys}")
    return {p.key: p for p in pages}, keys
