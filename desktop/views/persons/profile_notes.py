"""The profile's notes tab: the user's own agency's notes, writing and disclosing them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models import NoteKind
from desktop.services.mapping import MappingServices
from desktop.services.mapping.notes import AgencyNoteRow
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub
from desktop.views.i18n import utc_to_local
from desktop.views.persons.labels import label
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table


class ProfileNotesTab(QWidget):
    """Lists one person's notes from the compartments the user holds.

    A note written or disclosed is published to ``hub`` once, by the runner in its
    dialog; the tab then shows the notes again.
    """

    def __init__(  # type: ignore[no-untyped-def]
        self, mapping: MappingServices, person_id: int, parent=None, *, hub: ChangesHub
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._hub = hub
        self.person_id = person_id
        role = mapping.persons.store.identity.role
        self.notes = RowsTableModel[AgencyNoteRow](
            [
                # Stored naive UTC: shown in Stockholm time (review finding 14).
                Column(
                    self.tr("Skriven"),
                    lambda n: utc_to_local(n.created_at).strftime("%Y-%m-%d %H:%M"),
                ),
                Column(self.tr("Slag"), lambda n: label(NoteKind(n.kind))),
                Column(self.tr("Text"), lambda n: n.text, lambda n: n.text),
            ],
            self,
        )
        self.message = QLabel()
        self.view = compact_table(self.notes, self.tr("Anteckningar"))
        service = getattr(mapping.notes, "service", None)
        self.new_note_button = QPushButton(self.tr("&Ny anteckning…"))
        self.new_note_button.setVisible(service is not None and allowed(role, Action.NOTE_WRITE))
        self.new_note_button.clicked.connect(self.write_note)
        self.disclose_button = QPushButton(self.tr("Lämna &ut…"))
        self.disclose_button.setToolTip(
            self.tr("Dela den valda anteckningen med en annan myndighet (utlämnande)")
        )
        self.disclose_button.setVisible(service is not None and allowed(role, Action.NOTE_DISCLOSE))
        self.disclose_button.clicked.connect(self.disclose_selected_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_note_button)
        buttons.addWidget(self.disclose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def reload(self) -> None:
        source = self._mapping.notes
        if source.available:
            self.notes.set_rows(source.notes_for_person(self.person_id))
            self.message.setText(self.tr("Anteckningar som din myndighet har skrivit."))
        else:
            self.notes.set_rows([])
            self.message.setText(self.tr("Anteckningar kan inte visas ännu."))

    def write_note(self) -> None:
        """A new note in the user's own agency compartment."""
        from desktop.views.notes.dialogs import NoteDialog

        identity = self._mapping.persons.store.identity
        dialog = NoteDialog(
            self._mapping.notes.service,  # type: ignore[attr-defined]
            person_id=self.person_id,
            agency_name=identity.agency_name,
            parent=self,
            hub=self._hub,
        )
        dialog.saved.connect(self.reload)
        dialog.exec()

    def disclose_selected_note(self) -> None:
        """Share the selected note with another agency (utlämnande)."""
        from desktop.views.notes.dialogs import DisclosureDialog

        note = self.notes.row_at(self.view.currentIndex().row())
        if note is None:
            self.message.setText(self.tr("Välj först anteckningen som ska lämnas ut."))
            return
        dialog = DisclosureDialog(
            self._mapping.notes.service,  # type: ignore[attr-defined]
            note.id,
            self._mapping.persons.store.identity.agency_code,
            parent=self,
            hub=self._hub,
        )
        dialog.disclosed.connect(self.reload)
        dialog.exec()
