"""Urgent visits (a response to an incident, issue 20) are marked in every calendar view
and the visit list: a purple mark, the ‼ symbol, the words in the legend, the tool tip
and the accessible name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from desktop.views.calendar.agenda import AgendaColumn
from desktop.views.calendar.calendar_view import CalendarMode
from tests.gui.calendar.conftest import DAY, make_visit

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

# #6A1B9A as the bytes of one ARGB32 pixel (blue, green, red, alpha in memory).
PURPLE = bytes((0x9A, 0x1B, 0x6A, 0xFF))


def _purple_pixels(widget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(image.constBits()).count(PURPLE)


@pytest.mark.parametrize(
    "mode", [CalendarMode.DAY, CalendarMode.WORK_WEEK, CalendarMode.WEEK, CalendarMode.MONTH]
)
def test_every_painted_view_marks_the_urgent_visit_and_only_it(calendar, mode):
    calendar.set_mode(mode)
    calendar.set_visits([make_visit(1, DAY, 9), make_visit(2, DAY, 13)])
    assert _purple_pixels(calendar.canvas()) == 0
    calendar.set_visits([make_visit(1, DAY, 9), make_visit(2, DAY, 13, incident_id=7)])
    assert _purple_pixels(calendar.canvas()) > 20


def test_the_tooltip_and_the_accessible_name_say_urgent(calendar, qtbot):
    urgent = make_visit(2, DAY, 13, incident_id=7, label="Ali Ahmed")
    calendar.set_visits([make_visit(1, DAY, 9), urgent])
    calendar.set_mode(CalendarMode.DAY)
    canvas = calendar.canvas()
    assert "‼ Brådskande: respons på en händelse" in canvas.tooltip_text(urgent)
    assert "Brådskande" not in canvas.tooltip_text(make_visit(1, DAY, 9))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Down)  # the first visit of the day
    assert "Brådskande" not in canvas.accessibleName()
    qtbot.keyClick(canvas, Qt.Key.Key_Down)  # the urgent one
    assert canvas.accessibleName().endswith(
        "13:00 Ali Ahmed – ‼ Brådskande: respons på en händelse"
    )


def test_the_visit_list_and_the_legend(calendar):
    calendar.set_visits([make_visit(1, DAY, 9), make_visit(2, DAY, 13, incident_id=7)])
    calendar.set_mode(CalendarMode.AGENDA)
    model = calendar.agenda_model
    status = [model.index(r, AgendaColumn.STATUS).data() for r in range(2)]
    assert status == ["○ Planerat", "‼ ○ Planerat"]
    person = model.index(1, AgendaColumn.PERSON)
    assert person.data(Qt.ItemDataRole.AccessibleTextRole).endswith(
        "(Brådskande: respons på en händelse)"
    )
    assert person.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#6A1B9A")
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) is None
    assert "‼</span> Brådskande (respons på händelse)" in calendar.legend.text()


def test_past_eight_teams_the_legend_names_those_with_visits_in_view(calendar):
    from desktop.services.planning.rows import CalendarTeam

    many = [CalendarTeam(n, f"Rundteam {n}", n % 8, 100 + n, f"Akut {n}") for n in range(1, 13)]
    calendar.set_teams(many)
    calendar.set_visits([make_visit(1, DAY, 9, incident_id=7)])  # team 1 only
    legend = calendar.legend.text()
    assert "Rundteam 1 · Akut 1" in legend
    assert "Rundteam 2 ·" not in legend and "Rundteam 12" not in legend
