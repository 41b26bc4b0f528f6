"""An outcome recorded from the calendar reaches the hub once, through the runner, and the
calendar shows it (issue 18: the outcome flow takes the hub, not a publish function)."""

from __future__ import annotations

import pytest

from desktop.models import VisitStatus
from desktop.services.operations.rows import MessagePart
from desktop.services.planning.rows import VisitStatus as RowStatus
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.page import CalendarPage
from desktop.views.changes_hub import ChangesHub
from desktop.views.operations.outcome_dialog import OutcomeDialog
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_an_outcome_from_the_calendar_is_published_once_and_shown(qtbot, planned):
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = CalendarPage(planned.bundle, hub, confirm=lambda texts: True)
    hub.changes_applied.connect(page.apply_changes)  # as the composition root wires it
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    rows = planned.services.visits.calendar(START, END, planned.operation_id)
    visit = min(rows, key=lambda r: r.start)
    page.show_date(visit.start.date(), CalendarMode.DAY)

    page.open_visit(visit.visit_id)
    dialog = page.findChild(OutcomeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.MET))
    dialog.parts[MessagePart.NOT_SUSPECTED].setChecked(True)
    dialog.accept()
    assert dialog.error.isHidden(), dialog.error.text()

    assert len(heard) == 1 and heard[0].touches("visit")
    assert page.calendar.visit(visit.visit_id).status is RowStatus.MET  # refreshed
