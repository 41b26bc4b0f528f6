"""Findings 10 and 11: a merge neither duplicates memberships nor bypasses versions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import Membership, Person, Visit
from desktop.services.errors import ConflictError
from tests.unit.mapping import factories as f

TODAY = dt.date.today()


def _version(store, model, row_id):
    with store.read_session() as s:
        return s.get(model, row_id).version


def _merge(services, keep, drop):
    store = services.store
    return services.mapping.merge(
        keep, drop, _version(store, Person, keep), _version(store, Person, drop)
    )


def test_merging_two_members_of_one_group_leaves_one_membership(services):
    store = services.store
    keep, drop = f.person(store, "Ali", "Hassan"), f.person(store, "Ali", "Hasan")
    g = f.group(store, "Norra")
    f.member(store, keep, g, since=dt.date(2024, 5, 1), review_date=TODAY + dt.timedelta(days=30))
    f.member(store, drop, g, since=dt.date(2023, 1, 1), review_date=TODAY + dt.timedelta(days=90))
    f.delivery(store, keep)
    f.delivery(store, drop)
    _merge(services, keep, drop)
    with store.read_session() as s:
        rows = list(s.scalars(select(Membership).where(Membership.group_id == g)))
    assert [(m.person_id, m.since, m.review_date) for m in rows] == [
        (keep, dt.date(2023, 1, 1), TODAY + dt.timedelta(days=90))
    ]
    profile = services.mapping.groups.profile(g)
    assert [m.person_id for m in profile.members] == [keep]


def test_merge_refuses_a_stale_version(services):
    store = services.store
    keep, drop = f.person(store, "Ali", "Hassan"), f.person(store, "Ali", "Hasan")
    stale = _version(store, Person, keep)
    with store.write_session() as s, s.begin():
        s.get(Person, keep).phone = "0701234567"  # another workstation's edit
    with pytest.raises(ConflictError):
        services.mapping.merge(keep, drop, stale, _version(store, Person, drop))
    with pytest.raises(ConflictError):
        services.mapping.merge(keep, drop, _version(store, Person, keep), 99)
    with store.read_session() as s:
        assert s.get(Person, drop).merged_into_id is None


def test_merge_bumps_the_version_of_moved_rows(services):
    store = services.store
    keep, drop = f.person(store, "Ali", "Hassan"), f.person(store, "Ali", "Hasan")
    with store.write_session() as s, s.begin():
        visit = Visit(
            person_id=drop,
            starts_at=dt.datetime(2025, 1, 1, 10),
            ends_at=dt.datetime(2025, 1, 1, 11),
        )
        s.add(visit)
        s.flush()
        visit_id = visit.id
    before = _version(store, Visit, visit_id)
    _merge(services, keep, drop)
    with store.read_session() as s:
        moved = s.get(Visit, visit_id)
        assert moved.person_id == keep
        assert moved.version == before + 1
