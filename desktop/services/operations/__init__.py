"""Operations (insatser): targets, teams, planning, schedule, outcomes, follow-up."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.clock import LocalClock
from desktop.services.operations.followup import FollowUpService
from desktop.services.operations.operations import OperationService
from desktop.services.operations.outcome_correction import OutcomeCorrections
from desktop.services.operations.outcomes import OutcomeService
from desktop.services.operations.outputs import ScheduleOutputs
from desktop.services.operations.planning import PlanningService
from desktop.services.operations.teams import TeamService
from desktop.services.operations.visits import VisitService
from desktop.services.security.reauth import Reauthentication
from desktop.store.interface import Store


@dataclass(frozen=True)
class OperationsServices:
    """The use cases of issue 5 for one store."""

    operations: OperationService
    teams: TeamService
    planning: PlanningService
    visits: VisitService
    outcomes: OutcomeService
    followup: FollowUpService
    outputs: ScheduleOutputs
    corrections: OutcomeCorrections


def build_operations(
    store: Store, reauth: Reauthentication | None = None, clock: LocalClock | None = None
) -> OperationsServices:
    """``clock``: local wall-clock now (default ``desktop.services.clock.local_now``)."""
    outcomes = OutcomeService(store, clock)
    return OperationsServices(
        OperationService(store),
        TeamService(store),
        PlanningService(store, clock),
        VisitService(store),
        outcomes,
        FollowUpService(store),
        ScheduleOutputs(store, reauth),
        OutcomeCorrections(outcomes),
    )
