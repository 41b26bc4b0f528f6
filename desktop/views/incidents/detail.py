"""One incident beside the register: facts, links, description, response, corrections."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.incidents.rows import (
    GroupLinkRow,
    IncidentDetail,
    PersonLinkRow,
    ResponseRow,
    RevisionRow,
)
from desktop.views.incidents.labels import (
    certainty_label,
    kind_label,
    role_label,
    side_label,
    status_label,
    when,
)
from desktop.views.incidents.models import harm_text
from desktop.views.incidents.revisions import RevisionsView
from desktop.views.labels import agency_label
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table


class IncidentDetailPanel(QWidget):
    """Shows an IncidentDetail; ``show_incident(None)`` says none is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: IncidentDetail | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.groups = RowsTableModel[GroupLinkRow](
            [
                Column(self.tr("Gruppering"), lambda g: g.group_name),
                Column(self.tr("Sida"), lambda g: side_label(g.side)),
                Column(self.tr("Källa"), lambda g: g.source),
                Column(self.tr("Säkerhet"), lambda g: certainty_label(g.certainty)),
            ],
            self,
        )
        self.persons = RowsTableModel[PersonLinkRow](
            [
                Column(self.tr("Person"), lambda p: p.person_label),
                Column(self.tr("Roll"), lambda p: role_label(p.role)),
                Column(self.tr("Källa"), lambda p: p.source),
                Column(self.tr("Säkerhet"), lambda p: certainty_label(p.certainty)),
            ],
            self,
        )
        self.responses = RowsTableModel[ResponseRow](
            [
                Column(self.tr("Respons"), lambda r: status_label(r.status)),
                Column(self.tr("Insats"), lambda r: r.operation_name),
                Column(self.tr("Fönster"), lambda r: f"{r.first_day} – {r.last_day}"),
                Column(
                    self.tr("Akuta besök"),
                    lambda r: (
                        self.tr("%1 planerade, %2 gjorda")
                        .replace("%1", str(r.visits_planned))
                        .replace("%2", str(r.visits_done))
                    ),
                ),
            ],
            self,
        )
        self.withheld = QLabel()
        self.withheld.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAccessibleName(self.tr("Beskrivning"))
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history = RevisionsView()
        links = QWidget()
        links_layout = QVBoxLayout(links)
        links_layout.addWidget(compact_table(self.groups, self.tr("Inblandade grupperingar")))
        links_layout.addWidget(compact_table(self.persons, self.tr("Inblandade personer")))
        links_layout.addWidget(self.withheld)
        self.tabs = QTabWidget()
        self.tabs.addTab(links, self.tr("Inblandade"))
        self.tabs.addTab(self.description, self.tr("Beskrivning"))
        self.tabs.addTab(compact_table(self.responses, self.tr("Respons")), self.tr("Respons"))
        self.tabs.addTab(self.history, self.tr("Rättelser"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        self.show_incident(None)

    def show_incident(
        self,
        detail: IncidentDetail | None,
        responses: Sequence[ResponseRow] = (),
        revisions: Sequence[RevisionRow] = (),
    ) -> None:
        self.detail = detail
        self.tabs.setEnabled(detail is not None)
        if detail is None:
            self.title.setText(self.tr("Ingen händelse vald"))
            self.facts.setText(self.tr("Välj en händelse i listan för att se den här."))
            for model in (self.groups, self.persons, self.responses):
                model.set_rows([])
            self.history.set_rows([])
            self.description.setText("")
            self.withheld.setText("")
            return
        self.title.setText(
            f"{kind_label(detail.kind)} · {when(detail.occurred_at)} · {detail.district or '–'}"
        )
        self.facts.setText(
            " · ".join(
                [
                    certainty_label(detail.certainty),
                    harm_text(detail.injured, detail.killed),
                    self.tr("Diarienummer %1").replace("%1", detail.reference),
                    self.tr("Registrerad av %1").replace(
                        "%1", agency_label(detail.agency_code, detail.agency_code)
                    ),
                ]
            )
        )
        self.groups.set_rows(detail.groups)
        self.persons.set_rows(detail.persons)
        self.withheld.setText(
            self.tr(
                "%n personer (brottsoffer, skadade eller vittnen) visas bara för den "
                "myndighet som registrerade händelsen.",
                "",
                detail.withheld_persons,
            )
            if detail.withheld_persons
            else ""
        )
        self.description.setText(
            detail.description
            if detail.description is not None
            else self.tr("Beskrivningen hör till en annan myndighet och visas inte.")
        )
        self.responses.set_rows(list(responses))
        self.history.set_rows(list(revisions))
        self.tabs.setTabText(3, self.tr("Rättelser (%1)").replace("%1", str(detail.revision_count)))
