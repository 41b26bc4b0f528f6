"""Correcting an outcome in the calendar is undone with Ctrl+Z, like a move (issue 17).

The team lead records "met, support accepted", opens the visit again and corrects it
to "refused" in the outcome dialog; Ctrl+Z brings back "met" with the same referral live
and its task open and the delivery, Ctrl+Shift+Z corrects it again. What is stored is
read here from the raw tables.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import text

from desktop.models import VisitStatus
from desktop.services.operations.rows import MessagePart
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.page import CalendarPage
from desktop.views.operations.outcome_dialog import OutcomeDialog
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _stored(store, vid: int) -> tuple:
    def rows(sql: str) -> list[tuple]:
        with store.read_session() as s:
            return [tuple(r) for r in s.execute(text(sql)).all()]

    return (
        rows(f"SELECT status, support_accepted FROM visit WHERE id = {vid}"),
        rows(f"SELECT id FROM referral WHERE visit_id = {vid} AND retracted_at IS NULL"),
        rows(
            "SELECT id FROM task WHERE status = 'open' AND referral_id IN "
            f"(SELECT id FROM referral WHERE visit_id = {vid})"
        ),
        rows(f"SELECT count(*) FROM delivery WHERE visit_id = {vid}"),
    )


def _outcome_dialog(page: CalendarPage, vid: int) -> OutcomeDialog:
    page.open_visit(vid)  # Enter on the visit opens the dialog
    dialogs = [d for d in page.findChildren(OutcomeDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _keys(qtbot, page: CalendarPage, modifiers: Qt.KeyboardModifier) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    canvas = page.calendar.canvas()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Z, modifiers)


def test_corrected_outcome_is_undone_with_ctrl_z(qtbot, planned):
    page = CalendarPage(planned.bundle, confirm=lambda texts: True)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    rows = planned.services.visits.calendar(START, END, planned.operation_id)
    visit = min(rows, key=lambda r: r.start)  # in June 2026: its time has come
    vid = visit.visit_id
    page.show_date(visit.start.date(), CalendarMode.DAY)

    dialog = _outcome_dialog(page, vid)
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.MET))
    dialog.parts[MessagePart.NOT_SUSPECTED].setChecked(True)
    dialog.offered.setChecked(True)
    dialog.support_accepted.setChecked(True)
    dialog.service.setCurrentIndex(dialog.service.findData(planned.service_id))
    dialog.accept()
    assert dialog.error.isHidden(), dialog.error.text()
    met = _stored(planned.store, vid)
    assert met[0] == [("met", True)] and len(met[1]) == 1 and len(met[2]) == 1
    assert met[3] == [(1,)]

    dialog = _outcome_dialog(page, vid)  # the same visit again: a correction
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.REFUSED))
    dialog.support_accepted.setChecked(False)  # he said no after all
    dialog.accept()
    assert dialog.error.isHidden(), dialog.error.text()
    assert _stored(planned.store, vid) == ([("refused", False)], [], [], [(0,)])
    assert page.undo_stack.undoText() == "Rätta utfall"

    _keys(qtbot, page, Qt.KeyboardModifier.ControlModifier)
    assert page.calendar.banner.isHidden(), page.calendar.banner.text()
    assert _stored(planned.store, vid) == met  # the same referral, its task open again

    _keys(qtbot, page, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.calendar.banner.isHidden(), page.calendar.banner.text()
    assert _stored(planned.store, vid) == ([("refused", False)], [], [], [(0,)])

    # And back once more: the redo kept what it replaced for the next undo.
    _keys(qtbot, page, Qt.KeyboardModifier.ControlModifier)
    assert _stored(planned.store, vid) == met
