"""One call-in: when and where, speakers, rehearsal checklist, invitations and attendance."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import InvitationStatus
from desktop.services.engagement import EngagementServices
from desktop.services.engagement.rows import AttendanceInput, CallInDetail, InvitationRow
from desktop.views.callins.dialogs import CallInDialog, InviteDialog, ProposeVisitsDialog
from desktop.views.callins.labels import label
from desktop.views.callins.models import InvitationTableModel, SpeakerTableModel
from desktop.views.callins.person_picker import PersonSource
from desktop.views.callins.printing import ATTENDEES, LETTERS, CallInPrinter
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import interface_language
from desktop.views.runner import run_change, run_query

#: Quick keys in the attendance table.
QUICK_KEYS: dict[str, InvitationStatus] = {
    "D": InvitationStatus.ATTENDED,
    "U": InvitationStatus.NO_SHOW,
    "T": InvitationStatus.LEFT_EARLY,
    "F": InvitationStatus.EXCUSED,
    "K": InvitationStatus.INVITED,
}


def _table(model: object, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


T = TypeVar("T")


class CallInDetailWidget(QWidget):
    """Shows one call-in and edits it; the runner publishes every saved change once;
    ``saved`` tells the page beside it to refresh its list."""

    saved = Signal()

    def __init__(
        self,
        services: EngagementServices,
        persons: PersonSource,
        can_edit: bool,
        printer: CallInPrinter | None = None,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self._persons = persons
        self._can_edit = can_edit
        self._printer = printer
        if printer is not None:
            printer.printed.connect(self._printed)
        self._detail: CallInDetail | None = None
        self.title = QLabel()
        self.title.setObjectName("callInTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.heading = QLabel()
        self.heading.setObjectName("callInHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton(self.tr("&Redigera…"))
        self.edit_button.clicked.connect(self.edit)
        self.speakers = SpeakerTableModel(self)
        self.speaker_view = _table(self.speakers, self.tr("Talare"))
        self.checklist = QListWidget()
        self.checklist.setAccessibleName(self.tr("Checklista"))
        self.checklist.itemChanged.connect(self._checklist_changed)
        self.invitations = InvitationTableModel(self)
        self.invitation_view = _table(self.invitations, self.tr("Inbjudna och närvaro"))
        self.summary = QLabel()
        self.invite_button = QPushButton(self.tr("&Bjud in…"))
        self.invite_button.clicked.connect(self.invite)
        self.remove_button = QPushButton(self.tr("Ta bort inbjudan"))
        self.remove_button.clicked.connect(self.remove_invitation)
        self.company_button = QPushButton(self.tr("Sällskap…"))
        self.company_button.clicked.connect(self.set_company)
        self.propose_button = QPushButton(self.tr("Föreslå &hembesök för uteblivna…"))
        self.propose_button.clicked.connect(self.propose_visits)
        self.letters_button = QPushButton(self.tr("Skriv ut &kallelser"))
        self.letters_button.clicked.connect(lambda: self._print_kind(LETTERS))
        # A letter is the recipient's, a young man in Sweden: Swedish unless chosen
        # otherwise, whatever the interface's language (issue 18).
        self.letter_language = QComboBox()
        self.letter_language.addItem(self.tr("Kallelser på svenska"), "sv")
        self.letter_language.addItem(self.tr("Kallelser på engelska"), "en")
        self.letter_language.setAccessibleName(self.tr("Kallelsernas språk"))
        self.letter_language.setToolTip(self.tr("Språket kallelserna skrivs ut på"))
        self.list_button = QPushButton(self.tr("Skriv ut &deltagarlista"))
        self.list_button.clicked.connect(lambda: self._print_kind(ATTENDEES))
        keys = QLabel(
            self.tr("Snabbtangenter: D deltog, U uteblev, T gick tidigt, F förhindrad, K kallad")
        )
        keys.setObjectName("hint")
        keys.setVisible(can_edit)
        # An event filter rather than shortcuts: the keys act only in the table, and
        # they take precedence over the view's keyboard search by first letter.
        self.invitation_view.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.edit_button, self.letter_language, self.letters_button):
            top.addWidget(button)
        top.addWidget(self.list_button)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self._titled(self.tr("Talare"), self.speaker_view))
        upper.addWidget(self._titled(self.tr("Checklista för repetition"), self.checklist))
        upper.setSizes([600, 300])
        actions = QHBoxLayout()
        for button in (self.invite_button, self.remove_button, self.company_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.propose_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("<b>Inbjudna och närvaro</b>")))
        heading.addWidget(self.summary, 1)
        lower_layout.addLayout(heading)
        lower_layout.addWidget(self.invitation_view)
        lower_layout.addWidget(keys)
        lower_layout.addLayout(actions)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([220, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        self._enable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.invitation_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
            status = QUICK_KEYS.get(event.text().upper()) if plain else None
            if status is not None:
                self.mark_selected(status)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(widget)
        return box

    # --- loading ---------------------------------------------------------------

    @property
    def call_in_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def show_call_in(self, call_in_id: int | None) -> None:
        if call_in_id is None:
            self._detail = None
        else:
            self._detail = run_query(
                self, self.tr("Stormöte"), lambda: self._services.callins.detail(call_in_id)
            )
        self._fill()

    def reload(self) -> None:
        self.show_call_in(self.call_in_id)

    def _fill(self) -> None:
        detail = self._detail
        self.checklist.blockSignals(True)
        self.checklist.clear()
        if detail is None:
            self.title.setText(self.tr("Välj ett stormöte i listan."))
            self.heading.clear()
            self.speakers.set_rows(())
            self.invitations.set_rows(())
            self.summary.clear()
        else:
            when = (
                self.tr("%1 kl. %2")
                .replace("%1", f"{detail.starts_at:%Y-%m-%d}")
                .replace("%2", f"{detail.starts_at:%H:%M}")
            )
            self.title.setText(detail.title)
            self.heading.setText(
                f"{when} · {detail.venue} · {label(detail.status)}"
                + (f"\n{detail.description}" if detail.description else "")
            )
            self.speakers.set_rows(detail.speakers)
            for item in detail.checklist:
                entry = QListWidgetItem(item.item)
                flags = entry.flags() | Qt.ItemFlag.ItemIsUserCheckable
                if not self._can_edit:
                    flags &= ~Qt.ItemFlag.ItemIsEnabled
                entry.setFlags(flags)
                entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
                self.checklist.addItem(entry)
            self.invitations.set_rows(detail.invitations)
            self.summary.setText(self._summary(detail.invitations))
        self.checklist.blockSignals(False)
        self._enable()

    def _summary(self, rows: tuple[InvitationRow, ...]) -> str:
        came = sum(
            r.status in (InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY) for r in rows
        )
        absent = sum(r.status is InvitationStatus.NO_SHOW for r in rows)
        return self.tr("%n inbjudna", "", len(rows)) + (
            self.tr(", %1 deltog, %2 uteblev").replace("%1", str(came)).replace("%2", str(absent))
        )

    def _enable(self) -> None:
        has = self._detail is not None
        for button in (
            self.edit_button,
            self.invite_button,
            self.remove_button,
            self.company_button,
            self.propose_button,
        ):
            button.setEnabled(has and self._can_edit)
        for widget in (self.letter_language, self.letters_button, self.list_button):
            widget.setEnabled(has and self._printer is not None)

    # --- actions -----------------------------------------------------------------

    def _printed(self) -> None:
        """A print job (it published its own Changes) logged its output: show the dates."""
        self.reload()
        self.saved.emit()

    def _change(self, title: str, work: Callable[[], T]) -> T | None:
        """Runs a change through the runner; what it changed goes out once, then reload."""
        result = run_change(self, title, work, hub=self._hub)
        if result is not None:
            self.reload()
            self.saved.emit()
        return result

    def edit(self) -> None:
        detail = self._detail
        if detail is None:
            return
        dialog = CallInDialog(detail.as_input(), self)
        if dialog.exec():
            data = dialog.value()
            self._change(
                self.tr("Stormöte"),
                lambda: self._services.callins.update(detail.id, detail.version, data),
            )

    def _checklist_changed(self, item: QListWidgetItem) -> None:
        detail = self._detail
        if detail is None:
            return
        index = self.checklist.row(item)
        done = item.checkState() == Qt.CheckState.Checked
        self._change(
            self.tr("Checklista"),
            lambda: self._services.callins.set_checklist_item(
                detail.id, detail.version, index, done
            ),
        )

    def selected_invitations(self) -> list[InvitationRow]:
        rows = {i.row() for i in self.invitation_view.selectionModel().selectedRows()}
        return [r for r in (self.invitations.row_at(n) for n in sorted(rows)) if r is not None]

    def mark_selected(self, status: InvitationStatus) -> None:
        """Set the attendance of the selected invitees and save at once."""
        detail = self._detail
        chosen = self.selected_invitations()
        if detail is None or not chosen or not self._can_edit:
            return
        current = self.invitation_view.currentIndex()
        marks = [AttendanceInput(r.id, status, r.accompanied_by) for r in chosen]
        self._change(self.tr("Närvaro"), lambda: self._services.attendance.record(detail.id, marks))
        # Keep the keyboard flow: move on to the next person.
        if len(chosen) == 1 and current.isValid():
            below = self.invitations.index(
                min(current.row() + 1, self.invitations.rowCount() - 1), 0
            )
            self.invitation_view.setCurrentIndex(below)
            self.invitation_view.selectRow(below.row())

    def set_company(self) -> None:
        detail, chosen = self._detail, self.selected_invitations()
        if detail is None or len(chosen) != 1:
            return
        row = chosen[0]
        text, ok = QInputDialog.getText(
            self, self.tr("Sällskap"), self.tr("Kom i sällskap med:"), text=row.accompanied_by
        )
        if ok:
            mark = AttendanceInput(row.id, row.status, text)
            self._change(
                self.tr("Närvaro"), lambda: self._services.attendance.record(detail.id, [mark])
            )

    def invite(self) -> None:
        detail = self._detail
        if detail is None:
            return
        groups = run_query(self, self.tr("Bjud in"), self._services.callins.group_choices) or []
        dialog = InviteDialog(groups, self._persons, self)
        if not dialog.exec():
            return
        persons, groups_chosen = dialog.persons.chosen_ids(), dialog.group_ids()
        mandated_by = dialog.mandated_by.text()
        self._change(
            self.tr("Bjud in"),
            lambda: self._services.callins.invite(
                detail.id, person_ids=persons, group_ids=groups_chosen, mandated_by=mandated_by
            ),
        )

    def remove_invitation(self) -> None:
        chosen = self.selected_invitations()
        if len(chosen) != 1:
            return
        self._change(
            self.tr("Ta bort inbjudan"),
            lambda: self._services.callins.remove_invitation(chosen[0].id),
        )

    def propose_visits(self) -> None:
        detail = self._detail
        if detail is None:
            return
        absent = [r for r in detail.invitations if r.status is InvitationStatus.NO_SHOW]
        if not absent:
            QMessageBox.information(
                self, self.tr("Uteblivna"), self.tr("Ingen har registrerats som utebliven.")
            )
            return
        operations = run_query(self, self.tr("Insatser"), self._services.attendance.open_operations)
        dialog = ProposeVisitsDialog(len(absent), operations or [], self)
        if not dialog.exec():
            return
        operation_id = dialog.operation_id()
        result = self._change(
            self.tr("Föreslå hembesök"),
            lambda: self._services.attendance.propose_home_visits(detail.id, operation_id),
        )
        if result is None:
            return
        proposal, _changes = result
        made = len(proposal.visit_ids) or len(proposal.task_ids)
        what = self.tr("föreslagna hembesök") if operation_id else self.tr("uppföljningar")
        QMessageBox.information(
            self,
            self.tr("Föreslå hembesök"),
            self.tr("%1 %2 skapades, %3 fanns redan.")
            .replace("%1", str(made))
            .replace("%2", what)
            .replace("%3", str(proposal.skipped)),
        )

    def _print_kind(self, kind: str) -> None:
        if self._printer is not None and self._detail is not None:
            # Letters in the language chosen for them; the attendance list is internal
            # and follows the interface.
            lang = self.letter_language.currentData() if kind == LETTERS else interface_language()
            self._printer.start(self, kind, self._detail.id, lang)
