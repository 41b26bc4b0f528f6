"""Dialogs of the support page: a service, a new referral, a referral's steps."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ReferralStatus, SupportKind
from desktop.services.engagement.referrals import ORDER, START_STATUSES, ReferralService
from desktop.services.engagement.rows import Choice, ReferralInput, ServiceInput, ServiceRow
from desktop.views.callins.labels import label, step_label
from desktop.views.callins.person_picker import PersonPicker, PersonSource
from desktop.views.changes_hub import ChangesHub
from desktop.views.runner import run_change, run_query
from desktop.views.support.models import ReferralEventTableModel
from desktop.views.widgets.dates import date_edit, pydate


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _agency_combo(agencies: list[Choice], current: int | None, none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none_text, None)
    for choice in agencies:
        combo.addItem(choice.label, choice.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class ServiceDialog(QDialog):
    """One support service: kind, name, provider, contact, agency."""

    def __init__(
        self, agencies: list[Choice], row: ServiceRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stödinsats"))
        self.resize(520, 420)
        data = row.as_input() if row else ServiceInput("", SupportKind.EXIT, "")
        self.kind = QComboBox()
        for kind in SupportKind:
            self.kind.addItem(label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        self.name = QLineEdit(data.name)
        self.provider = QLineEdit(data.provider)
        self.contact = QPlainTextEdit(data.contact)
        self.contact.setMaximumHeight(60)
        self.agency = _agency_combo(agencies, data.agency_id, self.tr("Ingen myndighet"))
        self.description = QPlainTextEdit(data.description)
        self.active = QCheckBox(self.tr("Erbjuds just nu"))
        self.active.setChecked(data.active)
        form = QFormLayout(self)
        form.addRow(self.tr("&Typ"), self.kind)
        form.addRow(self.tr("&Namn"), self.name)
        form.addRow(self.tr("&Utförare"), self.provider)
        form.addRow(self.tr("&Kontakt"), self.contact)
        form.addRow(self.tr("&Myndighet"), self.agency)
        form.addRow(self.tr("&Beskrivning"), self.description)
        form.addRow("", self.active)
        form.addRow(_buttons(self))

    def value(self) -> ServiceInput:
        return ServiceInput(
            self.name.text(),
            self.kind.currentData(),
            self.provider.text(),
            self.contact.toPlainText(),
            self.agency.currentData(),
            self.description.toPlainText(),
            self.active.isChecked(),
        )


class NewReferralDialog(QDialog):
    """A new referral for a person, or a contact he made on his own."""

    def __init__(
        self,
        persons: PersonSource,
        services: list[ServiceRow],
        agencies: list[Choice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny remiss"))
        self.resize(560, 600)
        self.person = PersonPicker(persons, multiple=False)
        self.service = QComboBox()
        for row in services:
            if row.active:
                self.service.addItem(f"{row.name} – {row.provider}", row.id)
        self.status = QComboBox()
        for status in sorted(START_STATUSES, key=ORDER.index):
            self.status.addItem(label(status), status)
        self.self_initiated = QCheckBox(self.tr("Han tog kontakt på eget initiativ"))
        self.self_initiated.toggled.connect(
            lambda on: (
                self.status.setCurrentIndex(self.status.findData(ReferralStatus.ACCEPTED))
                if on
                else None
            )
        )
        self.day = date_edit()
        self.day.setMaximumDate(QDate.currentDate())
        self.agency = _agency_combo(agencies, None, self.tr("Stödinsatsens myndighet"))
        self.responsible = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Stödinsats"), self.service)
        form.addRow(self.tr("S&tatus"), self.status)
        form.addRow("", self.self_initiated)
        form.addRow(self.tr("&Datum"), self.day)
        form.addRow(self.tr("Ansvarig &myndighet"), self.agency)
        form.addRow(self.tr("&Ansvarig person"), self.responsible)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Person")))
        layout.addWidget(self.person)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def value(self) -> ReferralInput | None:
        chosen = self.person.chosen_ids()
        if not chosen or self.service.currentData() is None:
            return None
        return ReferralInput(
            person_id=chosen[0],
            service_id=self.service.currentData(),
            on_date=pydate(self.day.date()),
            status=self.status.currentData(),
            responsible_agency_id=self.agency.currentData(),
            responsible_name=self.responsible.text(),
            self_initiated=self.self_initiated.isChecked(),
        )


class ReferralDialog(QDialog):
    """A referral's history; buttons only for the steps allowed next."""

    def __init__(
        self,
        service: ReferralService,
        referral_id: int,
        can_edit: bool,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub  # each step is published there once, by the runner
        self.setWindowTitle(self.tr("Remiss"))
        self.resize(560, 460)
        self._service = service
        self._id = referral_id
        self._can_edit = can_edit
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.events = ReferralEventTableModel(self)
        view = QTableView()
        view.setModel(self.events)
        view.setAccessibleName(self.tr("Historik"))
        view.verticalHeader().setVisible(False)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.day = date_edit()
        self.day.setMaximumDate(QDate.currentDate())
        self.steps = QHBoxLayout()
        self.step_buttons: dict[ReferralStatus, QPushButton] = {}
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        date_row = QFormLayout()
        date_row.addRow(self.tr("Nästa steg &datum"), self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(view)
        layout.addLayout(date_row)
        layout.addLayout(self.steps)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        detail = run_query(self, self.tr("Remiss"), lambda: self._service.detail(self._id))
        if detail is None:
            return
        self._version = detail.row.version
        row = detail.row
        lines = [f"{row.person_label} – {row.service_name}", label(row.status)]
        if row.self_initiated:
            lines.append(self.tr("Kontakt på eget initiativ"))
        if row.responsible_agency or row.responsible_name:
            lines.append(
                self.tr("Ansvarig: ")
                + ", ".join(filter(None, (row.responsible_agency, row.responsible_name)))
            )
        self.heading.setText("\n".join(lines))
        self.events.set_rows(detail.events)
        for button in self.step_buttons.values():
            self.steps.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        for status in detail.next_steps:
            button = QPushButton(step_label(status))
            button.setEnabled(self._can_edit)
            button.clicked.connect(lambda _=False, s=status: self.take_step(s))
            self.steps.addWidget(button)
            self.step_buttons[status] = button
        self.day.setEnabled(bool(detail.next_steps) and self._can_edit)

    def take_step(self, status: ReferralStatus) -> None:
        day = pydate(self.day.date())
        changes = run_change(
            self,
            self.tr("Remiss"),
            lambda: self._service.advance(self._id, self._version, status, day),
            hub=self._hub,
        )
        if changes is not None:
            self.reload()
