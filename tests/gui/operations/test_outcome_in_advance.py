"""Enter, Enter on tomorrow's visit no longer saves "met" (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from desktop.models import Visit, VisitStatus
from desktop.services.uow import UnitOfWork
from desktop.views.operations.actions import open_outcome
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_future_visit_needs_recorded_in_advance(qtbot, planned):
    from PySide6.QtWidgets import QWidget

    row = planned.services.visits.calendar(START, END, planned.operation_id)[0]
    tomorrow = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10))
    with UnitOfWork(planned.store, "Testdata") as uow:
        uow.session.execute(
            update(Visit)
            .where(Visit.id == row.visit_id)
            .values(starts_at=tomorrow, ends_at=tomorrow + dt.timedelta(minutes=45))
        )
        uow.audit("test.seed")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_outcome(parent, planned.services, row.visit_id, None)
    assert dialog is not None
    assert not dialog.in_advance.isHidden() and not dialog.in_advance.isChecked()
    dialog.accept()  # the default "met", saved with Enter
    assert not dialog.error.isHidden() and "inte ägt rum" in dialog.error.text()
    assert planned.services.outcomes.detail(row.visit_id).status is VisitStatus.PLANNED
    dialog.in_advance.setChecked(True)
    dialog.accept()
    assert planned.services.outcomes.detail(row.visit_id).status is VisitStatus.MET
