"""The planner proposes a visit only on a day the person has an address (issue 17).

Found by the programme model: a person whose only address starts in the middle of an
operation (an imported list registers his address from the day of the import) was
proposed a visit before it, so the packet had no address for the team to go to (I6).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text, update

from desktop.models import Address
from desktop.services.uow import UnitOfWork
from tests.unit.operations.factories import END, START, make_field, planned_operation

MOVES_IN = START + dt.timedelta(days=4)


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    planned_operation(f)
    yield f
    f.store.lock()


def _proposed(field) -> dict[int, dt.date]:
    with field.store.read_session() as s:
        rows = s.execute(
            text("SELECT person_id, starts_at FROM visit WHERE status = 'proposed'")
        ).all()
    return {pid: dt.date.fromisoformat(str(starts)[:10]) for pid, starts in rows}


@pytest.mark.parametrize("seed", range(2))
def test_no_visit_before_the_address_starts(field, seed):
    """Every target's address starts on the operation's fifth day."""
    with UnitOfWork(field.store, "Testdata") as uow:
        uow.session.execute(update(Address).values(valid_from=MOVES_IN))
        uow.audit("test.seed")
    summary = field.services.planning.propose(field.operation_id, seed)
    proposed = _proposed(field)
    assert proposed and all(MOVES_IN <= day <= END for day in proposed.values()), proposed
    unplaced = {u.person_id for u in summary.unplaced}
    assert set(proposed) | unplaced == set(field.persons)
