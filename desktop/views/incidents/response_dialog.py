"""Planera respons (issue 20): the response GVI practice prescribes, proposed by the core
for the coordinator to accept or decline part by part.

First the choices (the round's window, the teams, the rivals, the sanction days), then
"Föreslå" shows the proposal: who would be visited and why, how many visits the planner
placed and whom it could not, the sanction period and the follow-up tasks. Accepting
plans the visits through the service (each re-checked); what it refused is listed.
Keyboard: the focus starts in the first field; no button is the default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ResponseStatus
from desktop.services.incidents.response import ResponseService
from desktop.services.incidents.rows import (
    ResponseDecision,
    ResponsePart,
    ResponseProposal,
    ResponseRequest,
)
from desktop.services.planning.rows import CalendarTeam
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import phrase_text
from desktop.views.incidents.labels import follow_up_label
from desktop.views.incidents.models import TargetTableModel
from desktop.views.operations.labels import UNPLACED, word
from desktop.views.runner import run_change
from desktop.views.widgets.dates import qdate
from desktop.views.widgets.tables import compact_table

#: The round's default window: from tomorrow, three days (the message within 72 hours).
WINDOW_DAYS = 3


class ResponseDialog(QDialog):
    """Attributes:
    proposal: The proposal shown (after "Föreslå", or the one already waiting).
    decision: What acceptance did (None until accepted).
    """

    def __init__(
        self,
        responses: ResponseService,
        incident_id: int,
        reference: str,
        title: str,
        teams: Sequence[CalendarTeam],
        *,
        chosen_teams: Sequence[int] = (),
        waiting: ResponseProposal | None = None,
        hub: ChangesHub | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._responses = responses
        self._incident_id = incident_id
        self._hub = hub  # the runner publishes each change there, once
        self._reference = reference
        self.proposal: ResponseProposal | None = None
        self.decision: ResponseDecision | None = None
        self.setWindowTitle(self.tr("Planera respons – %1").replace("%1", title))
        self.setMinimumSize(1120, 740)
        tomorrow = (today or dt.date.today()) + dt.timedelta(days=1)

        self.first_day = QDateEdit(qdate(tomorrow))
        self.last_day = QDateEdit(qdate(tomorrow + dt.timedelta(days=WINDOW_DAYS - 1)))
        for edit, name in (
            (self.first_day, self.tr("Rundans första dag")),
            (self.last_day, self.tr("Rundans sista dag")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.teams = QListWidget()
        self.teams.setAccessibleName(self.tr("Team som gör rundan"))
        self.teams.setMinimumHeight(120)
        self.teams.setSpacing(2)
        for team in teams:
            name = f"{team.name} · {team.operation_name}" if team.operation_name else team.name
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, team.team_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = team.team_id in chosen_teams
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.teams.addItem(item)
        self.rivals = QCheckBox(self.tr("Även &medlemmar i rivaliserande grupperingar"))
        self.rivals.setChecked(True)
        self.sanction_days = QSpinBox()
        self.sanction_days.setRange(7, 365)
        self.sanction_days.setValue(90)
        self.sanction_days.setSuffix(self.tr(" dagar"))
        self.sanction_days.setAccessibleName(self.tr("Sanktionsperiodens längd"))
        self.propose_button = QPushButton(self.tr("&Föreslå"))
        self.propose_button.clicked.connect(self.propose)
        choices = QGroupBox(self.tr("Val"))
        form = QFormLayout(choices)
        for text, widget in (
            (self.tr("F&rån:"), self.first_day),
            (self.tr("&Till:"), self.last_day),
            (self.tr("T&eam:"), self.teams),
            (self.tr("&Sanktionsperiod:"), self.sanction_days),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.rivals)
        form.addRow(self.propose_button)
        choices.setMaximumWidth(480)

        self.summary = QLabel(self.tr("Inget förslag än. Välj och tryck Föreslå."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Förslaget"))
        self.targets = TargetTableModel(self)
        self.targets_view = compact_table(self.targets, self.tr("Personer i rundan"))
        self.targets_view.setMinimumHeight(150)
        self.round_part = QCheckBox(self.tr("Akut &besöksrunda"))
        self.sanction_part = QCheckBox(self.tr("S&anktionsperiod"))
        self.tasks_part = QCheckBox(self.tr("&Uppföljningsuppgifter"))
        self.sanction_text = QLabel()
        self.sanction_text.setWordWrap(True)
        self.tasks_text = QLabel()
        self.tasks_text.setWordWrap(True)
        self.unplaced = QListWidget()
        self.unplaced.setAccessibleName(self.tr("Kunde inte placeras"))
        self.people = QTabWidget()
        self.people.addTab(self.targets_view, self.tr("Personer i rundan"))
        self.people.addTab(self.unplaced, self.tr("Kunde inte placeras"))
        self.outcome_text = QLabel()
        self.outcome_text.setWordWrap(True)
        self.outcome_text.setAccessibleName(self.tr("Resultat"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #a11;")
        self.error.setWordWrap(True)
        proposal = QGroupBox(self.tr("Förslag"))
        shown = QVBoxLayout(proposal)
        shown.addWidget(self.summary)
        shown.addWidget(self.round_part)
        shown.addWidget(self.people, 1)
        shown.addWidget(self.sanction_part)
        shown.addWidget(self.sanction_text)
        shown.addWidget(self.tasks_part)
        shown.addWidget(self.tasks_text)
        shown.addWidget(self.outcome_text)

        self.accept_button = QPushButton(self.tr("&Godkänn valda delar"))
        self.accept_button.clicked.connect(self.accept_parts)
        self.decline_button = QPushButton(self.tr("A&vböj…"))
        self.decline_button.clicked.connect(self.decline)
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for button in (
            self.propose_button,
            self.accept_button,
            self.decline_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
            button.setDefault(False)
        # The choices on the left, the proposal beside them: the dialog fits a laptop.
        body = QHBoxLayout()
        body.addWidget(choices, 2)
        body.addWidget(proposal, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.show_proposal(waiting)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_day.setFocus()

    # -- the proposal ---------------------------------------------------------------
    def request(self) -> ResponseRequest:
        first: dt.date = self.first_day.date().toPython()  # type: ignore[assignment]
        last: dt.date = self.last_day.date().toPython()  # type: ignore[assignment]
        teams = tuple(
            int(self.teams.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.teams.count())
            if self.teams.item(n).checkState() == Qt.CheckState.Checked
        )
        return ResponseRequest(
            first_day=first,
            last_day=last,
            team_ids=teams,
            include_rivals=self.rivals.isChecked(),
            sanction_days=self.sanction_days.value(),
        )

    def propose(self) -> None:
        self.error.clear()
        request, responses, incident = self.request(), self._responses, self._incident_id
        result = run_change(
            self,
            self.tr("Föreslå respons"),
            lambda: responses.propose(incident, request),
            hub=self._hub,
            refused=lambda text, _e: self.error.setText(text),
        )
        if result is not None:
            self.show_proposal(result)

    def show_proposal(self, proposal: ResponseProposal | None) -> None:
        self.proposal = proposal
        waiting = proposal is not None and proposal.status is ResponseStatus.PROPOSED
        for part in (self.round_part, self.sanction_part, self.tasks_part):
            part.setEnabled(waiting)
            part.setChecked(waiting)
        self.accept_button.setEnabled(waiting)
        self.decline_button.setEnabled(waiting)
        if proposal is None:
            self.targets.set_rows([])
            for label in (self.sanction_text, self.tasks_text, self.unplaced):
                label.clear()
            self._count_tabs(0, 0)
            return
        self.first_day.setDate(qdate(proposal.first_day))
        self.last_day.setDate(qdate(proposal.last_day))
        self.targets.set_rows(proposal.targets)
        self.summary.setText(
            self.tr("%1 besök föreslagna %2 – %3 till %4 personer.")
            .replace("%1", str(proposal.proposed_visits))
            .replace("%2", proposal.first_day.isoformat())
            .replace("%3", proposal.last_day.isoformat())
            .replace("%4", str(len(proposal.targets)))
        )
        self.unplaced.clear()
        for u in proposal.unplaced:
            self.unplaced.addItem(f"{u.name}: {word(UNPLACED, u.reason)}")
        self._count_tabs(len(proposal.targets), len(proposal.unplaced))
        groups = ", ".join(name for _id, name in proposal.sanction_groups)
        self.sanction_text.setText(
            self.tr("Ökat fokus för %1 från %2 till %3.")
            .replace("%1", groups)
            .replace("%2", proposal.sanction_start.isoformat())
            .replace("%3", proposal.sanction_end.isoformat())
            if proposal.sanction_groups
            else self.tr("Ingen grupp på misstänkt sida: ingen sanktionsperiod.")
        )
        if not proposal.sanction_groups:
            self.sanction_part.setChecked(False)
            self.sanction_part.setEnabled(False)
        self.tasks_text.setText(
            "\n".join(
                f"• {follow_up_label(t.code, self._reference)} ({t.due.isoformat()})"
                for t in proposal.tasks
            )
        )

    def _count_tabs(self, targets: int, unplaced: int) -> None:
        self.people.setTabText(0, self.tr("Personer i rundan (%1)").replace("%1", str(targets)))
        self.people.setTabText(1, self.tr("Kunde inte placeras (%1)").replace("%1", str(unplaced)))

    def chosen_parts(self) -> frozenset[str]:
        return frozenset(
            code
            for code, box in (
                (ResponsePart.ROUND.value, self.round_part),
                (ResponsePart.SANCTION.value, self.sanction_part),
                (ResponsePart.TASKS.value, self.tasks_part),
            )
            if box.isChecked()
        )

    # -- the decision ---------------------------------------------------------------
    def accept_parts(self) -> None:
        proposal = self.proposal
        if proposal is None:
            return
        self.error.clear()
        parts = self.chosen_parts()
        if not parts:
            self.error.setText(self.tr("Välj minst en del att godkänna, eller avböj."))
            return
        responses = self._responses
        decision = run_change(
            self,
            self.tr("Godkänn respons"),
            lambda: accept_parts(responses, proposal, parts),
            hub=self._hub,
            refused=lambda text, _e: self.error.setText(text),
        )
        if decision is None:
            return
        self.decision = decision
        self.show_decision(decision)

    def show_decision(self, decision: ResponseDecision) -> None:
        lines = [
            self.tr("Godkänt: %1, %2, %3.")
            .replace("%1", self.tr("%n akuta besök planerade", "", decision.accepted))
            .replace("%2", self.tr("%n sanktionsperioder", "", len(decision.sanction_ids)))
            .replace("%3", self.tr("%n uppgifter", "", len(decision.task_ids)))
        ]
        if decision.refused:
            lines.append(self.tr("Kunde inte planeras:"))
            lines.extend(f"• {phrase_text(r)}" for r in decision.refused)
        self.outcome_text.setText("\n".join(lines))
        for widget in (
            self.accept_button,
            self.decline_button,
            self.round_part,
            self.sanction_part,
            self.tasks_part,
            self.propose_button,
        ):
            widget.setEnabled(False)
        self.close_button.setFocus()

    def decline(self) -> None:
        proposal = self.proposal
        if proposal is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Avböj respons"), self.tr("Varför avböjs förslaget?")
        )
        if not ok:
            return
        responses = self._responses
        done = run_change(
            self,
            self.tr("Avböj respons"),
            lambda: responses.decline(proposal.response_id, proposal.version, reason),
            hub=self._hub,
            refused=lambda text, _e: self.error.setText(text),
        )
        if done is not None:
            self.outcome_text.setText(self.tr("Förslaget avböjdes."))
            self.show_proposal(None)


def accept_parts(
    responses: ResponseService, proposal: ResponseProposal, parts: frozenset[str]
) -> ResponseDecision:
    """Accept the chosen parts of ``proposal``; a part left out is not made."""
    return responses.accept(
        proposal.response_id,
        proposal.version,
        parts=frozenset(ResponsePart(p) for p in parts),
    )
