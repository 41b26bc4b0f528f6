"""An incident's correction history: when, who, why and the values before (issue 20)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.services.incidents.rows import RevisionRow
from desktop.services.vocabulary import QT_TRANSLATE_NOOP
from desktop.views.incidents.labels import certainty_label, kind_label
from desktop.views.widgets.rows_model import Column, RowsTableModel
from desktop.views.widgets.tables import compact_table

_CONTEXT = "Händelsehistorik"

FIELD_NAMES: dict[str, str] = {
    "reference": QT_TRANSLATE_NOOP("Händelsehistorik", "Diarienummer"),
    "kind": QT_TRANSLATE_NOOP("Händelsehistorik", "Typ"),
    "certainty": QT_TRANSLATE_NOOP("Händelsehistorik", "Säkerhet"),
    "occurred_at": QT_TRANSLATE_NOOP("Händelsehistorik", "Tidpunkt"),
    "district": QT_TRANSLATE_NOOP("Händelsehistorik", "Område"),
    "injured": QT_TRANSLATE_NOOP("Händelsehistorik", "Skadade"),
    "killed": QT_TRANSLATE_NOOP("Händelsehistorik", "Döda"),
    "groups": QT_TRANSLATE_NOOP("Händelsehistorik", "Grupperingar"),
    "persons": QT_TRANSLATE_NOOP("Händelsehistorik", "Personer"),
    "description": QT_TRANSLATE_NOOP("Händelsehistorik", "Beskrivning"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _field_name(code: str) -> str:
    name = FIELD_NAMES.get(code)
    return _tr(name) if name else code


def _old_value(code: str, value: object) -> str:
    if code == "kind":
        return kind_label(value)
    if code == "certainty":
        return certainty_label(value)
    if isinstance(value, list | tuple):
        return _tr("Länkar: %1").replace("%1", str(len(value)))
    if value is None or value == "":
        return "–"
    return str(value).replace("T", " ")


def before_text(previous: Mapping[str, object]) -> str:
    """ "Typ: Hot; Döda: 0" — each changed field with the value it had before."""
    return "; ".join(
        f"{_field_name(code)}: {_old_value(code, value)}"
        for code, value in previous.items()
        if code != "description"
    ) or (_tr("Beskrivningen") if "description" in previous else "–")


class RevisionsView(QWidget):
    """The corrections, newest first, as a compact table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsTableModel[RevisionRow](
            [
                Column(self.tr("Rättad"), lambda r: f"{r.at:%Y-%m-%d %H:%M}"),
                Column(self.tr("Av"), lambda r: r.user_name),
                Column(self.tr("Skäl"), lambda r: r.reason),
                Column(self.tr("Före rättelsen"), lambda r: before_text(r.previous)),
            ],
            self,
        )
        self.view = compact_table(self.model, self.tr("Rättelser"))
        self.view.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_rows(self, rows: Sequence[RevisionRow]) -> None:
        self.model.set_rows(list(rows))
