"""The planner never visits a merged-away record (found by the programme model, issue 17)."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import Person, Visit
from desktop.services.mapping import build_mapping
from tests.unit.operations.factories import make_field, planned_operation


def test_no_visit_for_a_person_merged_into_another(tmp_path):
    f = make_field(tmp_path)
    planned_operation(f)
    keep, drop = f.persons[1], f.persons[2]
    with f.store.read_session() as s:
        versions = dict(s.execute(select(Person.id, Person.version)).all())
    build_mapping(f.store).merge(keep, drop, versions[keep], versions[drop])
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    with f.store.read_session() as s:
        visited = set(s.scalars(select(Visit.person_id)))
    assert drop not in visited and keep in visited
    f.store.lock()
