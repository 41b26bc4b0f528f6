"""Relations between groups have validity periods: end, edit, history (issue 17).

An ended conflict no longer appears on packets, in the network picture or in the
planner's rivalries; one that has not started yet does not either; the ended row stays
in the group's history and every change is audited.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, GroupRelation, GroupRelationKind
from desktop.services.errors import ValidationError
from desktop.services.mapping import build_mapping
from desktop.services.operations.plan_input import planning_input
from tests.unit.operations.factories import START, make_field, planned_operation


@pytest.fixture
def field(tmp_path):
    f = make_field(tmp_path)
    planned_operation(f)
    yield f
    f.store.lock()


def _relation(f) -> GroupRelation:
    with f.store.read_session() as s:
        relation = s.scalars(select(GroupRelation)).one()
        s.expunge(relation)
        return relation


def _planner_rivals(f) -> frozenset:
    with f.store.read_session() as s:
        return planning_input(s, f.operation_id).request.rivals


def _edges(f, day: dt.date) -> set[tuple[int, int]]:
    return {(e.a, e.b) for e in build_mapping(f.store).groups.network(day).edges}


def test_ended_conflict_leaves_planner_network_and_packets_but_stays_in_history(field):
    groups = build_mapping(field.store).groups
    relation = _relation(field)
    pair = frozenset({relation.group_a_id, relation.group_b_id})
    assert pair in _planner_rivals(field)
    ended = START - dt.timedelta(days=10)
    groups.end_relation(relation.id, relation.version, ended)
    assert pair not in _planner_rivals(field)
    assert _edges(field, START) == set()
    assert _edges(field, ended) == {(relation.group_a_id, relation.group_b_id)}
    history = groups.profile(relation.group_a_id).relations
    assert [(r.kind, r.until) for r in history] == [(GroupRelationKind.ACTIVE_CONFLICT, ended)]
    with field.store.read_session() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert "group_relation.end" in actions


def test_relation_not_yet_started_is_not_valid_and_edits_are_audited(field):
    groups = build_mapping(field.store).groups
    relation = _relation(field)
    later = START + dt.timedelta(days=60)
    groups.edit_relation(
        relation.id, relation.version, GroupRelationKind.ACTIVE_CONFLICT, later, None, "ny"
    )
    pair = frozenset({relation.group_a_id, relation.group_b_id})
    assert pair not in _planner_rivals(field)
    assert _edges(field, START) == set()
    assert _edges(field, later) != set()
    relation = _relation(field)
    groups.edit_relation(relation.id, relation.version, GroupRelationKind.ALLIANCE, None, None)
    assert pair not in _planner_rivals(field)
    relation = _relation(field)
    with pytest.raises(ValidationError, match=r"^relation\.ends_before_start$"):
        groups.edit_relation(
            relation.id, relation.version, relation.kind, START, START - dt.timedelta(days=1)
        )
    with field.store.read_session() as s:
        updates = s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "group_relation.update")
        ).all()
    assert len(updates) == 2 and "alliance" in updates[1]
