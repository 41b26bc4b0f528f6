"""The proposed response: urgent round through the planner, sanction period, tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import (
    IncidentSide,
    Operation,
    OperationStatus,
    OperationTarget,
    ResponseStatus,
    SanctionPeriod,
    StaffAbsence,
    Task,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.incidents.rows import GroupLinkInput, ResponseRequest, TargetReason
from desktop.services.uow import UnitOfWork
from tests.unit.incidents.factories import shooting, user

TUESDAY, THURSDAY = dt.date(2026, 6, 9), dt.date(2026, 6, 11)


def _only_a_suspected(world):
    return shooting(
        world,
        groups=(GroupLinkInput(world.groups["A"], IncidentSide.SUSPECTED, "Lägesbild"),),
    )


def _request(world, **changes):
    values = {"first_day": TUESDAY, "last_day": THURSDAY, "team_ids": tuple(world.teams)}
    values.update(changes)
    return ResponseRequest(**values)


def _visits(store, operation_id):
    with store.read_session() as s:
        return s.execute(
            select(Visit.person_id, Visit.status, Visit.starts_at, Visit.incident_id, Visit.team_id)
            .where(Visit.operation_id == operation_id)
            .order_by(Visit.starts_at)
        ).all()


def test_the_round_visits_the_involved_group_and_its_rivals_urgently(world):
    with user(world, "coordinator_police") as (store, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        proposal = inc.responses.propose(incident_id, _request(world))
        by_person = {t.person_id: t.reason for t in proposal.targets}
        # A's current members, and B's (rivals since 2025); not the man who left A, not
        # B's member in custody, not C (no relation).
        assert by_person == {
            **{p: TargetReason.INVOLVED_SUSPECTED for p in world.members["A"]},
            **{p: TargetReason.RIVAL for p in world.members["B"]},
        }
        assert proposal.proposed_visits == 6 and proposal.unplaced == ()
        with store.read_session() as s:
            priorities = dict(
                s.execute(
                    select(OperationTarget.person_id, OperationTarget.priority).where(
                        OperationTarget.operation_id == proposal.operation_id
                    )
                ).all()
            )
        assert {priorities[p] for p in world.members["A"]} == {5}
        assert {priorities[p] for p in world.members["B"]} == {4}
        visits = _visits(store, proposal.operation_id)
        assert {v.status for v in visits} == {VisitStatus.PROPOSED}
        assert {v.incident_id for v in visits} == {incident_id}
        assert all(TUESDAY <= v.starts_at.date() <= THURSDAY for v in visits)
        assert proposal.sanction_groups == ((world.groups["A"], "Grupp A"),)
        assert [t.code for t in proposal.tasks] == [
            "review_round",
            "support_victims",
            "review_sanction",
        ]


def test_accepting_plans_the_visits_starts_the_sanction_and_adds_tasks(world):
    with user(world, "coordinator_police") as (store, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        proposal = inc.responses.propose(incident_id, _request(world))
        decision = inc.responses.accept(proposal.response_id, proposal.version)
        assert (decision.accepted, decision.refused) == (6, ())
        assert {v.status for v in _visits(store, proposal.operation_id)} == {VisitStatus.PLANNED}
        with store.read_session() as s:
            (period,) = s.scalars(select(SanctionPeriod)).all()
            assert (period.group_id, period.start_date, period.incident_id) == (
                world.groups["A"],
                dt.date(2026, 6, 7),
                incident_id,
            )
            tasks = s.execute(select(Task.due_date, Task.incident_id).order_by(Task.due_date)).all()
            assert [t.due_date for t in tasks] == [
                dt.date(2026, 6, 11),  # support to the injured, two days into the round
                dt.date(2026, 6, 12),  # the round's review, the day after it
                dt.date(2026, 9, 5),  # the sanction's review, 90 days after the shooting
            ]
            assert {t.incident_id for t in tasks} == {incident_id}
            assert s.get(Operation, proposal.operation_id).status is OperationStatus.ACTIVE
        (row,) = inc.responses.responses(incident_id)
        assert (row.status, row.visits_planned) == (ResponseStatus.ACCEPTED, 6)
        with pytest.raises(ValidationError) as caught:
            inc.responses.accept(proposal.response_id, row.version)
        assert caught.value.code == "response.decided"


def test_declining_removes_the_proposed_visits(world):
    with user(world, "coordinator_police") as (store, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        proposal = inc.responses.propose(incident_id, _request(world))
        inc.responses.decline(proposal.response_id, proposal.version, "Redan besökta i maj")
        assert _visits(store, proposal.operation_id) == []
        (row,) = inc.responses.responses(incident_id)
        assert (row.status, row.decline_reason) == (ResponseStatus.DECLINED, "Redan besökta i maj")
        with store.read_session() as s:
            assert s.scalars(select(SanctionPeriod)).all() == []
            assert s.get(Operation, proposal.operation_id).status is OperationStatus.CLOSED


def test_a_new_proposal_replaces_the_proposed_one(world):
    with user(world, "coordinator_police") as (store, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        first = inc.responses.propose(incident_id, _request(world))
        second = inc.responses.propose(incident_id, _request(world, include_rivals=False))
        assert {t.reason for t in second.targets} == {TargetReason.INVOLVED_SUSPECTED}
        assert [r.id for r in inc.responses.responses(incident_id)] == [second.response_id]
        assert _visits(store, first.operation_id) == []


def test_the_round_never_starts_today_or_before(world):
    with user(world, "coordinator_police") as (_, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        for first in (dt.date(2026, 6, 8), dt.date(2026, 6, 1)):
            with pytest.raises(ValidationError) as caught:
                inc.responses.propose(incident_id, _request(world, first_day=first))
            assert caught.value.code == "response.window_invalid"


def test_an_absent_team_member_gets_no_visit_that_day(world):
    with user(world, "coordinator_police") as (store, inc):
        with UnitOfWork(store, "Frånvaro") as uow:
            staff = uow.session.scalars(
                select(TeamMember.staff_id).where(TeamMember.team_id == world.teams[0])
            ).first()
            uow.session.add(StaffAbsence(staff_id=staff, start_date=TUESDAY, end_date=THURSDAY))
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        proposal = inc.responses.propose(incident_id, _request(world))
        visits = _visits(store, proposal.operation_id)
        with store.read_session() as s:
            copied = s.scalars(select(TeamMember.team_id).where(TeamMember.staff_id == staff)).all()
        assert visits and all(v.team_id not in copied for v in visits)


def test_only_a_coordinator_responds(world):
    with user(world, "officer_police") as (_, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        with pytest.raises(PermissionDenied):
            inc.responses.propose(incident_id, _request(world))


def test_the_calendar_marks_the_rounds_visits_urgent(world):
    from desktop.services.operations import build_operations

    with user(world, "coordinator_police") as (store, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        proposal = inc.responses.propose(incident_id, _request(world))
        rows = build_operations(store).visits.calendar(TUESDAY, THURSDAY, proposal.operation_id)
        assert len(rows) == 6
        assert all(r.urgent and r.incident_id == incident_id for r in rows)
        ids = [r.visit_id for r in rows]
        assert inc.register.urgent_visits([*ids, 10_000]) == frozenset(ids)


def test_a_part_left_out_is_not_made(world):
    from desktop.services.incidents.rows import ResponsePart

    with user(world, "coordinator_police") as (store, inc):
        incident_id, _ = inc.register.create(_only_a_suspected(world))
        proposal = inc.responses.propose(incident_id, _request(world))
        decision = inc.responses.accept(
            proposal.response_id, proposal.version, frozenset({ResponsePart.SANCTION})
        )
        assert (decision.accepted, decision.task_ids, len(decision.sanction_ids)) == (0, (), 1)
        assert _visits(store, proposal.operation_id) == []
        with store.read_session() as s:
            assert s.scalars(select(Task)).all() == []
            assert s.get(Operation, proposal.operation_id).status is OperationStatus.CLOSED
