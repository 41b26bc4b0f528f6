from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.models import (
    AuditEntry,
    CallIn,
    GroupRelationKind,
    Invitation,
    Membership,
    Note,
    Operation,
    OperationTarget,
    Person,
    Referral,
    ReferralStatus,
    SupportKind,
    SupportService,
    Task,
    Visit,
)
from desktop.services.errors import ValidationError
from desktop.services.mapping.rows import GroupInput, PersonFilter, ReviewKind
from tests.unit.mapping import factories as f

TODAY = dt.date.today()


def test_merge_keeps_every_history_row(services):
    store = services.store
    keep = f.person(store, "Ali", "Hassan")
    drop = f.person(store, "Ali", "Hasan", aliases="Lillen", identity_number="19900101-1234")
    g = f.group(store, "Norra")
    f.member(store, drop, g)
    f.address(store, drop)
    f.delivery(store, drop)
    with store.write_session() as s, s.begin():
        service = SupportService(name="Avhopp", kind=SupportKind.EXIT, provider="X")
        call_in = CallIn(title="Stormöte", starts_at=dt.datetime(2025, 1, 1, 18), venue="Hus")
        op = Operation(name="Insats", start_date=TODAY, end_date=TODAY)
        s.add_all([service, call_in, op])
        s.flush()
        s.add_all(
            [
                Visit(
                    person_id=drop,
                    starts_at=dt.datetime(2025, 1, 1, 10),
                    ends_at=dt.datetime(2025, 1, 1, 11),
                ),
                Referral(
                    person_id=drop,
                    service_id=service.id,
                    status=ReferralStatus.OFFERED,
                    opened_on=TODAY,
                ),
                Task(title="Ring", due_date=TODAY, person_id=drop),
                Note(agency_id=1, person_id=drop, ciphertext=b"x"),
                Invitation(call_in_id=call_in.id, person_id=drop),
                Invitation(call_in_id=call_in.id, person_id=keep),
                OperationTarget(operation_id=op.id, person_id=drop),
            ]
        )
    services.mapping.merge(keep, drop, 1, 1)  # fresh rows: version 1
    with store.read_session() as s:
        for table in (Membership, Visit, Referral, Task, Note, OperationTarget):
            assert s.scalar(select(func.count()).where(table.person_id == keep)) == 1, table
        # Both invitations to the same call-in survive; the clash stays on the old record.
        assert s.scalar(select(func.count()).select_from(Invitation)) == 2
        kept = s.get(Person, keep)
        assert kept.identity_number == "19900101-1234"
        assert "Ali Hasan" in kept.aliases and "Lillen" in kept.aliases
        assert s.get(Person, drop).merged_into_id == keep
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert (entry.action, entry.object_ids) == ("person.merge", f"{keep},{drop}")
    profile = services.mapping.persons.profile(keep)
    # Six history rows moved; the police note (agency 1) is not even listed for this
    # social-services coordinator, who holds no police key (review finding 3).
    assert len(profile.addresses) == 1 and len(profile.timeline) == 5
    assert [r.id for r in services.mapping.persons.page(PersonFilter())] == [keep]
    with pytest.raises(ValidationError):
        services.mapping.merge(keep, keep, 1, 1)


def test_review_list_and_keep(services):
    store, review = services.store, services.mapping.review
    a = f.person(store, "Ali", "Hassan", review_date=TODAY - dt.timedelta(days=3))
    b = f.person(store, "Bo", "Lind", review_date=TODAY + dt.timedelta(days=3))
    g = f.group(store, "Norra")
    link = f.member(store, b, g, review_date=TODAY)
    f.member(store, a, g, review_date=TODAY, until=TODAY - dt.timedelta(days=1))
    due = review.due()
    assert [(i.kind, i.object_id, i.group_name) for i in due] == [
        (ReviewKind.PERSON, a, None),
        (ReviewKind.MEMBERSHIP, link, "Norra"),
    ]
    review.mark_reviewed(ReviewKind.MEMBERSHIP, link, TODAY + dt.timedelta(days=180))
    assert [i.object_id for i in review.due()] == [a]
    with pytest.raises(ValidationError):
        review.mark_reviewed(ReviewKind.PERSON, a, TODAY)


def test_group_profile_coverage_and_relations(services):
    store, groups = services.store, services.mapping.groups
    groups.create(GroupInput("Norra", aliases="N; NG", area="Fosie"))
    north = groups.list()[0].id
    south = f.group(store, "Södra")
    people = [f.person(store, "P", str(i)) for i in range(4)]
    for pid in people:
        groups.add_member(
            north, pid, source="Polisen", reason="Lägesbild", review_date="2030-01-01"
        )
    f.delivery(store, people[0])
    groups.add_relation(north, south, GroupRelationKind.ACTIVE_CONFLICT, TODAY)
    profile = groups.profile(north)
    assert profile.aliases == ("N", "NG")
    assert profile.coverage == 0.25
    assert [(r.other_group_name, r.kind) for r in profile.relations] == [
        ("Södra", GroupRelationKind.ACTIVE_CONFLICT)
    ]
    row = {g.name: g for g in groups.list()}["Norra"]
    assert (row.members, row.reached) == (4, 1)
    network = groups.network()
    assert {n.name for n in network.nodes} == {"Norra", "Södra"}
    assert [(e.a, e.b) for e in network.edges] == [(north, south)]
    with pytest.raises(ValidationError):
        groups.add_member(north, people[0], source="", reason="x", review_date="2030-01-01")
    with pytest.raises(ValidationError):
        groups.create(GroupInput("Norra"))
