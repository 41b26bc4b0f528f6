"""The person list: search as you type, filters, sortable and choosable columns."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Category, PersonStatus
from desktop.services.changes import Changes
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import PersonFilter, RiskRole
from desktop.services.mapping.search import SEARCH_POOL
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.persons.labels import label
from desktop.views.persons.table_model import PersonColumn, PersonTableModel

# One audit entry per settled search, not one per keystroke.
SEARCH_AUDIT_DELAY_MS = 1500
HEADER_STATE_KEY = "persons/header_state"


class PersonTableView(QTableView):
    """Enter opens the selected person (as a double click does)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class PersonsPage(QWidget):
    """Search and filter the mapped persons; open, create, edit and merge them.

    Args:
        mapping: The mapping services.
        settings: Where the chosen columns are remembered (QSettings), or None.
    """

    person_opened = Signal(int)

    def __init__(
        self,
        mapping: MappingServices,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        # Saves publish here through the runner; the page hears them like every page.
        self._hub = hub_or_own(hub, self.apply_changes)
        self._settings = settings
        role = mapping.persons.store.identity.role
        self._may_edit = allowed(role, Action.PERSON_EDIT)
        self._may_merge = allowed(role, Action.PERSON_MERGE)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök namn, alias eller personnummer (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Sök person"))
        self.search.setClearButtonEnabled(True)
        self.group_filter = self._combo(self.tr("Alla grupperingar"), self.tr("Gruppering"))
        for group in mapping.groups.list():
            self.group_filter.addItem(group.name, group.id)
        self.area_filter = self._combo(self.tr("Alla områden"), self.tr("Område"))
        for area in mapping.persons.areas():
            self.area_filter.addItem(area, area)
        self.status_filter = self._combo(self.tr("Alla statusar"), self.tr("Status"))
        for status in PersonStatus:
            self.status_filter.addItem(label(status), status)
        self.category_filter = self._combo(self.tr("Alla kategorier"), self.tr("Kategori"))
        for category in Category:
            self.category_filter.addItem(label(category), category)
        self.risk_filter = self._combo(self.tr("Alla riskroller"), self.tr("Riskroll"))
        for risk in RiskRole:
            self.risk_filter.addItem(label(risk), risk)
        self.review_filter = QCheckBox(self.tr("Att o&mpröva"))
        self.follow_up_filter = QCheckBox(self.tr("Öppen &uppföljning"))

        self.model = PersonTableModel(self._fetch, parent=self)
        self.table = PersonTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Personer"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSortIndicator(PersonColumn.NAME, Qt.SortOrder.AscendingOrder)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column, width in (
            (PersonColumn.NAME, 220),
            (PersonColumn.ALIASES, 140),
            (PersonColumn.IDENTITY, 140),
            (PersonColumn.STATUS, 120),
            (PersonColumn.AREA, 120),
            (PersonColumn.GROUPS, 160),
        ):
            header.resizeSection(column, width)
        self.table.activated_row.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))

        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("&Ny person"))
        self.edit_button = QPushButton(self.tr("&Redigera"))
        self.merge_button = QPushButton(self.tr("&Slå ihop…"))
        self.open_button = QPushButton(self.tr("&Öppna"))
        self.new_button.setVisible(self._may_edit)
        self.edit_button.setVisible(self._may_edit)
        self.merge_button.setVisible(self._may_merge)
        self.merge_button.setToolTip(self.tr("Markera två personer som är samma individ"))
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.new_button.clicked.connect(self._new_person)
        self.edit_button.clicked.connect(self._edit_person)
        self.merge_button.clicked.connect(self._merge_selected)

        filters = QHBoxLayout()
        for widget in (
            self.group_filter,
            self.area_filter,
            self.status_filter,
            self.category_filter,
            self.risk_filter,
            self.review_filter,
            self.follow_up_filter,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for button in (self.open_button, self.edit_button, self.new_button, self.merge_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._audit_timer = QTimer(self)
        self._audit_timer.setSingleShot(True)
        self._audit_timer.setInterval(SEARCH_AUDIT_DELAY_MS)
        self._audit_timer.timeout.connect(self._search_settled)
        self.search.textChanged.connect(self._filters_changed)
        for combo in (
            self.group_filter,
            self.area_filter,
            self.status_filter,
            self.category_filter,
            self.risk_filter,
        ):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.review_filter.toggled.connect(self._filters_changed)
        self.follow_up_filter.toggled.connect(self._filters_changed)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        # Search, then straight to the results (issue 18: eight Tabs), then the filters.
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.group_filter)
        self.setTabOrder(self.follow_up_filter, self.open_button)
        self.search.installEventFilter(self)
        self._restore_header()
        # Connected after restoring, so building the page never overwrites the saved state.
        header.sectionResized.connect(lambda *_: self._save_header())
        header.sectionMoved.connect(lambda *_: self._save_header())
        self.model.load(PersonFilter())
        self._update_count()

    def _combo(self, everything: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.setAccessibleName(accessible)
        return combo

    # --- filtering and search -------------------------------------------------

    def current_filter(self) -> PersonFilter:
        # Combo data of a StrEnum comes back as plain text: turn it into the enum again.
        status, category = self.status_filter.currentData(), self.category_filter.currentData()
        risk = self.risk_filter.currentData()
        return PersonFilter(
            text=self.search.text(),
            group_id=self.group_filter.currentData(),
            area=self.area_filter.currentData(),
            statuses=frozenset({PersonStatus(status)}) if status else frozenset(),
            categories=frozenset({Category(category)}) if category else frozenset(),
            risk=RiskRole(risk) if risk else None,
            due_for_review=self.review_filter.isChecked(),
            open_follow_up=self.follow_up_filter.isChecked(),
        )

    def _fetch(self, flt, sort, descending, offset, limit):  # type: ignore[no-untyped-def]
        # The settled search writes the audit entry (_search_settled), not every keystroke.
        return self._mapping.persons.page(flt, sort, descending, offset, limit, audit=False)

    def _filters_changed(self) -> None:
        self.model.load(self.current_filter())
        self._audit_timer.start()

    def _search_settled(self) -> None:
        """A pause after typing: count the hits and write the one audit entry."""
        flt = self.model.person_filter
        if not flt.is_empty:
            self._mapping.persons.record_search(flt, self.model.rowCount())
        self._update_count()

    def hideEvent(self, event: QHideEvent) -> None:
        # A search shown and then left (another page, a profile, the lock) is recorded
        # now: the store may be locked by the time the timer would fire.
        self.flush_search_audit()
        super().hideEvent(event)

    def flush_search_audit(self) -> None:
        """Write a pending search entry now (before the page closes or in tests)."""
        if self._audit_timer.isActive():
            self._audit_timer.stop()
            self._search_settled()

    def _update_count(self) -> None:
        flt = self.model.person_filter
        total = self._mapping.persons.count(flt)
        text = self.tr("%n personer", "", total)
        if self._mapping.persons.search_capped(flt):
            text += " – " + self.tr(
                "många träffar, listan visar ett urval på %1. Skriv mer för att avgränsa."
            ).replace("%1", str(SEARCH_POOL))
        self.count_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search goes to the first result, as Tab does.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("person", "group", "address"):
            self.model.load()
            self._update_count()

    # --- actions ---------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [r.id for i in rows if (r := self.model.row_at(i)) is not None]

    def _open_row(self, row: int) -> None:
        person = self.model.row_at(row)
        if person is not None:
            self.person_opened.emit(person.id)

    def _new_person(self) -> None:
        from desktop.views.persons.person_dialog import PersonDialog

        PersonDialog(self._mapping.persons, parent=self, hub=self._hub).exec()

    def _edit_person(self) -> None:
        from desktop.views.persons.person_dialog import PersonDialog

        person = self.model.row_at(self.table.currentIndex().row())
        if person is None:
            return
        profile = self._mapping.persons.profile(person.id)
        PersonDialog(self._mapping.persons, profile, parent=self, hub=self._hub).exec()

    def _merge_selected(self) -> None:
        from desktop.views.persons.merge_dialog import MergeDialog

        ids = self.selected_ids()
        rows = [
            r for i in range(self.model.rowCount()) if (r := self.model.row_at(i)) and r.id in ids
        ]
        if len(rows) != 2:
            self.count_label.setText(self.tr("Markera exakt två personer för att slå ihop."))
            return
        MergeDialog(self._mapping, rows[0], rows[1], parent=self, hub=self._hub).exec()

    # --- columns ---------------------------------------------------------------

    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in PersonColumn:
            action = QAction(self.model.headerData(column, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column is not PersonColumn.NAME)
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, column: PersonColumn, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self._save_header()

    def _save_header(self) -> None:
        if self._settings is not None:
            self._settings.setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        header: QHeaderView = self.table.horizontalHeader()
        state = self._settings.value(HEADER_STATE_KEY) if self._settings is not None else None
        if isinstance(state, QByteArray) and header.restoreState(state):
            return
        for column in (PersonColumn.ALIASES, PersonColumn.PRIORITY):
            header.setSectionHidden(column, True)
        # Room for the masked form ÅÅÅÅMMDD-**** and its header.
        width = self.table.fontMetrics().horizontalAdvance("19991118-****") + 24
        header.resizeSection(PersonColumn.IDENTITY, width)
