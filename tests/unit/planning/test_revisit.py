from dataclasses import replace
from datetime import date

from desktop.services.planning.planner import propose_plan
from desktop.services.planning.request import UnplacedReason
from desktop.services.planning.revisit import suggest_revisit
from tests.unit.planning.factories import request


def test_revisit_later_at_another_time_of_day():
    req = request(targets=12, teams=2)
    plan = propose_plan(req)
    failed = plan.visits[0]
    proposal = suggest_revisit(req, plan.visits, failed)
    (visit,) = proposal.visits
    assert visit.person_id == failed.person_id
    assert visit.start.date() > failed.start.date()
    assert visit.time_of_day != failed.time_of_day
    taken = {(v.team_id, v.start) for v in plan.visits}
    assert (visit.team_id, visit.start) not in taken


def test_revisit_same_day_when_allowed():
    req = request(targets=1, teams=1, start=date(2026, 6, 15), end=date(2026, 6, 15))
    plan = propose_plan(req)
    assert suggest_revisit(req, plan.visits, plan.visits[0]).unplaced
    proposal = suggest_revisit(req, plan.visits, plan.visits[0], same_day=True)
    assert proposal.visits[0].start >= plan.visits[0].end


def test_revisit_unknown_person():
    req = request(targets=2, teams=1)
    plan = propose_plan(req)
    stranger = replace(plan.visits[0], person_id=999)
    (unplaced,) = suggest_revisit(req, plan.visits, stranger).unplaced
    assert unplaced.reason is UnplacedReason.UNKNOWN_PERSON
