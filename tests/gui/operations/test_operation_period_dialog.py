"""Editing an operation's period in its dialog (I19, issue 17): a period that would leave
planned visits outside is refused in the dialog, naming how many and on which days."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from desktop.views.operations.operation_dialog import OperationDialog
from tests.unit.operations.factories import END, START, visits

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _dialog(qtbot, f, published):
    row = f.services.operations.get(f.operation_id)
    dialog = OperationDialog(
        lambda data: published.append(f.services.operations.update(row.id, row.version, data)),
        row,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_shortening_past_planned_visits_is_refused_in_the_dialog(qtbot, field):
    field.services.planning.propose(field.operation_id)
    field.services.planning.accept(field.operation_id)
    before = visits(field.store, field.operation_id)
    shorter = START + dt.timedelta(days=6)
    late = sorted({start.date() for *_, start in before if start.date() > shorter})
    published: list = []
    dialog = _dialog(qtbot, field, published)
    dialog.end.setDate(QDate(shorter.year, shorter.month, shorter.day))
    dialog.accept()
    assert not dialog.error.isHidden()
    text = dialog.error.text()
    count = sum(1 for *_, start in before if start.date() > shorter)
    assert f"{count} besök ligger utanför den nya perioden" in text
    assert all(day.isoformat() in text for day in late), text
    assert published == [] and dialog.result() == 0
    assert field.services.operations.get(field.operation_id).end_date == END
    assert visits(field.store, field.operation_id) == before


def test_shortening_past_proposals_drops_them(qtbot, field):
    field.services.planning.propose(field.operation_id)
    shorter = START + dt.timedelta(days=6)
    published: list = []
    dialog = _dialog(qtbot, field, published)
    dialog.end.setDate(QDate(shorter.year, shorter.month, shorter.day))
    dialog.accept()
    assert dialog.error.isHidden()
    assert field.services.operations.get(field.operation_id).end_date == shorter
    assert all(start.date() <= shorter for *_, start in visits(field.store, field.operation_id))
