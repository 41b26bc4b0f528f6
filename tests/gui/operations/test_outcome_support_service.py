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


def test_a_service_closed_since_stays_chosen_and_the_outcome_saves_unchanged(qtbot, planned):
    """The service accepted at the door was deactivated afterwards (it takes no new
    referrals): the reopened outcome still names it, and saving it unchanged keeps its
    referral instead of asking for another service."""
    from PySide6.QtWidgets import QWidget
    from sqlalchemy import select, update

    from desktop.models import Referral, SupportService
    from desktop.services.uow import UnitOfWork

    parent = QWidget()
    qtbot.addWidget(parent)
    visit = planned.services.visits.calendar(START, END, planned.operation_id)[0]
    dialog = open_outcome(parent, planned.services, visit.visit_id, None)
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.MET))
    dialog.support_accepted.setChecked(True)
    dialog.service.setCurrentIndex(dialog.service.findData(planned.service_id))
    dialog.accept()
    assert dialog.error.isHidden()
    with UnitOfWork(planned.store, "Stäng stödinsats") as uow:
        uow.session.execute(
            update(SupportService)
            .where(SupportService.id == planned.service_id)
            .values(active=False)
        )

    again = open_outcome(parent, planned.services, visit.visit_id, None)
    assert again is not None
    assert again.service.currentData() == planned.service_id
    again.accept()
    assert again.error.isHidden(), again.error.text()
    with planned.store.read_session() as session:
        live = session.scalars(
            select(Referral.service_id).where(
                Referral.visit_id == visit.visit_id, Referral.retracted_at.is_(None)
            )
        ).all()
    assert live == [planned.service_id]
