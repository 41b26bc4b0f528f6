"""Re-plan a visit that found nobody at home."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.services.planning.planner import Candidate, PlannerState, team_warnings
from desktop.services.planning.request import (
    PlannedVisit,
    PlanProposal,
    PlanRequest,
    Unplaced,
    UnplacedReason,
)


def suggest_revisit(
    request: PlanRequest,
    schedule: Sequence[PlannedVisit],
    failed: PlannedVisit,
    *,
    same_day: bool = False,
) -> PlanProposal:
    """Suggest a later visit at another time of day for ``failed``.

    Args:
        request: The operation's request (period, targets, teams, staff, rules).
        schedule: Visits already in the schedule, ``failed`` included or not.
        failed: The visit that ended "not at home".
        same_day: Allow a later slot on the same day (not by default: a second
            knock the same day reads as pressure and is easy to predict).

    Returns:
        A proposal with one visit, or one unplaced entry with the reason.
    """
    targets = {t.person_id: t for t in request.targets}
    target = targets.get(failed.person_id)
    if target is None:
        return PlanProposal((), (Unplaced(failed.person_id, UnplacedReason.UNKNOWN_PERSON),), ())
    state = PlannerState(request)
    groups = {t.person_id: t.group_ids for t in request.targets}
    for visit in schedule:
        if visit != failed:
            state.occupy(visit, groups.get(visit.person_id, ()))
    state.occupy(failed, target.group_ids)
    if same_day:
        # The failed visit itself does not take his day when a same-day knock is allowed.
        state.person_days[failed.person_id].discard(failed.start.date())
    earlier = (*target.earlier_times, failed.time_of_day)
    target = replace(target, earlier_times=earlier)

    def allowed(cand: Candidate) -> bool:
        day = cand.day
        later = day > failed.start.date() or (same_day and day == failed.start.date())
        return later and cand.start >= failed.end and cand.slot.time_of_day != failed.time_of_day

    result = state.place(target, allowed)
    warnings = tuple(team_warnings(request.teams, state.staff))
    if isinstance(result, PlannedVisit):
        return PlanProposal((result,), (), warnings)
    return PlanProposal((), (Unplaced(failed.person_id, result),), warnings)
