"""Record a visit's outcome; the fields follow ``OutcomeInput`` one to one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import VisitStatus
from desktop.services.operations.rows import (
    OUTCOME_STATUSES,
    ChoiceRow,
    MessagePart,
    OutcomeInput,
    VisitDetail,
)
from desktop.services.vocabulary import OUTCOME_FIELD_WORDS, VISIT_WORDS_CONTEXT
from desktop.views.operations.labels import MESSAGE_PART, VISIT_STATUS, word

# Where the mnemonic goes in each labelled field (the words are the vocabulary's, issue 17).
_MNEMONIC = {
    "family_present": "N",
    "response": "H",
    "support_service": "S",
    "cancel_reason": "inställt",
}


def field_word(field: str, mnemonic: bool = False) -> str:
    """The record field's one word (``vocabulary.OUTCOME_FIELD_WORDS``), translated."""
    text = QCoreApplication.translate(VISIT_WORDS_CONTEXT, OUTCOME_FIELD_WORDS[field])
    if mnemonic:
        # The Swedish letter where the translation has it, else its first letter.
        at = max(text.find(_MNEMONIC.get(field, text[:1])), 0)
        text = f"{text[:at]}&{text[at:]}"
    return text


#: ``save(visit_id, version, data, refused)``: runs the change (through the runner),
#: True once saved; a refusal is told through ``refused`` and the dialog stays open.
Save = Callable[[int, int, OutcomeInput, Callable[[str, BaseException], None]], bool]


class OutcomeDialog(QDialog):
    """The outcome form. ``save`` returns False (having said why) to keep it open."""

    def __init__(
        self,
        visit: VisitDetail,
        services: Sequence[ChoiceRow],
        owners: Sequence[ChoiceRow],
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit, self._save = visit, save
        self.setWindowTitle(self.tr("Utfall – %1").replace("%1", visit.person_label))
        head = QLabel(
            f"<b>{escape(visit.person_label)}</b><br>{visit.starts_at:%Y-%m-%d %H:%M} · "
            f"{escape(visit.team_name)} · {escape(visit.area)}"
        )
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Utfall"))
        for status in OUTCOME_STATUSES:
            self.status.addItem(word(VISIT_STATUS, status), status)
        current = visit.status if visit.status in OUTCOME_STATUSES else VisitStatus.MET
        self.status.setCurrentIndex(self.status.findData(current))
        self.family = QLineEdit(visit.family_present)
        self.family.setPlaceholderText(self.tr("t.ex. mamma, lillebror"))
        self.parts = {}
        parts_box = QGroupBox(self.tr("Delar av budskapet som framfördes"))
        parts_layout = QVBoxLayout(parts_box)
        for part in MessagePart:
            box = QCheckBox(word(MESSAGE_PART, part))
            box.setChecked(part in visit.parts)
            self.parts[part] = box
            parts_layout.addWidget(box)
        self.response = QPlainTextEdit(visit.response)
        self.response.setTabChangesFocus(True)
        self.response.setFixedHeight(60)
        self.asked = QCheckBox(field_word("support_asked"))
        self.asked.setChecked(visit.support_asked)
        self.offered = QCheckBox(field_word("support_offered"))
        self.offered.setChecked(visit.support_offered)
        recorded = self.tr("(registreras som stödinsats)")
        self.support_accepted = QCheckBox(f"{field_word('support_accepted')} {recorded}")
        self.support_accepted.setChecked(visit.support_accepted)
        self.service = QComboBox()
        self.service.setAccessibleName(field_word("support_service"))
        self.service.addItem(self.tr("Välj stödinsats…"), None)
        for row in services:
            self.service.addItem(row.label, row.id)
        self.service.setCurrentIndex(max(0, self.service.findData(visit.support_service_id)))
        self.leave_behind = QCheckBox(field_word("leave_behind"))
        self.leave_behind.setChecked(visit.leave_behind)
        self.cancel_reason = QLineEdit(visit.cancel_reason)
        self.task_title = QLineEdit()
        self.task_title.setPlaceholderText(self.tr("Lämna tomt om ingen uppföljning behövs"))
        self.task_due = QDateEdit(QDate.currentDate().addDays(7))
        self.task_due.setCalendarPopup(True)
        self.task_due.setDisplayFormat("yyyy-MM-dd")
        self.task_owner = QComboBox()
        self.task_owner.setAccessibleName(self.tr("Ansvarig"))
        self.task_owner.addItem(self.tr("Jag"), None)
        for row in owners:
            self.task_owner.addItem(row.label, row.id)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.note.setPlaceholderText(self.tr("Syns bara för din myndighet"))
        # A visit whose time has not come: an outcome only when the user says so (issue 17).
        self.in_advance = QCheckBox(self.tr("Registreras i förväg (besöket har inte ägt rum än)"))
        self.in_advance.setVisible(visit.starts_at > dt.datetime.now())
        self.error = QLabel()
        self.error.setStyleSheet("color:#B00020")
        self.error.setWordWrap(True)
        self.error.hide()

        # Two columns: what happened at the door, and what follows from it.
        door = QFormLayout()
        door.addRow(self.tr("&Utfall"), self.status)
        door.addRow(field_word("family_present", mnemonic=True), self.family)
        door.addRow(parts_box)
        door.addRow(field_word("response", mnemonic=True), self.response)
        door.addRow(self.leave_behind)
        door.addRow(field_word("cancel_reason", mnemonic=True), self.cancel_reason)
        after = QFormLayout()
        after.addRow(self.asked)
        after.addRow(self.offered)
        after.addRow(self.support_accepted)
        after.addRow(field_word("support_service", mnemonic=True), self.service)
        after.addRow(self.tr("&Uppföljning"), self.task_title)
        after.addRow(self.tr("Klar &senast"), self.task_due)
        after.addRow(self.tr("&Ansvarig"), self.task_owner)
        after.addRow(self.tr("&Myndighetens anteckning"), self.note)
        columns = QHBoxLayout()
        columns.addLayout(door, 1)
        columns.addSpacing(16)
        columns.addLayout(after, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(columns)
        layout.addWidget(self.in_advance)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._enable)
        self.support_accepted.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        status = VisitStatus(self.status.currentData())
        talked = status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
        for box in self.parts.values():
            box.setEnabled(talked)
        self.service.setEnabled(self.support_accepted.isChecked())
        self.cancel_reason.setEnabled(status is VisitStatus.CANCELLED)

    def value(self) -> OutcomeInput:
        status = VisitStatus(self.status.currentData())
        talked = status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
        due = self.task_due.date()
        return OutcomeInput(
            status=status,
            family_present=self.family.text(),
            parts=frozenset(p for p, box in self.parts.items() if talked and box.isChecked()),
            response=self.response.toPlainText(),
            support_asked=self.asked.isChecked(),
            support_offered=self.offered.isChecked(),
            support_accepted=self.support_accepted.isChecked(),
            support_service_id=self.service.currentData()
            if self.support_accepted.isChecked()
            else None,
            leave_behind=self.leave_behind.isChecked(),
            cancel_reason=self.cancel_reason.text(),
            follow_up_title=self.task_title.text(),
            follow_up_due=dt.date(due.year(), due.month(), due.day()),
            follow_up_owner_id=self.task_owner.currentData(),
            agency_note=self.note.toPlainText(),
            recorded_in_advance=self.in_advance.isChecked(),
        )

    def accept(self) -> None:
        if self._save(self._visit.visit_id, self._visit.version, self.value(), self._refused):
            super().accept()

    def _refused(self, text: str, _error: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
