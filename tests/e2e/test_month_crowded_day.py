"""A crowded day in the month view, in the real app (issue 19).

The month view reads each day's first visits and every day's count, not the month's
every visit: the cell shows "+N till" with the true count, the read recorded in the
log names fewer visits than the month holds, and "+N till" clicked opens the day with
all of them.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select

from desktop.models import AuditEntry, Operation, Person, Team, Visit, VisitStatus
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.planning.calendar_sv import week_start
from desktop.services.uow import UnitOfWork
from desktop.store.open import open_store
from tests.e2e.harness import wait_for

CROWD = 14  # visits added to one day, an hour apart from seven


def _crowd(demo_db, day: dt.date) -> tuple[int, int]:
    """``CROWD`` visits on ``day``: (the day's visits, the month view's range's)."""
    store = open_store(demo_db.path).unlock("samordnare.polis", DEMO_PASSWORD)
    try:
        with UnitOfWork(store, "Testdata") as uow:
            session = uow.session
            # By the teams of the demo's newest operation, as a planner would share them.
            newest = session.scalar(select(Operation.id).order_by(Operation.start_date.desc()))
            teams = session.scalars(select(Team.id).where(Team.operation_id == newest)).all()
            persons = session.scalars(select(Person.id).order_by(Person.id).limit(CROWD))
            for hour, person in enumerate(persons, start=7):
                starts = dt.datetime.combine(day, dt.time(hour))
                session.add(
                    Visit(
                        operation_id=newest,
                        person_id=person,
                        team_id=teams[hour % len(teams)],
                        starts_at=starts,
                        ends_at=starts + dt.timedelta(minutes=45),
                        status=VisitStatus.PLANNED,
                    )
                )
            uow.audit("test.seed", "operation", [newest])
        # The month view's range: whole weeks from the month's first day to its last.
        first_of = day.replace(day=1)
        last_of = (first_of + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        with store.read_session() as session:

            def visits_from(begin: dt.date, end: dt.date) -> int:
                return session.scalar(
                    select(func.count())
                    .select_from(Visit)
                    .where(
                        Visit.starts_at >= dt.datetime.combine(begin, dt.time()),
                        Visit.starts_at < dt.datetime.combine(end, dt.time()),
                    )
                )

            return (
                visits_from(day, day + dt.timedelta(days=1)),
                visits_from(week_start(first_of), week_start(last_of) + dt.timedelta(days=7)),
            )
    finally:
        store.lock()


def _last_calendar_read(demo_db) -> str:
    store = open_store(demo_db.path).unlock("samordnare.soc", DEMO_PASSWORD)
    try:
        with store.read_session() as session:
            return session.scalar(
                select(AuditEntry.detail)
                .where(AuditEntry.action == "calendar.read")
                .order_by(AuditEntry.seq.desc())
                .limit(1)
            )
    finally:
        store.lock()


def test_a_crowded_day_shows_more_and_opens_with_every_visit(launch, demo_db):
    day = dt.date.today().replace(day=15)
    on_day, in_view = _crowd(demo_db, day)
    assert on_day >= CROWD
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Karin Lindqvist")
    app.click_text("Kalender")
    app.wait_text("Månad")

    def more() -> tuple[int, list[int]] | None:
        for target in app.probe().get("targets", []):
            found = re.fullmatch(r"\+(\d+) till", target["text"])
            if found and int(found.group(1)) >= on_day - 8:
                return int(found.group(1)), target["at"]
        return None

    hidden, (x, y) = wait_for("the crowded day's '+N till'", more)
    app.settle(0.5)
    app.screenshot("month-with-a-crowded-day")
    # Fewer lines than eight fit a cell on this screen: the count is the day's own.
    assert 0 < on_day - hidden <= 8
    read = int(_last_calendar_read(demo_db).removeprefix("visits="))
    assert read < in_view
    app.click(x, y)
    weekdays = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")

    def day_title() -> bool:
        return any(t.startswith(weekdays) and f" {day.day} " in t for t in app.texts())

    wait_for("the crowded day's own view", day_title)
    app.settle(0.5)
    app.screenshot("the-crowded-day")
    assert _last_calendar_read(demo_db) == f"visits={on_day}"
