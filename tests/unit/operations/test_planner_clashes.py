"""The planner never proposes on top of an existing visit, and acceptance re-checks (issue 17)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.messages import CATALOGUE, words
from desktop.models import AuditEntry, VisitStatus
from desktop.services.operations.planning import PAST, refusal_code
from desktop.services.operations.rows import OperationInput
from desktop.services.planning.conflicts import ConflictCode
from tests.unit.operations.factories import make_field, visits

MONDAY = dt.date(2027, 3, 15)  # after the machine's today, so no clock is needed
TUESDAY = MONDAY + dt.timedelta(days=1)


def _operation(f, name: str, last: dt.date, persons, staff) -> int:
    ops = f.services.operations
    op_id, _ = ops.create(OperationInput(name, MONDAY, last, "Budskapet"))
    ops.add_targets(op_id, persons)
    for n, (police, social) in enumerate(staff):
        f.services.teams.save_team(op_id, f"{name} team {n + 1}", [police, social])
    return op_id


def test_running_operation_is_not_planned_on_top_of_an_existing_visit(tmp_path):
    f = make_field(tmp_path)
    pairs = [(f.police[0], f.social[0]), (f.police[1], f.social[1])]
    op_a = _operation(f, "A", MONDAY, f.persons, pairs)
    f.services.planning.propose(op_a)
    f.services.planning.accept(op_a)  # running now
    vid, person, _, _ = visits(f.store, op_a)[0]
    f.services.visits.cancel_visit(vid)
    # Another operation visits him that Monday (its own team, its own staff).
    op_b = _operation(f, "B", MONDAY, [person], [(f.police[3], f.social[3])])
    f.services.planning.propose(op_b)
    f.services.planning.accept(op_b)
    (_, _, status, _), *_ = visits(f.store, op_b)
    assert status is VisitStatus.PLANNED
    # Re-planning A has a free place that day, but not for him: he is already visited.
    summary = f.services.planning.propose(op_a)
    proposed = [v for v in visits(f.store, op_a) if v[2] is VisitStatus.PROPOSED]
    assert proposed and summary.proposed == len(proposed)
    assert person not in {p for _, p, _, _ in proposed}, proposed
    assert person in {u.person_id for u in summary.unplaced}
    f.store.lock()


def test_accept_refuses_a_visit_that_clashes_now_and_names_it(tmp_path):
    f = make_field(tmp_path)
    pairs = [(f.police[0], f.social[0]), (f.police[1], f.social[1])]
    op_a = _operation(f, "A", TUESDAY, f.persons, pairs)
    f.services.planning.propose(op_a)
    proposal = visits(f.store, op_a)
    vid, person, _, start = proposal[0]
    # Operation B plans him too; then its visit is moved to A's day, after A was proposed.
    op_b = _operation(f, "B", TUESDAY, [person], [(f.police[3], f.social[3])])
    f.services.planning.propose(op_b)
    f.services.planning.accept(op_b)
    (bvid, *_), *_ = visits(f.store, op_b)
    clash = dt.datetime.combine(start.date(), dt.time(19))
    version = f.services.visits.visit_version(bvid)
    f.services.visits.move_visit(bvid, clash, None, version=version)

    result = f.services.planning.accept(op_a)

    assert [r.visit_id for r in result.refused] == [vid]
    n = f.persons.index(person)
    refused = result.refused[0]
    assert refused.reason == "refusal.person_same_day"  # a code, worded where shown
    assert refused.person == f"Förnamn{n} Efternamn{n}" and refused.starts_at == start
    when = f"{start:%Y-%m-%d %H:%M}"
    assert words(refused.code, refused.params, "sv") == (
        f"Förnamn{n} Efternamn{n} {when}: personen har redan ett besök den dagen."
    )
    assert words(refused.code, refused.params, "en") == (
        f"Förnamn{n} Efternamn{n}, {when}: the person already has a visit that day."
    )
    assert result.accepted == len(proposal) - 1
    after = {v[0]: v[2] for v in visits(f.store, op_a)}
    assert after.pop(vid) is VisitStatus.PROPOSED
    assert set(after.values()) == {VisitStatus.PLANNED}
    with f.store.read_session() as s:
        refused = s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "operation.plan_refused")
        ).all()
    assert refused == [f"persons={person}"]
    f.store.lock()


def test_every_clash_the_planner_finds_has_a_refusal_in_both_languages():
    for code in ConflictCode:
        sv, en = CATALOGUE[refusal_code(code)]
        assert sv.endswith(".") and en.endswith(".") and sv != en
    assert CATALOGUE[PAST] == ("tiden har redan passerat.", "the time has already passed.")
