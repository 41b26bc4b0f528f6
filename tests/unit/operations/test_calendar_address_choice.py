"""The calendar's district is the one of the address valid at each visit's time (issue 19).

The calendar chooses that address in SQL for a whole month at once; the briefing packet,
the schedules and the outcome dialog choose it in Python (``visit_places``). Both must
pick the same row for every history: several addresses, open starts and ends, equal
starts, none valid that day, a protected address opened only for a holder of its key.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select, update

from desktop.models import Address, Person, Visit
from desktop.services.operations import build_operations
from desktop.services.operations.queries import UNKNOWN_AREA
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import VisitKey, visit_places
from tests.factories import login
from tests.unit.operations.factories import END, START, make_field, planned_operation

DAY = dt.timedelta(days=1)
NEVER = dt.date(2100, 1, 1)


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path, persons=12)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    yield f
    f.store.lock()


def _visits(f) -> list[tuple[int, int, dt.datetime, int | None]]:
    with f.store.read_session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(Visit.id, Visit.person_id, Visit.starts_at, Visit.address_id).where(
                    Visit.operation_id == f.operation_id
                )
            )
        ]


def _replace_addresses(f, person_id: int, rows: list[tuple[dt.date | None, dt.date | None]]):
    """The person's addresses become ``rows`` (valid from, valid to); area = 'Område <id>'.

    The earlier ones stay (a visit keeps the address planning saw) but never valid.
    """
    with UnitOfWork(f.store, "Adresser") as uow:
        uow.session.execute(
            update(Address)
            .where(Address.person_id == person_id)
            .values(valid_from=NEVER, valid_to=None)
        )
        made = [
            Address(person_id=person_id, street="Gatan", valid_from=start, valid_to=end)
            for start, end in rows
        ]
        uow.session.add_all(made)
        uow.session.flush()
        for address in made:
            address.area = f"Område {address.id}"
        uow.audit("test.addresses", "person", [person_id])
    return [a.id for a in made]


def _by_visit(f) -> dict[int, tuple[str, bool]]:
    rows = f.services.visits.calendar(START - 5 * DAY, END + 5 * DAY)
    return {r.visit_id: (r.area, r.address_changed) for r in rows}


def test_the_latest_start_among_the_valid_wins_and_an_open_start_counts_first(field):
    f = field
    visits = _visits(f)
    person_id, first_day = visits[0][1], min(v[2] for v in visits if v[1] == visits[0][1])
    day = first_day.date()
    # No start (the oldest), a later one, and one that ended the day before.
    oldest, later, ended = _replace_addresses(
        f, person_id, [(None, None), (day - 3 * DAY, None), (day - 9 * DAY, day - DAY)]
    )
    areas = _by_visit(f)
    for visit_id, pid, starts, _ in visits:
        if pid == person_id and starts.date() == day:
            assert areas[visit_id] == (f"Område {later}", True)
    # Two starting the same day: the newer row wins, as in visit_places.
    first, second = _replace_addresses(f, person_id, [(day, None), (day, None)])
    for visit_id, pid, starts, _ in visits:
        if pid == person_id and starts.date() == day:
            assert _by_visit(f)[visit_id][0] == f"Område {second}"
    # None valid that day: the unknown district, changed since planning.
    _replace_addresses(f, person_id, [(day + DAY, None)])
    for visit_id, pid, starts, _ in visits:
        if pid == person_id and starts.date() == day:
            assert _by_visit(f)[visit_id] == (UNKNOWN_AREA, True)
    assert oldest and ended and first


def test_the_calendar_and_the_packet_choose_the_same_address_for_any_history(field):
    f = field
    rng = random.Random(19)
    visits = _visits(f)
    # Few distinct days: equal starts, open starts and overlaps come often.
    days = [START - DAY, START + 2 * DAY, START + 5 * DAY, END - DAY]
    for _ in range(3):
        for person_id in {v[1] for v in visits}:
            rows = []
            for _ in range(rng.randrange(0, 5)):
                start = rng.choice([None, *days])
                end = rng.choice([None, None, *(d for d in days if start is None or d >= start)])
                rows.append((start, end))
            _replace_addresses(f, person_id, rows)
        _agree(f, visits)


def _agree(f, visits) -> None:
    with f.store.read_session() as s:
        places = visit_places(s, [VisitKey(*v) for v in visits])
    areas = _by_visit(f)
    for visit_id, *_ in visits:
        place = places[visit_id]
        expected = place.address.area if place.address is not None else UNKNOWN_AREA
        assert areas[visit_id] == (expected, place.changed), visit_id


def test_a_protected_district_only_for_a_holder_of_its_key(field, tmp_path):
    f = field
    visit_id, person_id, *_ = _visits(f)[0]
    with UnitOfWork(f.store, "Skydda") as uow:
        uow.session.get(Person, person_id).protected_identity = True
        for address in uow.session.scalars(select(Address).where(Address.person_id == person_id)):
            address.area = "Hemligt område"
    with f.store.read_session() as s:
        assert s.scalar(select(Address.sealed).where(Address.person_id == person_id))
    assert _by_visit(f)[visit_id] == ("Hemligt område", False)
    officer = login(f.path, "officer_social")
    try:
        rows = build_operations(officer).visits.calendar(START - 5 * DAY, END + 5 * DAY)
    finally:
        officer.lock()
    [row] = [r for r in rows if r.visit_id == visit_id]
    # (Whether it changed since planning: unknown to a server's officer, whose role does
    # not see the row at all, and said as "changed" there, as before.)
    assert row.area == UNKNOWN_AREA
