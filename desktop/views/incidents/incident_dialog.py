"""Register or correct an incident (issue 20): every field of the register, the links
with their side or role, source and certainty, and the correction's reason and history.

Keyboard: the focus starts in the first field (the type); no button is the default, so
Enter in a field never saves (Ctrl+S does); Escape cancels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Certainty, IncidentKind
from desktop.services.changes import Changes
from desktop.services.incidents.register import IncidentService
from desktop.services.incidents.rows import (
    GroupLinkInput,
    IncidentDetail,
    IncidentInput,
    PersonLinkInput,
    RevisionRow,
)
from desktop.views.changes_hub import ChangesHub
from desktop.views.incidents.labels import certainty_label, kind_label
from desktop.views.incidents.link_editors import GroupLinksEditor, PersonLink, PersonLinksEditor
from desktop.views.incidents.revisions import RevisionsView
from desktop.views.runner import run_change
from desktop.views.widgets.dates import qdatetime
from desktop.views.widgets.form_keys import guard_form
from desktop.views.widgets.person_picker import PersonSearch


class IncidentDialog(QDialog):
    """New incident when ``detail`` is None, else a correction of it.

    Attributes:
        incident_id: The saved incident's id (after a new one is saved).
        changes: What the save changed.
    """

    def __init__(
        self,
        register: IncidentService,
        persons: PersonSearch,
        groups: Sequence[tuple[int, str]],
        districts: Sequence[str],
        *,
        agency_name: str,
        detail: IncidentDetail | None = None,
        revisions: Sequence[RevisionRow] = (),
        hub: ChangesHub | None = None,
        now: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._detail = detail
        self._hub = hub  # the runner publishes each change there, once
        self.incident_id: int | None = detail.id if detail else None
        self.changes = Changes()
        self.setWindowTitle(
            self.tr("Rätta händelse %1").replace("%1", detail.reference)
            if detail
            else self.tr("Ny händelse")
        )
        self.setMinimumWidth(720)

        self.kind = QComboBox()
        for kind in IncidentKind:
            self.kind.addItem(kind_label(kind), kind)
        self.certainty = QComboBox()
        for certainty in Certainty:
            self.certainty.addItem(certainty_label(certainty), certainty)
        start = (now or dt.datetime.now()).replace(second=0, microsecond=0)
        self.occurred = QDateTimeEdit(qdatetime(start))
        self.occurred.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.occurred.setCalendarPopup(True)
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.addItems(["", *districts])
        self.injured = QSpinBox()
        self.injured.setRange(0, 99)
        self.killed = QSpinBox()
        self.killed.setRange(0, 99)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("t.ex. 5000-K123456-26"))
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("&Typ:"), self.kind, self.tr("Typ av händelse")),
            (self.tr("S&äkerhet:"), self.certainty, self.tr("Bekräftad eller trolig")),
            (self.tr("&Datum och tid:"), self.occurred, self.tr("Datum och tid")),
            (self.tr("&Område:"), self.district, self.tr("Område")),
            (self.tr("S&kadade:"), self.injured, self.tr("Antal skadade")),
            (self.tr("D&öda:"), self.killed, self.tr("Antal döda")),
            (self.tr("Dia&rienummer:"), self.reference, self.tr("Diarienummer")),
        ]
        for text, widget, accessible in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)

        self.groups = GroupLinksEditor(groups)
        self.persons = PersonLinksEditor(persons)
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(self.tr("Beskrivning"))
        self.description.setTabChangesFocus(True)
        self.description_note = QLabel(
            self.tr(
                "Beskrivningen sparas i %1s fack: andra myndigheter kan inte läsa den."
            ).replace("%1", agency_name)
        )
        self.description_note.setWordWrap(True)
        description = QWidget()
        description_layout = QVBoxLayout(description)
        description_layout.addWidget(self.description_note)
        description_layout.addWidget(self.description)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.groups, self.tr("&Grupperingar"))
        self.tabs.addTab(self.persons, self.tr("&Personer"))
        self.tabs.addTab(description, self.tr("&Beskrivning"))

        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Skäl till rättelsen"))
        self.reason.setPlaceholderText(self.tr("Vad rättas och varför"))
        self.history = RevisionsView()
        self.correction = QGroupBox(self.tr("Rättelse"))
        correction = QFormLayout(self.correction)
        reason_label = QLabel(self.tr("&Skäl:"))
        reason_label.setBuddy(self.reason)
        correction.addRow(reason_label, self.reason)
        correction.addRow(self.history)
        self.correction.setVisible(detail is not None)

        self.error = QLabel()
        self.error.setStyleSheet("color: #a11;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Fel"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.correction)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        guard_form(self, self.buttons, self.kind)
        if detail is not None:
            self._fill(detail, revisions)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.kind.setFocus()

    def _fill(self, detail: IncidentDetail, revisions: Sequence[RevisionRow]) -> None:
        self.kind.setCurrentIndex(self.kind.findData(detail.kind))
        self.certainty.setCurrentIndex(self.certainty.findData(detail.certainty))
        self.occurred.setDateTime(qdatetime(detail.occurred_at))
        self.district.setEditText(detail.district)
        self.injured.setValue(detail.injured)
        self.killed.setValue(detail.killed)
        self.reference.setText(detail.reference)
        self.groups.set_links(
            [GroupLinkInput(g.group_id, g.side, g.source, g.certainty) for g in detail.groups]
        )
        self.persons.set_links(
            [
                PersonLink(
                    PersonLinkInput(p.person_id, p.role, p.source, p.certainty), p.person_label
                )
                for p in detail.persons
            ]
        )
        if detail.description is None:
            self.description.setEnabled(False)
            self.description_note.setText(
                self.tr("Beskrivningen hör till en annan myndighet och visas inte.")
            )
        else:
            self.description.setPlainText(detail.description)
        self.history.set_rows(revisions)

    def value(self) -> IncidentInput:
        occurred: dt.datetime = self.occurred.dateTime().toPython()  # type: ignore[assignment]
        description = self.description.toPlainText().strip()
        if self._detail is not None and self._detail.description is None:
            description = ""
        return IncidentInput(
            reference=self.reference.text().strip(),
            kind=IncidentKind(self.kind.currentData()),
            occurred_at=occurred.replace(second=0, microsecond=0),
            district=self.district.currentText().strip(),
            certainty=Certainty(self.certainty.currentData()),
            injured=self.injured.value(),
            killed=self.killed.value(),
            groups=self.groups.links(),
            persons=self.persons.links(),
            description=description,
        )

    def save(self) -> None:
        data = self.value()
        detail = self._detail
        register = self._register
        if detail is None:

            def work() -> tuple[int, Changes]:
                return register.create(data)

            title = self.tr("Ny händelse")
        else:
            reason = self.reason.text().strip()

            def work() -> tuple[int, Changes]:
                return detail.id, register.correct(detail.id, detail.version, data, reason)

            title = self.tr("Rätta händelse")
        result = run_change(self, title, work, hub=self._hub, refused=self._refused)
        if result is None:
            return
        self.incident_id, self.changes = result
        self.accept()

    def _refused(self, text: str, error: BaseException) -> None:
        self.error.setText(text)
        field = getattr(error, "field", None)
        widget = {
            "reference": self.reference,
            "occurred_at": self.occurred,
            "district": self.district,
            "injured": self.injured,
            "killed": self.killed,
            "reason": self.reason,
            "description": self.description,
        }.get(field or "")
        if widget is not None:
            widget.setFocus()
