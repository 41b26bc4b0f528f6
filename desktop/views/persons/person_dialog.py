"""Create or edit a person: Swedish validation, a duplicate warning, undo before saving."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Category, PersonStatus
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.mapping.persons import PersonService
from desktop.services.mapping.rows import DuplicateCandidate, PersonInput, PersonProfile
from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.field_undo import FieldUndo
from desktop.views.persons.labels import label
from desktop.views.runner import publish_done, run_change, run_query
from desktop.views.widgets.form_keys import guard_form

ERROR_STYLE = "color: #a11;"


class PersonDialog(QDialog):
    """Fill in or change a person. ``changes`` holds what was saved after ``accept``.

    Args:
        persons: The person service.
        profile: The person to edit, or None for a new person.
    """

    def __init__(
        self,
        persons: PersonService,
        profile: PersonProfile | None = None,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._persons = persons
        self._hub = hub  # the runner publishes the save there, once
        self._profile = profile
        self._photo: bytes | None = None
        self._acknowledged: list[int] | None = None
        self.changes = Changes()
        self.setWindowTitle(self.tr("Redigera person") if profile else self.tr("Ny person"))
        self.setMinimumWidth(480)

        self.fields: dict[str, QWidget] = {}
        self.first_name = self._line("first_name", self.tr("Förnamn"))
        self.last_name = self._line("last_name", self.tr("Efternamn"))
        self.aliases = self._line("aliases", self.tr("Alias (skilj med ;)"))
        self.identity = self._line("identity_number", self.tr("Personnummer"))
        self.identity.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN eller samordningsnummer"))
        self.birth_date = self._line("birth_date", self.tr("Födelsedatum"))
        self.birth_date.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.status = self._enum_combo("status", PersonStatus)
        self.category = self._enum_combo("category", Category)
        self.language = self._line("language", self.tr("Språk"))
        self.interpreter = QCheckBox(self.tr("Behöver to&lk"))
        self.protected = QCheckBox(self.tr("Skyddad &identitet"))
        self.risk_victim = QCheckBox(self.tr("&Risk att skjutas"))
        self.risk_shooter = QCheckBox(self.tr("Risk att skj&uta"))
        self.priority = QComboBox()
        self.priority.addItems(["1", "2", "3"])
        self.priority.setCurrentIndex(1)
        self.priority.setAccessibleName(self.tr("Prioritet"))
        self.phone = self._line("phone", self.tr("Telefon"))
        self.phone.setPlaceholderText("070-123 45 67")
        self.source = self._line("source", self.tr("Källa"))
        self.review_date = self._line("review_date", self.tr("Omprövas"))
        self.review_date.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.photo_button = QPushButton(self.tr("Väl&j foto…"))
        self.photo_button.clicked.connect(self._choose_photo)

        form = QFormLayout()
        rows = (
            (self.tr("&Förnamn"), self.first_name),
            (self.tr("&Efternamn"), self.last_name),
            (self.tr("&Alias"), self.aliases),
            (self.tr("&Personnummer"), self.identity),
            (self.tr("F&ödelsedatum"), self.birth_date),
            (self.tr("S&tatus"), self.status),
            (self.tr("&Kategori"), self.category),
            (self.tr("Sp&råk"), self.language),
            ("", self.interpreter),
            ("", self.protected),
            ("", self.risk_victim),
            ("", self.risk_shooter),
            (self.tr("Pri&oritet"), self.priority),
            (self.tr("Telefo&n"), self.phone),
            (self.tr("K&älla"), self.source),
            (self.tr("Omprö&vas"), self.review_date),
            (self.tr("Foto"), self.photo_button),
        )
        for text, widget in rows:
            form.addRow(text, widget)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setVisible(False)

        self.undo_stack = QUndoStack(self)
        self.undo_button = QPushButton(self.tr("Ån&gra"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.duplicates)
        layout.addLayout(bottom)

        if profile is not None:
            self._fill(profile)
        self._undo = FieldUndo(self.undo_stack)
        tracked: tuple[QWidget, ...] = (
            *self.fields.values(),
            self.interpreter,
            self.protected,
            self.risk_victim,
            self.risk_shooter,
            self.priority,
        )
        for field in tracked:
            self._undo.track(field)
        guard_form(self, self.buttons, self.first_name)

    def _line(self, field: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.setObjectName(field)
        self.fields[field] = edit
        return edit

    def _enum_combo(self, field: str, enum_cls) -> QComboBox:  # type: ignore[no-untyped-def]
        combo = QComboBox()
        for member in enum_cls:
            combo.addItem(label(member), member)
        combo.setObjectName(field)
        self.fields[field] = combo
        return combo

    def _fill(self, p: PersonProfile) -> None:
        self.first_name.setText(p.first_name)
        self.last_name.setText(p.last_name)
        self.aliases.setText("; ".join(p.aliases))
        # The full number stays hidden: leave the field empty to keep the stored one.
        self.identity.setPlaceholderText(
            self.tr("Oförändrat (%1)").replace("%1", p.identity_masked)
            if p.identity_masked
            else self.identity.placeholderText()
        )
        self.birth_date.setText(p.birth_date.isoformat() if p.birth_date else "")
        self.status.setCurrentIndex(self.status.findData(p.status))
        self.category.setCurrentIndex(self.category.findData(p.category))
        self.language.setText(p.language or "")
        self.interpreter.setChecked(p.interpreter_need)
        self.protected.setChecked(p.protected_identity)
        self.risk_victim.setChecked(p.at_risk_victim)
        self.risk_shooter.setChecked(p.at_risk_shooter)
        self.priority.setCurrentIndex(p.priority - 1)
        self.phone.setText(p.phone or "")
        self.source.setText(p.source or "")
        self.review_date.setText(p.review_date.isoformat() if p.review_date else "")

    def person_input(self) -> PersonInput:
        return PersonInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            aliases=self.aliases.text(),
            identity_number=self.identity.text(),
            birth_date=self.birth_date.text(),
            language=self.language.text(),
            interpreter_need=self.interpreter.isChecked(),
            status=PersonStatus(self.status.currentData()),
            category=Category(self.category.currentData()),
            protected_identity=self.protected.isChecked(),
            at_risk_victim=self.risk_victim.isChecked(),
            at_risk_shooter=self.risk_shooter.isChecked(),
            priority=self.priority.currentIndex() + 1,
            phone=self.phone.text(),
            source=self.source.text(),
            review_date=self.review_date.text(),
        )

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Välj foto"), "", self.tr("Bilder (*.jpg *.jpeg *.png)")
        )
        if path:
            with open(path, "rb") as file:
                self._photo = file.read()

    def save(self) -> None:
        """Validate, warn once about possible duplicates, then save."""
        inp = self.person_input()
        exclude = self._profile.id if self._profile else None
        persons, profile, photo = self._persons, self._profile, self._photo
        title = self.windowTitle()
        found = run_query(
            self, title, lambda: persons.duplicates(inp, exclude), refused=self._refused
        )
        if found is None:
            return
        ids = [d.person_id for d in found]
        if found and ids != self._acknowledged:
            self._show_duplicates(found)
            self._acknowledged = ids
            return
        conflicts: list[BaseException] = []

        def refused(text: str, error: BaseException) -> None:
            if isinstance(error, ConflictError) and profile is not None:
                conflicts.append(error)  # resolved below, with both versions shown
            else:
                self._refused(text, error)

        if profile is None:
            changes = run_change(
                self, title, lambda: persons.create(inp, photo), hub=self._hub, refused=refused
            )
        else:
            changes = run_change(
                self,
                title,
                lambda: persons.update(profile.id, profile.version, inp, photo, keep_identity=True),
                hub=self._hub,
                refused=refused,
            )
        if changes is None and conflicts and profile is not None:
            # Someone saved first: show both versions, save what the user picks.
            from desktop.views.server.conflict_dialog import PERSON_LABELS, resolve_conflict

            changes = resolve_conflict(
                self,
                persons.store,
                "person",
                profile.id,
                inp,
                lambda merged, version: persons.update(
                    profile.id, version, merged, photo, keep_identity=True
                ),
                PERSON_LABELS,
            )
            if changes is not None:
                publish_done(self._hub, changes)  # the version the user picked, saved
        if changes is None:
            return
        self.changes = changes
        self.accept()

    def _refused(self, text: str, error: BaseException) -> None:
        self._show_error(text, error.field if isinstance(error, ValidationError) else None)

    def _show_error(self, message: str, field: str | None) -> None:
        self.error.setText(message)
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _show_duplicates(self, found: list[DuplicateCandidate]) -> None:
        lines = [
            f"• {d.full_name} ({d.birth_date.isoformat() if d.birth_date else '–'}): "
            f"{label(d.reason)}"
            for d in found
        ]
        self.duplicates.setText(
            self.tr("Möjliga dubbletter finns redan:")
            + "\n"
            + "\n".join(lines)
            + "\n"
            + self.tr("Spara igen om det ändå är en annan person.")
        )
        self.duplicates.setVisible(True)
        self.error.setText("")
