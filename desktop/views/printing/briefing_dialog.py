"""Choose a briefing packet (operation, team, day or whole operation) and build it.

The PDF is built into memory off the GUI thread with a busy indicator (never onto
disk); when it is ready the preview opens. Printing protected addresses is a
deliberate choice with a warning.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.briefing import BriefingRequest, BriefingServices
from desktop.services.briefing.choices import OperationChoice, TeamChoice
from desktop.services.errors import ValidationError
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import interface_language
from desktop.views.printing.preview import BuiltPdf, PrintPreviewDialog, build_in_memory
from desktop.views.runner import done, publish_done, report_failure, run_query
from desktop.views.worker import BackgroundTask, run_in_background


class BriefingDialog(QDialog):
    """A finished print (its serial and audit) reaches the hub once (``publish_done``)."""

    def __init__(
        self,
        services: BriefingServices,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self._task: BackgroundTask | None = None
        self.preview: PrintPreviewDialog | None = None
        self.setWindowTitle(self.tr("Skriv ut genomgångsunderlag"))

        self.operation = QComboBox()
        self.team = QComboBox()
        self.one_day = QRadioButton(self.tr("En dag"))
        self.whole = QRadioButton(self.tr("Hela insatsen, dag för dag"))
        self.one_day.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.one_day)
        scope.addButton(self.whole)
        self.day = QComboBox()
        self.protected = QCheckBox(self.tr("Ta med adresser till personer med skyddad identitet"))
        self.warning = QLabel(
            self.tr(
                "Varning: skyddade adresser skrivs ut och markeras på sidan. Gör det bara om "
                "teamet måste ha adressen, och förvara papperet oåtkomligt."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a61b1b; font-weight: 600;")
        self.warning.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Insats"), self.operation)
        form.addRow(self.tr("&Team"), self.team)
        form.addRow(self.tr("Omfattning"), self.one_day)
        form.addRow("", self.whole)
        form.addRow(self.tr("&Dag"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.build_button = QPushButton(self.tr("Skapa underlag"))
        self.build_button.setDefault(True)
        buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.build_button.clicked.connect(self.build)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.protected)
        layout.addWidget(self.warning)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._operations: list[OperationChoice] = services.choices.operations()
        for op in self._operations:
            self.operation.addItem(f"{op.name} ({op.start_date} – {op.end_date})", op.id)
        self.operation.currentIndexChanged.connect(self._fill_teams)
        self.team.currentIndexChanged.connect(self._fill_days)
        self.whole.toggled.connect(lambda on: self.day.setEnabled(not on))
        self.protected.toggled.connect(self.warning.setVisible)
        self._fill_teams()

    # -- choices -----------------------------------------------------------------
    def _current_operation(self) -> OperationChoice | None:
        index = self.operation.currentIndex()
        return self._operations[index] if 0 <= index < len(self._operations) else None

    def _current_team(self) -> TeamChoice | None:
        op = self._current_operation()
        index = self.team.currentIndex()
        return op.teams[index] if op is not None and 0 <= index < len(op.teams) else None

    def _fill_teams(self) -> None:
        self.team.clear()
        op = self._current_operation()
        for team in op.teams if op else ():
            self.team.addItem(team.name, team.id)
        self._fill_days()

    def _fill_days(self) -> None:
        self.day.clear()
        team = self._current_team()
        for day in team.days if team else ():
            self.day.addItem(day.isoformat(), day)
        ready = team is not None and bool(team.days)
        self.build_button.setEnabled(ready)
        self.status.setText("" if ready else self.tr("Teamet har inga planerade besök."))

    def request(self) -> BriefingRequest | None:
        op, team = self._current_operation(), self._current_team()
        if op is None or team is None:
            return None
        day: dt.date | None = None if self.whole.isChecked() else self.day.currentData()
        # The packet's words follow the printing user's interface language (issue 18).
        return BriefingRequest(
            op.id, team.id, day, self.protected.isChecked(), lang=interface_language()
        )

    # -- build -------------------------------------------------------------------
    def build(self) -> None:
        request = self.request()
        if request is None or self._task is not None:
            return
        if request.include_protected_addresses:
            answer = QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Skyddade adresser kommer att skrivas ut. Fortsätta?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            # Printing a protected address asks for the password again (issue 15).
            printing = self._services.printing
            allowed = run_query(
                self,
                self.windowTitle(),
                done(lambda: printing.check_protected_addresses(request)),
                reauth=printing.reauth,
                refused=self._say,
            )
            if allowed is None:
                return
        self.start(request)

    def start(self, request: BriefingRequest) -> None:
        """Build the packet in the background (no questions asked)."""
        printing = self._services.printing
        self.busy.show()
        self.build_button.setEnabled(False)
        self.status.setText(self.tr("Underlaget skapas…"))
        self._task = run_in_background(
            lambda: build_in_memory(lambda out: printing.print_briefing(request, out)),
            self._built,
            self._failed,
            self,
        )

    def _built(self, result: object) -> None:
        self._task = None
        self.busy.hide()
        self.build_button.setEnabled(True)
        assert isinstance(result, BuiltPdf)
        serial = result.result.serial
        self.status.setText(self.tr("Utskrift nr %1 är klar.").replace("%1", serial))
        publish_done(self._hub, result.result)
        self.preview = PrintPreviewDialog(
            result.pdf,
            serial,
            self._services.printing.record_output,
            self.tr("Genomgångsunderlag %1").replace("%1", serial),
            self,
        )
        self.preview.open()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.busy.hide()
        self.build_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field == "date":
            self._reload_choices()  # the day's visits were cancelled or moved meanwhile
        report_failure(self, self.windowTitle(), error, self._say)

    def _say(self, text: str, _error: BaseException) -> None:
        self.status.setText(text)

    def _reload_choices(self) -> None:
        """Reads operations, teams and days with visits again, keeping the choice."""
        team = self._current_team()
        operation = self._current_operation()
        self._operations = self._services.choices.operations()
        self.operation.blockSignals(True)
        self.operation.clear()
        for op in self._operations:
            self.operation.addItem(f"{op.name} ({op.start_date} – {op.end_date})", op.id)
        if operation is not None:
            self.operation.setCurrentIndex(max(0, self.operation.findData(operation.id)))
        self.operation.blockSignals(False)
        self._fill_teams()
        if team is not None:
            self.team.setCurrentIndex(max(0, self.team.findData(team.id)))
