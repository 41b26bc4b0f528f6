"""A visit is moved only within its operation's period (issue 17).

Found by the programme model: a visit dragged to a day outside its operation stayed on
the calendar as planned, but its team's briefing packet for that day was refused
("Datumet ligger utanför insatsens period."), so the team went out without the sheet.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop.services.briefing.builder import BriefingRequest, briefing_visits
from desktop.services.errors import ValidationError
from tests.unit.operations.factories import END, START, make_field, planned_operation


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    yield f
    f.store.lock()


def _stored(field, vid: int) -> tuple:
    with field.store.read_session() as s:
        return tuple(
            s.execute(text(f"SELECT starts_at, team_id FROM visit WHERE id = {vid}")).one()
        )


def test_a_move_out_of_the_operation_is_refused_and_changes_nothing(field):
    visits = field.services.visits
    row = visits.calendar(START, END, field.operation_id)[0]
    before = _stored(field, row.visit_id)
    for day in (START - dt.timedelta(days=1), END + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            visits.move_visit(row.visit_id, dt.datetime.combine(day, dt.time(10)), None)
        assert refused.value.code == "visit.outside_operation"
        assert _stored(field, row.visit_id) == before


def test_a_move_within_the_operation_keeps_the_visit_on_its_teams_packet(field):
    visits = field.services.visits
    row = visits.calendar(START, END, field.operation_id)[0]
    visits.move_visit(row.visit_id, dt.datetime.combine(END, dt.time(10)), None)
    _, team = _stored(field, row.visit_id)
    with field.store.read_session() as s:
        printed = briefing_visits(s, BriefingRequest(field.operation_id, team, END))
    assert row.visit_id in [v.id for v in printed]


def test_a_move_to_a_day_without_his_address_is_refused(field):
    """Found by the programme model's long run (8,200 actions): a visit moved to a day
    before the person's only address starts had no address on the packet (I6)."""
    visits = field.services.visits
    row = visits.calendar(START, END, field.operation_id)[0]
    from sqlalchemy import update

    from desktop.models import Address
    from desktop.services.uow import UnitOfWork

    later = START + dt.timedelta(days=5)
    with field.store.read_session() as s:
        person = s.execute(text(f"SELECT person_id FROM visit WHERE id = {row.visit_id}")).scalar()
    with UnitOfWork(field.store, "Testdata") as uow:
        uow.session.execute(
            update(Address)
            .where(Address.person_id == person)
            .values(valid_from=later, valid_to=None)
        )
        uow.audit("test.seed")
    before = _stored(field, row.visit_id)
    with pytest.raises(ValidationError) as refused:
        visits.move_visit(row.visit_id, dt.datetime.combine(START, dt.time(10)), None)
    assert refused.value.code == "visit.no_address_that_day"
    assert _stored(field, row.visit_id) == before
    visits.move_visit(row.visit_id, dt.datetime.combine(later, dt.time(10)), None)
    assert str(_stored(field, row.visit_id)[0]).startswith(later.isoformat())
