"""Issue 18: the calendar prints every team of the shown days in one file, each team's
row naming its members; with a team in the filter, that team alone."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from desktop.models import StaffMember, Team, TeamMember
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.page import CalendarPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot, planned, tmp_path, monkeypatch):
    target = tmp_path / "schema.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    view = CalendarPage(planned.bundle, confirm=lambda texts: True)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.target, view.told = target, told
    return view


def _members(store) -> dict[str, list[str]]:
    """Each team's staff names, read straight from the database."""
    with store.read_session() as s:
        found: dict[str, list[str]] = {}
        for team, name in s.execute(
            select(Team.name, StaffMember.name)
            .join(TeamMember, TeamMember.team_id == Team.id)
            .join(StaffMember, StaffMember.id == TeamMember.staff_id)
        ):
            found.setdefault(team, []).append(name)
        return found


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _busy_week(planned) -> dt.date:
    """A Monday of a week where both teams have visits."""
    rows = planned.services.visits.calendar(dt.date(2026, 6, 1), dt.date(2026, 7, 31))
    weeks: dict[dt.date, set[int]] = {}
    for row in rows:
        day = row.start.date()
        weeks.setdefault(day - dt.timedelta(days=day.weekday()), set()).add(row.team_id)
    return next(week for week, teams in sorted(weeks.items()) if len(teams) >= 2)


def test_all_teams_of_the_week_in_one_print_with_members(qtbot, page, planned):
    page.show_date(_busy_week(planned), CalendarMode.WEEK)
    page.calendar.team_filter.setCurrentIndex(0)  # "Alla team"
    assert page.print_button.isEnabled()
    assert "alla teams" in page.print_button.text().replace("&", "").lower()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.told and "RP-" in page.told[-1]
    text = _text(page.target)
    members = _members(planned.store)
    assert set(members) == {"Team 1", "Team 2"}
    for team, names in members.items():
        assert team in text
        for name in names:
            assert name in text


def test_one_team_in_the_filter_prints_that_team_with_its_members(qtbot, page, planned):
    page.show_date(_busy_week(planned), CalendarMode.WEEK)
    combo = page.calendar.team_filter
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith("Team 2"))
    combo.setCurrentIndex(index)
    assert "teamets" in page.print_button.text().replace("&", "").lower()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    text = _text(page.target)
    members = _members(planned.store)
    assert all(name in text for name in members["Team 2"])
    assert not any(name in text for name in members["Team 1"])
