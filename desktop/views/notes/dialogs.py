"""Writing an agency note and disclosing one to another agency (utlämnande).

A note goes into the writer's own agency compartment (encrypted with that agency's
key); a disclosure copies it into the receiving agency's compartment and records
the legal basis. Both are one unit of work in ``NotesService`` with their audit entry.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import LegalBasis, NoteKind
from desktop.services.security.notes import MAX_NOTE_CHARS, NotesService
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.changes_hub import ChangesHub
from desktop.views.labels import AGENCY_LABELS
from desktop.views.runner import run_change
from desktop.views.widgets.form_keys import guard_form

_CONTEXT = "Anteckningar"

LEGAL_BASES: dict[LegalBasis, str] = {
    LegalBasis.CONSENT: QT_TRANSLATE_NOOP("Anteckningar", "Samtycke från den enskilde"),
    LegalBasis.OSL_10_2: QT_TRANSLATE_NOOP(
        "Anteckningar", "OSL 10 kap. 2 § (nödvändigt för den egna verksamheten)"
    ),
    LegalBasis.OSL_10_18A: QT_TRANSLATE_NOOP(
        "Anteckningar", "OSL 10 kap. 18 a § (förhindra brott, samverkan)"
    ),
    LegalBasis.OSL_10_21_23: QT_TRANSLATE_NOOP(
        "Anteckningar", "OSL 10 kap. 21–23 §§ (misstanke om brott)"
    ),
    LegalBasis.OTHER: QT_TRANSLATE_NOOP("Anteckningar", "Annat lagrum (ange vilket)"),
}


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate(_CONTEXT, "Avbryt")
    )
    buttons.rejected.connect(dialog.reject)
    return buttons


class NoteDialog(QDialog):
    """A new note in the user's own agency compartment, marked fact or assessment.

    Signals:
        saved(object): the ``Changes`` of the saved note, for the owner to show it; the
            runner has already published them to ``hub`` (the owner hands nothing on).
    """

    saved = Signal(object)

    def __init__(
        self,
        notes: NotesService,
        *,
        person_id: int | None = None,
        group_id: int | None = None,
        agency_name: str = "",
        parent: QWidget | None = None,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._notes = notes
        self._hub = hub
        self._person_id = person_id
        self._group_id = group_id
        self.setWindowTitle(self.tr("Ny anteckning"))
        self.fact = QRadioButton(self.tr("&Faktauppgift"))
        self.assessment = QRadioButton(self.tr("&Bedömning"))
        self.fact.setChecked(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Anteckningens text"))
        self.text.setTabChangesFocus(True)
        who = QLabel(
            self.tr(
                "Anteckningen sparas krypterad i %1s avdelning. Bara användare vid den "
                "myndigheten kan läsa den."
            ).replace("%1", agency_name or self.tr("din myndighet"))
        )
        who.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Slag:"), self.fact)
        form.addRow("", self.assessment)
        form.addRow(self.tr("&Text:"), self.text)
        buttons = _buttons(self, self.tr("&Spara"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 360)
        guard_form(self, buttons, self.text)

    def save(self) -> None:
        text = self.text.toPlainText()
        if len(text) > MAX_NOTE_CHARS:
            self._show(self.tr("Anteckningen är för lång."))
            return
        kind = NoteKind.ASSESSMENT if self.assessment.isChecked() else NoteKind.FACT
        notes, person_id, group_id = self._notes, self._person_id, self._group_id
        changes = run_change(
            self,
            self.windowTitle(),
            lambda: notes.write_note(text, person_id=person_id, group_id=group_id, kind=kind),
            hub=self._hub,
            refused=lambda words, _error: self._show(words),
        )
        if changes is not None:
            self.saved.emit(changes)
            self.accept()

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class DisclosureDialog(QDialog):
    """Share one note with another agency: receiving agency, legal basis and reason.

    Signals:
        disclosed(object): the ``Changes`` of the disclosure, for the owner to show it; the
            runner has already published them to ``hub``.
    """

    disclosed = Signal(object)

    def __init__(
        self,
        notes: NotesService,
        note_id: int,
        own_agency_code: str,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._notes = notes
        self._hub = hub
        self._note_id = note_id
        self.setWindowTitle(self.tr("Lämna ut anteckning"))
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Mottagande myndighet"))
        for code, label in AGENCY_LABELS.items():
            if code != own_agency_code:
                self.agency.addItem(QCoreApplication.translate("Etiketter", label), code)
        self.basis = QComboBox()
        self.basis.setAccessibleName(self.tr("Lagrum"))
        for basis, label in LEGAL_BASES.items():
            # Qt keeps item data as plain str; the enum is rebuilt from its value.
            self.basis.addItem(QCoreApplication.translate(_CONTEXT, label), basis.value)
        self.basis_text = QLineEdit()
        self.basis_text.setPlaceholderText(self.tr("Till exempel: LVU 2 §"))
        self.basis_text.setEnabled(False)
        self.basis.currentIndexChanged.connect(self._basis_changed)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Skäl"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        note = QLabel(
            self.tr(
                "En kopia av anteckningen läggs i den mottagande myndighetens avdelning. "
                "Utlämnandet loggas med lagrum och skäl, och kan inte tas tillbaka."
            )
        )
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Till:"), self.agency)
        form.addRow(self.tr("&Lagrum:"), self.basis)
        form.addRow(self.tr("&Annat lagrum:"), self.basis_text)
        form.addRow(self.tr("S&käl:"), self.reason)
        buttons = _buttons(self, self.tr("&Lämna ut"))
        buttons.accepted.connect(self.disclose)
        guard_form(self, buttons, self.agency)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def chosen_basis(self) -> LegalBasis:
        return LegalBasis(self.basis.currentData())

    def _basis_changed(self) -> None:
        self.basis_text.setEnabled(self.chosen_basis() is LegalBasis.OTHER)

    def disclose(self) -> None:
        disclose = partial(
            self._notes.disclose,
            self._note_id,
            self.agency.currentData(),
            self.chosen_basis(),
            self.reason.toPlainText(),
            self.basis_text.text() if self.basis_text.isEnabled() else None,
        )
        changes = run_change(
            self,
            self.windowTitle(),
            disclose,
            hub=self._hub,
            refused=lambda text, _error: self._show(text),
        )
        if changes is not None:
            self.disclosed.emit(changes)
            self.accept()

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
