"""The calendar marks a visit whose address changed since planning (issue 17)."""

from __future__ import annotations

import pytest

from desktop.views.calendar.agenda import AgendaColumn
from desktop.views.calendar.calendar_view import CalendarMode
from tests.gui.calendar.conftest import DAY, make_visit

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_tooltip_and_agenda_say_the_address_changed(calendar):
    moved = make_visit(1, DAY, 9, area="Västra hamnen", address_changed=True)
    stayed = make_visit(2, DAY, 11)
    calendar.set_visits([moved, stayed])
    calendar.set_mode(CalendarMode.DAY)
    canvas = calendar.canvas()
    assert "Adressen har ändrats sedan planeringen" in canvas.tooltip_text(moved)
    assert "ändrats" not in canvas.tooltip_text(stayed)
    calendar.set_mode(CalendarMode.AGENDA)
    model = calendar.agenda_model
    areas = [model.index(row, AgendaColumn.AREA).data() for row in range(model.rowCount())]
    assert areas == ["Västra hamnen (adressen har ändrats sedan planeringen)", "Rosengård"]
