"""Fixtures: a CalendarView over fake callables that record what they were asked."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtGui import QUndoStack

from desktop.services.planning.conflicts import Conflict
from desktop.services.planning.rows import CalendarTeam, CalendarVisit, VisitStatus
from desktop.views.calendar.calendar_view import CalendarView

TEAMS = [CalendarTeam(1, "Team A", 0), CalendarTeam(2, "Team B", 1)]
DAY = date(2026, 6, 17)  # a Wednesday


def make_visit(visit_id: int, day: date, hour: int, team: int = 1, **kw) -> CalendarVisit:
    start = datetime.combine(day, time(hour))
    return CalendarVisit(
        visit_id=visit_id,
        person_label=kw.pop("label", f"Person {visit_id}"),
        team_id=team,
        team_name=TEAMS[team - 1].name,
        team_colour=TEAMS[team - 1].colour,
        start=start,
        end=start + timedelta(hours=1),
        status=kw.pop("status", VisitStatus.PLANNED),
        area=kw.pop("area", "Rosengård"),
        **kw,
    )


def many_visits(count: int, seed: int = 1) -> list[CalendarVisit]:
    rng = random.Random(seed)
    return [
        make_visit(
            n,
            date(2026, 6, 1) + timedelta(days=rng.randrange(30)),
            rng.choice([8, 10, 13, 16, 18]),
            team=rng.choice([1, 2]),
            status=rng.choice(list(VisitStatus)),
        )
        for n in range(1, count + 1)
    ]


@dataclass
class Service:
    """Stands in for the visit service the app injects."""

    conflicts: list[Conflict] = field(default_factory=list)
    answer: bool = True
    moves: list[tuple[int, datetime, int]] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)
    restored: list[int] = field(default_factory=list)
    asked: list[list[str]] = field(default_factory=list)

    def check_move(self, visit_id: int, start: datetime, team_id: int) -> list[Conflict]:
        return list(self.conflicts)

    def apply_move(self, visit_id: int, start: datetime, team_id: int) -> None:
        self.moves.append((visit_id, start, team_id))

    def restore(self, visit_id: int, _before: VisitStatus) -> None:
        self.restored.append(visit_id)

    def confirm(self, texts: list[str]) -> bool:
        self.asked.append(texts)
        return self.answer


@pytest.fixture
def service() -> Service:
    return Service()


@pytest.fixture
def calendar(qtbot, service: Service) -> CalendarView:
    stack = QUndoStack()
    view = CalendarView(
        service.check_move,
        service.apply_move,
        service.cancelled.append,
        service.restore,
        stack,
        confirm=service.confirm,
    )
    view.undo_stack_for_tests = stack
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.set_teams(TEAMS)
    view.set_date(DAY)
    view.show()
    qtbot.waitExposed(view)
    return view
