"""Issue 17, item 6: one vocabulary per concept, read off every surface's own output.

For every visit status the outcome dialog (its combo box), the calendar's legend (its
label's text), the paper outcome form of a real packet (the PDF's text via pypdf), the
statistics report (PDF) and the ``rondplan stats`` table must say the same word: the
word written here, not one computed by the code under test. The paper form has a place
for each field of the record (one "left behind" box, his response, the support service
chosen, the cancel reason), labelled as the dialog labels it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from io import BytesIO

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from desktop.models import VisitStatus
from desktop.services.briefing import BriefingRequest
from desktop.services.statistics import Period
from desktop.views.calendar.calendar_view import CalendarView
from desktop.views.operations.actions import open_outcome
from tests.unit.operations.factories import END, START
from tests.unit.reports.pdfcheck import page_texts

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

#: The programme's one word per status (issue 17).
WORDS = {
    VisitStatus.PROPOSED: "Förslag",
    VisitStatus.PLANNED: "Planerat",
    VisitStatus.MET: "Träffade honom",
    VisitStatus.NOT_HOME: "Ej hemma",
    VisitStatus.REFUSED: "Nekade att öppna",
    VisitStatus.MOVED: "Har flyttat",
    VisitStatus.FAMILY_ONLY: "Träffade bara familjen",
    VisitStatus.CANCELLED: "Inställt",
}
OUTCOMES = [s for s in VisitStatus if s not in (VisitStatus.PROPOSED, VisitStatus.PLANNED)]
#: The record's outcome fields beside the status and the parts, as the dialog labels them.
FIELDS = {
    "family_present": "Närvarande anhöriga",
    "response": "Hans svar",
    "support_asked": "Bad om stöd",
    "support_offered": "Erbjöds stöd",
    "support_accepted": "Tackade ja till stöd",
    "support_service": "Stödinsats",
    "leave_behind": "Lämnade informationsmaterial",
    "cancel_reason": "Skäl till inställt",
}


def _dialog_words(dialog) -> tuple[dict[VisitStatus, str], set[str]]:
    statuses = {
        dialog.status.itemData(i): dialog.status.itemText(i) for i in range(dialog.status.count())
    }
    labels = {box.text() for box in dialog.findChildren(QCheckBox)}
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                labels.add(item.widget().text().replace("&", ""))
    return statuses, labels


def _legend_words(qtbot) -> dict[VisitStatus, str]:
    """The calendar legend's "symbol word" entries, in the order of the statuses."""
    view = CalendarView(
        lambda *a: [], lambda *a: None, lambda *a: None, lambda *a: None, QUndoStack()
    )
    qtbot.addWidget(view)
    view.set_visits([])
    entries = [html.unescape(e).strip() for e in view.legend.text().split("&nbsp;&nbsp; ")]
    # No teams are shown: the statuses' entries, then the conflict and urgent marks.
    assert len(entries) == len(VisitStatus) + 2, entries
    return {s: e.split(" ", 1)[1] for s, e in zip(VisitStatus, entries, strict=False)}


def test_every_status_has_one_word_on_every_surface(qtbot, planned, tmp_path) -> None:
    services = planned.services
    visit = services.visits.calendar(START, END, planned.operation_id)[0]

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_outcome(parent, services, visit.visit_id, None)
    dialog_statuses, dialog_labels = _dialog_words(dialog)
    dialog.reject()

    legend = _legend_words(qtbot)

    buffer = BytesIO()
    planned.bundle.briefing.printing.print_briefing(
        BriefingRequest(planned.operation_id, visit.team_id, visit.start.date()), buffer
    )
    paper = "\n".join(page_texts(buffer.getvalue()))
    form = paper[paper.index("Utfall – ") :]  # the outcome forms, after the sheets

    report = tmp_path / "statistik.pdf"
    year = Period(dt.date(visit.start.year, 1, 1), dt.date(visit.start.year, 12, 31))
    planned.bundle.statistics.print_report(report, year)
    statistics = "\n".join(page_texts(report.read_bytes()))

    for status, word in WORDS.items():
        assert legend[status] == word, (status, legend[status])
        # The report's table: the word in one cell, its count in the next.
        assert re.search(rf"^{re.escape(word)}\n\d+$", statistics, re.M), (status, word)
        assert word.lower() in statistics  # and in the figure's definition below it
    for status in OUTCOMES:
        word = WORDS[status]
        assert dialog_statuses[status] == word, (status, dialog_statuses[status])
        assert re.search(rf"^ ?{re.escape(word)}$", form, re.M), (status, word)
    # The same six, nothing else, on the dialog and the paper.
    assert list(dialog_statuses) == OUTCOMES
    assert set(dialog_statuses.values()) == {WORDS[s] for s in OUTCOMES}

    # The paper form asks for each field of the record, worded as the dialog words it.
    for field, word in FIELDS.items():
        assert any(label.startswith(word) for label in dialog_labels), (field, dialog_labels)
        lines = [line for line in form.splitlines() if line.strip().casefold() == word.casefold()]
        assert lines, (field, word)
    # One "left behind" box, as the record holds one yes/no (the paper had three).
    for old in ("Broschyr", "Visitkort med kontakt", "Brev till familjen", "Inte hemma"):
        assert old not in paper
    for old in ("inte hemma", "endast familj"):
        assert old not in statistics.lower()
