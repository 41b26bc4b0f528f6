"""Dialogs of the call-ins page: edit a call-in, invite, propose visits, record a delivery."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import CallInStatus, DeliveryChannel
from desktop.services.engagement.rows import (
    CallInInput,
    ChecklistItem,
    Choice,
    ManualDeliveryInput,
    SpeakerInput,
)
from desktop.services.operations.rows import MessagePart
from desktop.views.callins.labels import label
from desktop.views.callins.person_picker import PersonPicker, PersonSource
from desktop.views.widgets.dates import date_edit, pydate, pydatetime, qdatetime


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class CallInDialog(QDialog):
    """Title, date and time, venue, speakers in order with their part, checklist."""

    def __init__(self, data: CallInInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stormöte"))
        self.resize(720, 620)
        self.title = QLineEdit()
        self.starts_at = QDateTimeEdit(calendarPopup=True)
        self.starts_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("En neutral lokal, t.ex. ett medborgarhus"))
        self.status = QComboBox()
        for status in CallInStatus:
            self.status.addItem(label(status), status)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(70)
        self.speakers = QTableWidget(0, 3)
        self.speakers.setHorizontalHeaderLabels(
            [self.tr("Namn"), self.tr("Organisation"), self.tr("Del i mötet")]
        )
        self.speakers.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.speakers.setColumnWidth(0, 190)
        self.speakers.setColumnWidth(1, 170)
        self.speakers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.speakers.setAccessibleName(self.tr("Talare"))
        add, remove = QPushButton(self.tr("Lägg till talare")), QPushButton(self.tr("Ta bort"))
        up, down = QPushButton(self.tr("Upp")), QPushButton(self.tr("Ned"))
        add.clicked.connect(lambda: self._add_speaker(SpeakerInput("")))
        remove.clicked.connect(lambda: self.speakers.removeRow(self.speakers.currentRow()))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        speaker_buttons = QHBoxLayout()
        for button in (add, remove, up, down):
            speaker_buttons.addWidget(button)
        speaker_buttons.addStretch()
        self.checklist = QPlainTextEdit()
        self.checklist.setPlaceholderText(self.tr("En punkt per rad; tom ger standardlistan"))
        self.checklist.setMaximumHeight(110)
        self._done: dict[str, bool] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Rubrik"), self.title)
        form.addRow(self.tr("&Tid"), self.starts_at)
        form.addRow(self.tr("&Lokal"), self.venue)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("&Beskrivning"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Talare i ordning")))
        layout.addWidget(self.speakers)
        layout.addLayout(speaker_buttons)
        layout.addWidget(QLabel(self.tr("Checklista för repetition")))
        layout.addWidget(self.checklist)
        layout.addWidget(_buttons(self))
        self._load(data)

    def _load(self, data: CallInInput | None) -> None:
        if data is None:
            start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=21), dt.time(18))
            self.starts_at.setDateTime(qdatetime(start))
            return
        self.title.setText(data.title)
        self.starts_at.setDateTime(qdatetime(data.starts_at))
        self.venue.setText(data.venue)
        self.status.setCurrentIndex(self.status.findData(data.status))
        self.description.setPlainText(data.description)
        for speaker in data.speakers:
            self._add_speaker(speaker)
        self._done = {c.item: c.done for c in data.checklist}
        self.checklist.setPlainText("\n".join(c.item for c in data.checklist))

    def _add_speaker(self, speaker: SpeakerInput) -> None:
        row = self.speakers.rowCount()
        self.speakers.insertRow(row)
        for column, text in enumerate((speaker.name, speaker.organisation, speaker.part)):
            self.speakers.setItem(row, column, QTableWidgetItem(text))

    def _move(self, step: int) -> None:
        row = self.speakers.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.speakers.rowCount():
            return
        texts = [self._cell(row, c) for c in range(3)]
        self.speakers.removeRow(row)
        self.speakers.insertRow(target)
        for column, text in enumerate(texts):
            self.speakers.setItem(target, column, QTableWidgetItem(text))
        self.speakers.setCurrentCell(target, 0)

    def _cell(self, row: int, column: int) -> str:
        item = self.speakers.item(row, column)
        return item.text() if item is not None else ""

    def value(self) -> CallInInput:
        speakers = tuple(
            SpeakerInput(self._cell(r, 0), self._cell(r, 1), self._cell(r, 2))
            for r in range(self.speakers.rowCount())
            if any(self._cell(r, c).strip() for c in range(3))
        )
        items = [line.strip() for line in self.checklist.toPlainText().splitlines()]
        checklist = tuple(ChecklistItem(i, self._done.get(i, False)) for i in items if i)
        return CallInInput(
            self.title.text(),
            pydatetime(self.starts_at.dateTime()).replace(second=0),
            self.venue.text(),
            self.description.toPlainText(),
            self.status.currentData(),
            speakers,
            checklist,
        )


class InviteDialog(QDialog):
    """Invite whole groups and single persons; say who mandated attendance."""

    def __init__(
        self, groups: list[Choice], persons: PersonSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bjud in till stormöte"))
        self.resize(640, 520)
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Grupperingar"))
        for group in groups:
            item = QListWidgetItem(group.label)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.persons = PersonPicker(persons)
        self.mandated_by = QLineEdit()
        self.mandated_by.setPlaceholderText(self.tr("t.ex. frivårdsinspektören"))
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("Grupperingar (aktiva medlemmar)")))
        left.addWidget(self.groups)
        right.addWidget(QLabel(self.tr("Personer")))
        right.addWidget(self.persons)
        columns.addLayout(left)
        columns.addLayout(right, 2)
        form = QFormLayout()
        form.addRow(self.tr("Närvaro &ålagd av"), self.mandated_by)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The rows were measured before the theme polished the lists, so they overlapped
        # on the first render and a click picked the wrong group (issue 18): measure again.
        for view in (self.groups, self.persons.results):
            view.doItemsLayout()

    def group_ids(self) -> list[int]:
        items = [self.groups.item(i) for i in range(self.groups.count())]
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]


class ProposeVisitsDialog(QDialog):
    """Choose the operation the no-shows' home visits go into (or none: tasks)."""

    def __init__(self, no_shows: int, operations: list[Choice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Föreslå hembesök för uteblivna"))
        self.operation = QComboBox()
        for choice in operations:
            self.operation.addItem(choice.label, choice.id)
        self.operation.addItem(self.tr("Ingen insats – skapa uppföljningar i stället"), None)
        text = self.tr("%n person(er) uteblev. Varje får ett föreslaget hembesök.", "", no_shows)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        form = QFormLayout()
        form.addRow(self.tr("&Insats"), self.operation)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def operation_id(self) -> int | None:
        value = self.operation.currentData()
        return int(value) if value is not None else None


class DeliveryDialog(QDialog):
    """Record a delivery made at a probation meeting (or another way) by hand."""

    def __init__(self, persons: PersonSource, agency: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registrera delgivning"))
        self.resize(520, 560)
        self.person = PersonPicker(persons, multiple=False)
        self.day = date_edit()
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.channel = QComboBox()
        for channel in (DeliveryChannel.PROBATION, DeliveryChannel.OTHER):
            self.channel.addItem(label(channel), channel)
        self.by = QLineEdit(agency)
        self.parts = {part: QCheckBox(label(part)) for part in MessagePart}
        for box in self.parts.values():
            box.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("&Datum"), self.day)
        form.addRow(self.tr("&Kanal"), self.channel)
        form.addRow(self.tr("&Framfört av"), self.by)
        parts = QVBoxLayout()
        for box in self.parts.values():
            parts.addWidget(box)
        form.addRow(self.tr("Delar"), parts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.person)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def value(self) -> ManualDeliveryInput | None:
        chosen = self.person.chosen_ids()
        if not chosen:
            return None
        return ManualDeliveryInput(
            chosen[0],
            pydate(self.day.date()),
            self.channel.currentData(),
            self.by.text(),
            frozenset(p for p, box in self.parts.items() if box.isChecked()),
        )
