import pytest
from sqlalchemy import select

from desktop.models import Delivery, VisitStatus
from desktop.services.operations.rows import MessagePart
from desktop.views.changes_hub import ChangesHub
from desktop.views.operations.actions import open_outcome
from tests.unit.operations.factories import END, START

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_outcome_dialog_saves_and_creates_delivery(qtbot, planned):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    hub = ChangesHub()
    published: list = []
    hub.changes_applied.connect(published.append)
    visit = planned.services.visits.calendar(START, END, planned.operation_id)[0]
    dialog = open_outcome(parent, planned.services, visit.visit_id, hub)
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(VisitStatus.MET))
    dialog.parts[MessagePart.NOT_SUSPECTED].setChecked(True)
    dialog.parts[MessagePart.HELP].setChecked(True)
    dialog.response.setPlainText("Lyssnade.")
    dialog.accept()
    assert dialog.error.isHidden()
    assert len(published) == 1 and published[0].touches("delivery")  # once, by the runner
    detail = planned.services.outcomes.detail(visit.visit_id)
    assert detail.status is VisitStatus.MET and detail.response == "Lyssnade."
    with planned.store.read_session() as s:
        assert len(s.scalars(select(Delivery)).all()) == 1


def test_outcome_dialog_shows_validation_error(qtbot, planned):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    visit = planned.services.visits.calendar(START, END, planned.operation_id)[0]
    dialog = open_outcome(parent, planned.services, visit.visit_id, None)
    dialog.support_accepted.setChecked(True)  # support accepted, but no service chosen
    dialog.accept()
    assert not dialog.error.isHidden() and "stöd" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()
