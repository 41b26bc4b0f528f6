"""The auditor's view of the log: filters, who read a person, reads outside one's own
operations, a random sample, and verification of the chain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.security import SecurityServices
from desktop.services.security.audit import verify_chain
from desktop.services.security.audit_log import AuditFilter, AuditRow
from desktop.store.interface import Store
from desktop.views.admin.models import AuditTableModel
from desktop.views.errors_text import problem_text
from desktop.views.i18n import local_day_to_utc_range
from desktop.views.runner import run_query
from desktop.views.widgets.tables import compact_table


def _utc_range(first: QDateEdit, last: QDateEdit) -> tuple[dt.datetime, dt.datetime]:
    """The chosen Stockholm days, from the first's midnight to after the last, in UTC."""
    a, b = first.date(), last.date()
    start, _ = local_day_to_utc_range(dt.date(a.year(), a.month(), a.day()))
    _, end = local_day_to_utc_range(dt.date(b.year(), b.month(), b.day()))
    return start, end


T = TypeVar("T")


class AuditView(QWidget):
    """Needs Action.AUDIT_READ; every query it runs is itself logged."""

    def __init__(
        self, security: SecurityServices, store: Store, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._store = store
        self.model = AuditTableModel(self)
        self.table = compact_table(self.model, self.tr("Behandlingslogg"))
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-30))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.user = QComboBox()
        self.user.addItem(self.tr("Alla"), None)
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("t.ex. person. eller login"))
        self.object_id = QLineEdit()
        self.object_id.setPlaceholderText(self.tr("person-id"))
        self.sample = QSpinBox()
        self.sample.setRange(1, 500)
        self.sample.setValue(25)
        self.filter_button = QPushButton(self.tr("&Sök"))
        self.who_button = QPushButton(self.tr("Vem har &läst personen"))
        self.outside_button = QPushButton(self.tr("Läsningar &utanför egna insatser"))
        self.sample_button = QPushButton(self.tr("S&tickprov"))
        self.verify_button = QPushButton(self.tr("Verifiera &kedjan"))
        self.filter_button.clicked.connect(self.run_filter)
        self.who_button.clicked.connect(self.who_read)
        self.outside_button.clicked.connect(self.outside_operations)
        self.sample_button.clicked.connect(self.random_sample)
        self.verify_button.clicked.connect(self.verify)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Från")), 0, 0)
        grid.addWidget(self.start, 0, 1)
        grid.addWidget(QLabel(self.tr("Till")), 0, 2)
        grid.addWidget(self.end, 0, 3)
        grid.addWidget(QLabel(self.tr("Användare")), 0, 4)
        grid.addWidget(self.user, 0, 5)
        grid.addWidget(QLabel(self.tr("Händelse")), 1, 0)
        grid.addWidget(self.action, 1, 1)
        grid.addWidget(QLabel(self.tr("Person")), 1, 2)
        grid.addWidget(self.object_id, 1, 3)
        grid.addWidget(self.filter_button, 1, 5)
        grid.setColumnStretch(6, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.who_button)
        buttons.addWidget(self.outside_button)
        buttons.addWidget(self.sample)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def reload(self) -> None:
        users = self._read(self._security.audit.users)
        if users is None:
            return
        current = self.user.currentData()
        self.user.clear()
        self.user.addItem(self.tr("Alla"), None)
        for user_id, name in users:
            self.user.addItem(name, user_id)
        self.user.setCurrentIndex(max(0, self.user.findData(current)))
        self.run_filter()

    def _object_id(self) -> int | None:
        text = self.object_id.text().strip()
        return int(text) if text.isdigit() else None

    def _show(self, rows: list[AuditRow] | None, what: str) -> None:
        if rows is None:
            return
        self.model.set_rows(rows)
        self.status.setText(f"{what}: {len(rows)}")

    def run_filter(self) -> None:
        start, end = _utc_range(self.start, self.end)
        flt = AuditFilter(
            start=start,
            end=end,
            user_id=self.user.currentData(),
            action=self.action.text().strip(),
            object_id=self._object_id(),
        )
        rows = self._read(lambda: self._security.audit.entries(flt))
        self._show(rows, self.tr("Poster"))

    def who_read(self) -> None:
        person_id = self._object_id()
        if person_id is None:
            self.status.setText(self.tr("Ange personens id i fältet Person."))
            return
        rows = self._read(lambda: self._security.audit.who_read_person(person_id))
        self._show(rows, self.tr("Läsningar av person %1").replace("%1", str(person_id)))

    def outside_operations(self) -> None:
        start, end = _utc_range(self.start, self.end)
        rows = self._read(lambda: self._security.audit.reads_outside_own_operations(start, end))
        self._show(rows, self.tr("Läsningar utanför egna insatser"))

    def random_sample(self) -> None:
        size = self.sample.value()
        rows = self._read(lambda: self._security.audit.random_sample(size))
        self._show(rows, self.tr("Stickprov"))

    def _read(self, query: Callable[[], T]) -> T | None:
        """Reads the log (asking for the password again when it is due)."""
        return run_query(self, self.tr("Granskningslogg"), query, reauth=self._security.reauth)

    def verify(self) -> None:
        store = self._store
        report = run_query(
            self,
            self.tr("Granskningslogg"),
            lambda: verify_chain(store),
            refused=lambda text, _error: self.status.setText(text),
        )
        if report is None:
            return
        prefix = self.tr("Loggen är hel") if report.ok else self.tr("VARNING")
        self.status.setText(f"{prefix}: {problem_text(report)}")
