"""Recording an outcome in the calendar is undone with Ctrl+Z, like a move (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from desktop.models import Delivery, Referral, Task, TaskStatus, Visit, VisitStatus
from desktop.services.operations.rows import MessagePart
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.page import CalendarPage
from desktop.views.operations.outcome_dialog import OutcomeDialog
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _stored(store, visit_id):
    with store.read_session() as s:
        visit = s.execute(
            select(Visit.status, Visit.outcome_recorded_at).where(Visit.id == visit_id)
        ).one()
        deliveries = s.scalars(select(Delivery.id).where(Delivery.visit_id == visit_id)).all()
        live = s.scalars(
            select(Referral.id).where(
                Referral.visit_id == visit_id, Referral.retracted_at.is_(None)
            )
        ).all()
        open_tasks = s.scalars(
            select(Task.id).where(
                Task.referral_id.in_(select(Referral.id).where(Referral.visit_id == visit_id)),
                Task.status == TaskStatus.OPEN,
            )
        ).all()
    return visit.status, visit.outcome_recorded_at, deliveries, live, open_tasks


def test_recorded_outcome_is_undone_with_ctrl_z(qtbot, planned):
    page = CalendarPage(planned.bundle, confirm=lambda texts: True)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    rows = planned.services.visits.calendar(START, END, planned.operation_id)
    visit = min(rows, key=lambda r: r.start)  # in June 2026: its time has come
    page.show_date(visit.start.date(), CalendarMode.DAY)

    page.open_visit(visit.visit_id)  # Enter on the visit opens the dialog
    dialog = page.findChild(OutcomeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.MET))
    dialog.parts[MessagePart.NOT_SUSPECTED].setChecked(True)
    dialog.offered.setChecked(True)
    dialog.support_accepted.setChecked(True)
    dialog.service.setCurrentIndex(dialog.service.findData(planned.service_id))
    dialog.accept()
    assert dialog.error.isHidden(), dialog.error.text()

    status, recorded, deliveries, referrals, _ = _stored(planned.store, visit.visit_id)
    assert status is VisitStatus.MET and recorded is not None
    assert len(deliveries) == 1 and len(referrals) == 1
    assert page.undo_button.isEnabled()

    # The dialog has closed: the calendar window is the user's again.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    canvas = page.calendar.canvas()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    status, recorded, deliveries, referrals, tasks = _stored(planned.store, visit.visit_id)
    assert page.calendar.banner.isHidden(), page.calendar.banner.text()
    assert status is VisitStatus.PLANNED and recorded is None
    assert deliveries == [] and referrals == [] and tasks == []
    # Redo records the same outcome again.
    QTest.keyClick(
        canvas,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    status, recorded, deliveries, referrals, _ = _stored(planned.store, visit.visit_id)
    assert status is VisitStatus.MET and len(deliveries) == 1 and len(referrals) == 1
