"""Reopening a recorded outcome shows the support service that was accepted (issue 17)."""

from __future__ import annotations

import pytest

from desktop.models import VisitStatus
from desktop.views.operations.actions import open_outcome
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_reopened_outcome_shows_the_accepted_support_service(qtbot, planned):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    visit = planned.services.visits.calendar(START, END, planned.operation_id)[0]
    dialog = open_outcome(parent, planned.services, visit.visit_id, None)
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.MET))
    dialog.support_accepted.setChecked(True)
    chosen = dialog.service.findData(planned.service_id)
    assert chosen > 0
    dialog.service.setCurrentIndex(chosen)
    dialog.accept()
    assert dialog.error.isHidden()

    again = open_outcome(parent, planned.services, visit.visit_id, None)
    assert again is not None
    assert again.support_accepted.isChecked()
    assert again.service.isEnabled()
    assert again.service.currentData() == planned.service_id
    # Saved unchanged, the outcome keeps its one referral (not retracted, not refused).
    again.accept()
    assert again.error.isHidden()
    assert planned.services.outcomes.detail(visit.visit_id).support_service_id == planned.service_id
