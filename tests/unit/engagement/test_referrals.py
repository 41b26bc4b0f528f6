"""Referral steps: the allowed-transition table, history, closing dates, follow-up tasks."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select

from desktop.models import ReferralStatus, Task, TaskStatus
from desktop.services.engagement.referrals import (
    CLOSED,
    FOLLOW_UPS,
    TRANSITIONS,
    allowed_next,
    check_transition,
)
from desktop.services.engagement.rows import ReferralInput
from desktop.services.errors import ValidationError
from tests.unit.engagement.factories import Field

S = ReferralStatus
DAY = dt.date.today() - dt.timedelta(days=30)
ALLOWED = {
    (S.OFFERED, S.ACCEPTED),
    (S.OFFERED, S.DECLINED),
    (S.ACCEPTED, S.REFERRED),
    (S.ACCEPTED, S.DECLINED),
    (S.ACCEPTED, S.DROPPED),
    (S.REFERRED, S.STARTED),
    (S.REFERRED, S.DROPPED),
    (S.STARTED, S.COMPLETED),
    (S.STARTED, S.DROPPED),
}
# Every path from OFFERED through allowed steps to each reachable status.
PATHS = {
    S.OFFERED: (),
    S.ACCEPTED: (S.ACCEPTED,),
    S.REFERRED: (S.ACCEPTED, S.REFERRED),
    S.STARTED: (S.ACCEPTED, S.REFERRED, S.STARTED),
}


def test_the_table_is_exactly_the_programme() -> None:
    table = {(a, b) for a, nexts in TRANSITIONS.items() for b in nexts}
    assert table == ALLOWED
    assert set(TRANSITIONS) == set(ReferralStatus)
    for closed in CLOSED:
        assert allowed_next(closed) == ()


@pytest.mark.parametrize("pair", sorted(itertools.product(S, S)))
def test_check_transition_for_every_pair(pair: tuple[ReferralStatus, ReferralStatus]) -> None:
    if pair in ALLOWED:
        check_transition(*pair)
    else:
        with pytest.raises(ValidationError):
            check_transition(*pair)


def _open(f: Field, **kw) -> int:  # type: ignore[no-untyped-def]
    data = ReferralInput(f.persons[0], f.service_id, DAY, **kw)
    new_id, _ = f.services.engagement.referrals.create(data)
    return new_id


def _step(f: Field, referral_id: int, status: ReferralStatus, day: dt.date = DAY) -> None:
    referrals = f.services.engagement.referrals
    detail = referrals.detail(referral_id)
    referrals.advance(referral_id, detail.row.version, status, day)


@pytest.mark.parametrize("pair", sorted(ALLOWED))
def test_every_allowed_step_through_the_service(
    field: Field, pair: tuple[ReferralStatus, ReferralStatus]
) -> None:
    before, after = pair
    referral_id = _open(field)
    for status in PATHS[before]:
        _step(field, referral_id, status)
    _step(field, referral_id, after, DAY + dt.timedelta(days=5))
    detail = field.services.engagement.referrals.detail(referral_id)
    assert detail.row.status is after
    assert [e.status for e in detail.events] == [S.OFFERED, *PATHS[before], after]
    assert all(e.user_name == "Coordinator_Social" for e in detail.events)
    if after in CLOSED:
        assert detail.row.closed_on == DAY + dt.timedelta(days=5)
        assert detail.next_steps == ()
    else:
        assert detail.row.closed_on is None
        assert detail.next_steps == allowed_next(after)


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ((), S.STARTED),
        ((), S.COMPLETED),
        ((), S.DROPPED),
        ((S.ACCEPTED,), S.COMPLETED),
        ((S.ACCEPTED,), S.OFFERED),
        ((S.ACCEPTED, S.REFERRED), S.ACCEPTED),
        ((S.ACCEPTED, S.DECLINED), S.ACCEPTED),
        ((S.ACCEPTED, S.REFERRED, S.STARTED, S.COMPLETED), S.STARTED),
    ],
)
def test_forbidden_steps_are_refused(
    field: Field, path: tuple[ReferralStatus, ...], forbidden: ReferralStatus
) -> None:
    referral_id = _open(field)
    for status in path:
        _step(field, referral_id, status)
    with pytest.raises(ValidationError):
        _step(field, referral_id, forbidden)
    assert field.services.engagement.referrals.detail(referral_id).row.status is (
        path[-1] if path else S.OFFERED
    )


def _tasks(f: Field) -> list[tuple[str, dt.date, TaskStatus, int | None]]:
    with f.store.read_session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(Task.title, Task.due_date, Task.status, Task.referral_id).order_by(Task.id)
            )
        ]


def test_a_follow_up_task_is_due_after_each_open_step(field: Field) -> None:
    referral_id = _open(field)
    _step(field, referral_id, S.ACCEPTED, DAY + dt.timedelta(days=1))
    tasks = _tasks(field)
    assert tasks[0] == (
        FOLLOW_UPS[S.OFFERED][0],
        DAY + dt.timedelta(days=7),
        TaskStatus.DONE,
        referral_id,
    )
    assert tasks[1] == ("Följ upp remiss", DAY + dt.timedelta(days=8), TaskStatus.OPEN, referral_id)
    _step(field, referral_id, S.DECLINED, DAY + dt.timedelta(days=2))
    assert [t[2] for t in _tasks(field)] == [TaskStatus.DONE, TaskStatus.DONE]


def test_self_initiated_contact_is_recorded_as_such(field: Field) -> None:
    referral_id = _open(field, status=S.ACCEPTED, self_initiated=True, responsible_name="Soc jour")
    row = field.services.engagement.referrals.detail(referral_id).row
    assert row.self_initiated and row.status is S.ACCEPTED
    assert row.responsible_agency == "Socialtjänsten"
    assert row.responsible_name == "Soc jour"


def test_a_referral_cannot_start_half_way(field: Field) -> None:
    with pytest.raises(ValidationError):
        _open(field, status=S.STARTED)


def test_filter_by_status(field: Field) -> None:
    first = _open(field)
    second = _open(field)
    _step(field, second, S.ACCEPTED)
    referrals = field.services.engagement.referrals
    assert [r.id for r in referrals.referrals(frozenset({S.ACCEPTED}))] == [second]
    assert {r.id for r in referrals.referrals()} == {first, second}
    assert {r.id for r in referrals.referrals(person_id=field.persons[0])} == {first, second}


def test_stale_version_is_a_conflict(field: Field) -> None:
    from desktop.services.errors import ConflictError

    referral_id = _open(field)
    version = field.services.engagement.referrals.detail(referral_id).row.version
    _step(field, referral_id, S.ACCEPTED)
    with pytest.raises(ConflictError):
        field.services.engagement.referrals.advance(referral_id, version, S.DECLINED, DAY)
