"""One person's profile: header, addresses, family, groups, timeline, own agency's notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.incidents.register import IncidentService
from desktop.services.mapping import MappingServices
from desktop.services.mapping.rows import (
    AddressRow,
    MembershipRow,
    PersonProfile,
    RelativeRow,
    TimelineEntry,
)
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub, hub_or_own
from desktop.views.incidents.timeline import IncidentTimeline
from desktop.views.persons.labels import label, timeline_code
from desktop.views.persons.profile_notes import ProfileNotesTab
from desktop.views.persons.relatives import RelativesPanel
from desktop.views.runner import run_change
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table

PHOTO_SIZE = 120
PROTECTED_STYLE = (
    "background: #8a1c1c; color: white; font-weight: bold; padding: 6px; border-radius: 3px;"
)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class PersonProfilePage(QWidget):
    """Reading the profile writes an audit entry (person.read with its purpose).

    Its changes (and those of its panels and dialogs) are published to the hub once, by
    the runner; the page hears them there like every page (``apply_changes``).
    """

    back_requested = Signal()
    find_requested = Signal()  # Ctrl+F: back to the list's search
    person_opened = Signal(int)
    group_opened = Signal(int)

    def __init__(  # type: ignore[no-untyped-def]
        self,
        mapping: MappingServices,
        person_id: int,
        parent=None,
        incidents: IncidentService | None = None,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._hub = hub_or_own(hub, self.apply_changes)
        self.person_id = person_id
        role = mapping.persons.store.identity.role
        self._may_reveal = allowed(role, Action.PERSON_REVEAL_ID)
        self._may_edit = allowed(role, Action.PERSON_EDIT)

        self.photo = QLabel()
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.protected_banner = QLabel(
            self.tr("SKYDDAD IDENTITET – adress och uppgifter får inte lämnas ut")
        )
        self.protected_banner.setStyleSheet(PROTECTED_STYLE)
        self.aliases = QLabel()
        self.facts = QLabel()
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deliveries = QLabel()
        self.identity = QLabel()
        self.reveal_button = QPushButton(self.tr("&Visa personnummer"))
        self.reveal_button.setVisible(self._may_reveal)
        self.reveal_button.clicked.connect(self.reveal_identity)
        self.edit_button = QPushButton(self.tr("&Redigera"))
        self.edit_button.setVisible(self._may_edit)
        self.edit_button.clicked.connect(self._edit)
        self.address_button = QPushButton(self.tr("Ny a&dress…"))
        self.address_button.setVisible(self._may_edit)
        self.address_button.clicked.connect(self._new_address)
        self.link_button = QPushButton(self.tr("Ko&ppla till gruppering…"))
        self.link_button.setVisible(self._may_edit and allowed(role, Action.GROUP_EDIT))
        self.link_button.clicked.connect(self._link_group)
        self.back_button = QPushButton(self.tr("&Tillbaka"))
        self.back_button.setToolTip(self.tr("Tillbaka till listan (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.escape_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit
        )
        # Issue 18: Ctrl+F did nothing on a profile (the list's shortcut is hidden with it).
        self.find_shortcut = QShortcut(
            QKeySequence.StandardKey.Find, self, self.find_requested.emit
        )

        self.addresses = RowsTableModel[AddressRow](
            [
                Column(self.tr("Adress"), lambda a: a.street),
                Column(self.tr("Postnr"), lambda a: a.postcode or ""),
                Column(self.tr("Ort"), lambda a: a.city or ""),
                Column(self.tr("Område"), lambda a: a.area or ""),
                Column(self.tr("Från"), lambda a: _date(a.valid_from)),
                Column(
                    self.tr("Till"), lambda a: _date(a.valid_to) if a.valid_to else self.tr("nu")
                ),
                Column(self.tr("Vid dörren"), lambda a: a.access_notes, lambda a: a.access_notes),
            ],
            self,
        )
        self.relatives = RowsTableModel[RelativeRow](
            [
                Column(self.tr("Namn"), lambda r: r.name),
                Column(self.tr("Relation"), lambda r: r.relation),
                Column(self.tr("Telefon"), lambda r: r.phone or ""),
                Column(self.tr("Samma adress"), lambda r: self.tr("ja") if r.same_address else ""),
                Column(
                    self.tr("Kartlagd"),
                    lambda r: self.tr("ja – öppna") if r.linked_person_id else "",
                ),
            ],
            self,
        )
        self.memberships = RowsTableModel[MembershipRow](
            [
                Column(self.tr("Gruppering"), lambda m: m.group_name),
                Column(self.tr("Roll"), lambda m: label(m.role)),
                Column(self.tr("Sedan"), lambda m: _date(m.since)),
                Column(self.tr("Till"), lambda m: _date(m.until)),
                Column(self.tr("Källa"), lambda m: m.source or ""),
                Column(self.tr("Skäl"), lambda m: m.reason or ""),
                Column(self.tr("Omprövas"), lambda m: _date(m.review_date)),
            ],
            self,
        )
        self.timeline = RowsTableModel[TimelineEntry](
            [
                Column(self.tr("Datum"), lambda e: e.on.isoformat()),
                Column(self.tr("Händelse"), lambda e: label(e.kind)),
                Column(self.tr("Utfall"), lambda e: timeline_code(e.kind, e.code)),
                Column(self.tr("Detalj"), lambda e: e.title),
            ],
            self,
        )
        self.tabs = QTabWidget()
        self.relatives_view = compact_table(self.relatives, self.tr("Familj och nätverk"))
        self.relatives_view.doubleClicked.connect(self._open_relative)
        self.relatives_panel = RelativesPanel(
            mapping, person_id, self.relatives, self.relatives_view, self._may_edit, hub=self._hub
        )
        self.memberships_view = compact_table(self.memberships, self.tr("Grupperingar"))
        self.memberships_view.doubleClicked.connect(self._open_group)
        self.memberships_tab = QWidget()
        self.end_link_button = QPushButton(self.tr("Avsluta &kopplingen i dag"))
        self.end_link_button.setVisible(allowed(role, Action.GROUP_EDIT))
        self.end_link_button.clicked.connect(self.end_selected_link)
        links_layout = QVBoxLayout(self.memberships_tab)
        links_layout.addWidget(self.memberships_view)
        links_layout.addWidget(self.end_link_button, 0, Qt.AlignmentFlag.AlignRight)
        self.notes_tab = ProfileNotesTab(mapping, person_id, hub=self._hub)
        for view, title in (
            (compact_table(self.addresses, self.tr("Adresser")), self.tr("&Adresser")),
            (self.relatives_panel, self.tr("&Familj och nätverk")),
            (self.memberships_tab, self.tr("&Grupperingar")),
            (compact_table(self.timeline, self.tr("Händelser")), self.tr("&Händelser")),
            (self.notes_tab, self.tr("A&nteckningar (min myndighet)")),
        ):
            self.tabs.addTab(view, title)
        # Issue 20: the violence he was part of, himself or through his groups.
        self.incidents: IncidentTimeline | None = None
        if incidents is not None and allowed(role, Action.INCIDENT_READ):
            register = incidents
            self.incidents = IncidentTimeline(lambda: register.for_person(person_id))
            self.tabs.addTab(self.incidents, self.tr("Vå&ldshändelser"))

        details = QVBoxLayout()
        details.addWidget(self.name)
        details.addWidget(self.aliases)
        details.addWidget(self.facts)
        details.addWidget(self.deliveries)
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity)
        identity_row.addWidget(self.reveal_button)
        identity_row.addStretch(1)
        details.addLayout(identity_row)
        details.addStretch(1)
        actions = QVBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.address_button)
        actions.addWidget(self.link_button)
        actions.addStretch(1)
        header = QGridLayout()
        header.addWidget(self.photo, 0, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(details, 0, 1)
        header.addLayout(actions, 0, 2)
        header.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.protected_banner)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.profile: PersonProfile | None = None
        self.reload()

    def reload(self) -> None:
        profile = self._mapping.persons.profile(self.person_id)
        self.profile = profile
        if self.incidents is not None:
            self.incidents.reload()
        today = dt.date.today()
        self.name.setText(profile.full_name)
        self.protected_banner.setVisible(profile.protected_identity)
        # No empty line between the name and the facts when there is no alias.
        self.aliases.setVisible(bool(profile.aliases))
        self.aliases.setText(
            self.tr("Alias: %1").replace("%1", ", ".join(profile.aliases))
            if profile.aliases
            else ""
        )
        age = profile.age(today)
        parts = [
            self.tr("Född %1 (%2 år)")
            .replace("%1", _date(profile.birth_date))
            .replace("%2", str(age))
            if age is not None
            else self.tr("Födelsedatum okänt"),
            label(profile.status),
            label(profile.category),
            self.tr("Prioritet %1").replace("%1", str(profile.priority)),
        ]
        if profile.at_risk_victim:
            parts.append(self.tr("risk att skjutas"))
        if profile.at_risk_shooter:
            parts.append(self.tr("risk att skjuta"))
        if profile.language:
            interpreter = self.tr(", tolk behövs") if profile.interpreter_need else ""
            parts.append(self.tr("Språk: %1").replace("%1", profile.language) + interpreter)
        if profile.review_date:
            parts.append(self.tr("Omprövas %1").replace("%1", _date(profile.review_date)))
        self.facts.setText(" · ".join(parts))
        if not profile.deliveries:
            delivered = self.tr("Har inte fått budskapet ännu")
        elif profile.deliveries == 1:
            delivered = self.tr("Budskapet delgivet en gång, %1")
        else:
            delivered = self.tr("Budskapet delgivet %2 gånger, senast %1").replace(
                "%2", str(profile.deliveries)
            )
        self.deliveries.setText(delivered.replace("%1", _date(profile.last_delivery)))
        self.identity.setText(
            self.tr("Personnummer: %1").replace("%1", profile.identity_masked or "–")
        )
        self.reveal_button.setEnabled(bool(profile.identity_masked))
        self._show_photo(profile)
        self.addresses.set_rows(profile.addresses)
        self.relatives.set_rows(profile.relatives)
        self.memberships.set_rows(profile.memberships)
        self.timeline.set_rows(profile.timeline)
        self.notes_tab.reload()

    def _show_photo(self, profile: PersonProfile) -> None:
        data = self._mapping.persons.photo(profile.id) if profile.has_photo else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(
                pixmap.scaled(
                    PHOTO_SIZE,
                    PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setText(self.tr("Inget foto"))

    def reveal_identity(self) -> None:
        """Show the full number; the service checks the permission and audits it.

        A sensitive action: if the password is not fresh, it is asked for once here
        (and checked off the GUI thread).
        """
        persons, person_id = self._mapping.persons, self.person_id
        shown = run_change(
            self,
            self.tr("Visa personnummer"),
            lambda: (persons.reveal_identity(person_id),),  # done, even without a number
            reauth=self._mapping.reauth,
            refused=self._say,
        )
        if shown is None:
            return
        self.identity.setText(self.tr("Personnummer: %1").replace("%1", shown[0] or "–"))
        self.reveal_button.setEnabled(False)

    def apply_changes(self, changes: Changes) -> None:
        if self.person_id in changes.ids_of("person") or changes.touches("group", "incident"):
            self.reload()

    def _edit(self) -> None:
        from desktop.views.persons.person_dialog import PersonDialog

        if self.profile is None:
            return
        PersonDialog(self._mapping.persons, self.profile, parent=self, hub=self._hub).exec()

    def end_selected_link(self) -> None:
        """End the selected group link today (after a review found no reason to keep it)."""
        link = self.memberships.row_at(self.memberships_view.currentIndex().row())
        if link is None or link.until is not None:
            return
        groups, today = self._mapping.groups, dt.date.today()
        run_change(
            self,
            self.tr("Avsluta koppling"),
            lambda: groups.end_member(link.id, today),
            hub=self._hub,
            refused=self._say,
        )

    def _say(self, text: str, _error: BaseException) -> None:
        self.identity.setText(text)

    def _new_address(self) -> None:
        from desktop.views.persons.link_dialogs import AddressDialog

        AddressDialog(self._mapping, self.person_id, parent=self, hub=self._hub).exec()

    def _link_group(self) -> None:
        from desktop.views.persons.link_dialogs import MembershipDialog

        MembershipDialog(self._mapping, self.person_id, parent=self, hub=self._hub).exec()

    def _open_relative(self, index) -> None:  # type: ignore[no-untyped-def]
        relative = self.relatives.row_at(index.row())
        if relative is not None and relative.linked_person_id is not None:
            self.person_opened.emit(relative.linked_person_id)

    def _open_group(self, index) -> None:  # type: ignore[no-untyped-def]
        membership = self.memberships.row_at(index.row())
        if membership is not None:
            self.group_opened.emit(membership.group_id)
