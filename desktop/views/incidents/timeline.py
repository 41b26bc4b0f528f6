"""An incident timeline for a group's or a person's profile (issue 20): every incident
they were part of, newest first, with their part, and a line that sums it up."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.incidents.rows import TimelineRow
from desktop.views.incidents.models import TimelineTableModel, harm_text
from desktop.views.runner import run_query
from desktop.views.widgets.tables import compact_table

Load = Callable[[], Sequence[TimelineRow]]


class IncidentTimeline(QWidget):
    """``load`` reads the rows (the register's ``for_group`` or ``for_person``)."""

    def __init__(self, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.model = TimelineTableModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.view = compact_table(self.model, self.tr("Våldshändelser"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def reload(self) -> None:
        rows = sorted(
            run_query(self, self.tr("Våldshändelser"), self._load) or [],
            key=lambda r: r.occurred_at,
            reverse=True,
        )
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText(self.tr("Inga registrerade händelser."))
            return
        harmed = harm_text(sum(r.injured for r in rows), sum(r.killed for r in rows))
        self.summary.setText(
            self.tr("%1 händelser, den senaste %2; skadade och döda sammanlagt: %3.")
            .replace("%1", str(len({r.incident_id for r in rows})))
            .replace("%2", f"{rows[0].occurred_at:%Y-%m-%d}")
            .replace("%3", harmed)
        )
