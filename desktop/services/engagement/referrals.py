"""Referrals (remisser) to support services: one table of allowed steps, history, tasks.

``TRANSITIONS`` is the only statement of which step may follow which; the service, the
referral dialog and visit outcomes (``open_referral``) all go through it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    Person,
    Referral,
    ReferralEvent,
    ReferralStatus,
    SupportKind,
    SupportService,
    Task,
    TaskStatus,
    User,
    utcnow,
)
from desktop.services.changes import Changes
from desktop.services.engagement.rows import (
    ReferralDetail,
    ReferralEventRow,
    ReferralInput,
    ReferralRow,
)
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

S = ReferralStatus
#: Which status may follow which. Closed statuses have no next step.
TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    S.OFFERED: frozenset({S.ACCEPTED, S.DECLINED}),
    S.ACCEPTED: frozenset({S.REFERRED, S.DECLINED, S.DROPPED}),
    S.REFERRED: frozenset({S.STARTED, S.DROPPED}),
    S.STARTED: frozenset({S.COMPLETED, S.DROPPED}),
    S.COMPLETED: frozenset(),
    S.DECLINED: frozenset(),
    S.DROPPED: frozenset(),
}
#: Statuses a referral may begin in: offered at the door, or accepted straight away.
START_STATUSES = frozenset({S.OFFERED, S.ACCEPTED})
CLOSED = frozenset({S.COMPLETED, S.DECLINED, S.DROPPED})
#: The follow-up due after reaching a status: (task title, days).
FOLLOW_UPS: dict[ReferralStatus, tuple[str, int]] = {
    S.OFFERED: ("Fråga om han vill ta emot stödet", 7),
    S.ACCEPTED: ("Följ upp remiss", 7),
    S.REFERRED: ("Kontrollera att insatsen har startat", 14),
    S.STARTED: ("Följ upp pågående insats", 30),
}
ORDER = (S.OFFERED, S.ACCEPTED, S.REFERRED, S.STARTED, S.COMPLETED, S.DECLINED, S.DROPPED)


def allowed_next(status: ReferralStatus) -> tuple[ReferralStatus, ...]:
    """The valid next steps, in the order of the programme."""
    return tuple(s for s in ORDER if s in TRANSITIONS[status])


def check_transition(current: ReferralStatus, new: ReferralStatus) -> None:
    if new not in TRANSITIONS[current]:
        raise ValidationError("referral.step_not_allowed", field="status")


def _follow_up(
    uow: UnitOfWork, referral: Referral, status: ReferralStatus, on_date: dt.date
) -> None:
    """Close the referral's open tasks and add the one due after ``status``."""
    session = uow.session
    open_ids = session.scalars(
        select(Task.id).where(Task.referral_id == referral.id, Task.status == TaskStatus.OPEN)
    ).all()
    if open_ids:
        session.execute(
            update(Task)
            .where(Task.id.in_(open_ids))
            .values(status=TaskStatus.DONE, done_at=utcnow(), version=Task.version + 1)
            .execution_options(synchronize_session=False)
        )
        uow.audit("task.status", "task", open_ids, detail=TaskStatus.DONE.value)
        uow.touched("task", *open_ids)
    follow = FOLLOW_UPS.get(status)
    if follow is None:
        return
    title, days = follow
    task = Task(
        title=title,
        due_date=on_date + dt.timedelta(days=days),
        owner_user_id=uow.store.identity.user_id,
        person_id=referral.person_id,
        referral_id=referral.id,
        visit_id=referral.visit_id,
    )
    session.add(task)
    session.flush()
    uow.audit("task.create", "task", [task.id])
    uow.touched("task", task.id)


def open_referral(uow: UnitOfWork, data: ReferralInput) -> int:
    """Create a referral with its first history step and follow-up task, inside ``uow``.

    Visit outcomes call this with ``status=ACCEPTED`` and ``visit_id``; calling it
    again for the same visit and service returns the existing referral.
    """
    session = uow.session
    if data.status not in START_STATUSES:
        raise ValidationError("referral.bad_start", field="status")
    service = session.get(SupportService, data.service_id)
    if service is None:
        raise NotFound("support.gone")
    if session.get(Person, data.person_id) is None:
        raise NotFound("person.gone")
    if data.visit_id is not None:
        already = session.scalar(
            select(Referral.id).where(
                Referral.visit_id == data.visit_id,
                Referral.service_id == data.service_id,
                Referral.retracted_at.is_(None),
            )
        )
        if already is not None:
            return already
    referral = Referral(
        person_id=data.person_id,
        service_id=data.service_id,
        status=data.status,
        responsible_agency_id=data.responsible_agency_id or service.agency_id,
        responsible_name=data.responsible_name.strip()[:200] or None,
        self_initiated=data.self_initiated,
        visit_id=data.visit_id,
        opened_on=data.on_date,
    )
    referral.events.append(
        ReferralEvent(status=data.status, on_date=data.on_date, user_id=uow.store.identity.user_id)
    )
    session.add(referral)
    session.flush()
    detail = "self_initiated" if data.self_initiated else data.status.value
    uow.audit("referral.create", "referral", [referral.id], detail=detail)
    uow.touched("referral", referral.id)
    uow.touched("person", data.person_id)
    _follow_up(uow, referral, data.status, data.on_date)
    return referral.id


def advance_referral(
    uow: UnitOfWork, referral: Referral, status: ReferralStatus, on_date: dt.date
) -> None:
    """Move ``referral`` one allowed step inside ``uow``: history, closing date, tasks."""
    if referral.retracted_at is not None:
        # A correction retracted it (issue 17): it counts nowhere and gets no new task.
        # Found by the model test: a list still on screen could advance it.
        raise NotFound("referral.gone")
    check_transition(referral.status, status)
    if on_date < referral.opened_on:
        raise ValidationError("referral.date_before_start", field="on_date")
    referral.status = status
    referral.closed_on = on_date if status in CLOSED else None
    referral.events.append(
        ReferralEvent(status=status, on_date=on_date, user_id=uow.store.identity.user_id)
    )
    uow.session.flush()
    uow.audit("referral.step", "referral", [referral.id], detail=status.value)
    uow.touched("referral", referral.id)
    uow.touched("person", referral.person_id)
    _follow_up(uow, referral, status, on_date)


def _label(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def _query() -> Select[Referral, str, str, str, SupportKind, str]:
    return (
        select(
            Referral,
            Person.first_name,
            Person.last_name,
            SupportService.name,
            SupportService.kind,
            Agency.name,
        )
        .join(Person, Person.id == Referral.person_id)
        .join(SupportService, SupportService.id == Referral.service_id)
        .outerjoin(Agency, Agency.id == Referral.responsible_agency_id)
        .where(Referral.retracted_at.is_(None))
    )


def _row(r: Referral, first: str, last: str, service: str, kind, agency) -> ReferralRow:  # type: ignore[no-untyped-def]
    return ReferralRow(
        r.id,
        r.version,
        r.person_id,
        _label(first, last),
        r.service_id,
        service,
        kind,
        r.status,
        agency or "",
        r.responsible_name or "",
        r.self_initiated,
        r.opened_on,
        r.closed_on,
    )


class ReferralService:
    """Referrals per person and across the programme."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def referrals(
        self,
        statuses: frozenset[ReferralStatus] | None = None,
        *,
        person_id: int | None = None,
        service_id: int | None = None,
    ) -> list[ReferralRow]:
        """Referrals, newest first, optionally only some statuses, a person or a service."""
        require(self.store.identity, Action.SUPPORT_READ)
        query = _query().order_by(Referral.opened_on.desc(), Referral.id.desc())
        if statuses:
            query = query.where(Referral.status.in_(sorted(statuses)))
        if person_id is not None:
            query = query.where(Referral.person_id == person_id)
        if service_id is not None:
            query = query.where(Referral.service_id == service_id)
        with UnitOfWork(self.store, "Visa remisser") as uow:
            rows = [_row(*r) for r in uow.session.execute(query)]
            # A list that shows names is one audited read of the persons shown (issue 17).
            shown = sorted({r.person_id for r in rows})
            if shown:
                uow.audit("referral.list", "person", shown, detail=f"referrals={len(rows)}")
        return rows

    def detail(self, referral_id: int) -> ReferralDetail:
        """One referral with its history and the steps allowed next."""
        require(self.store.identity, Action.SUPPORT_READ)
        with self.store.read_session() as session:
            found = session.execute(_query().where(Referral.id == referral_id)).first()
            if found is None:
                raise NotFound("referral.gone")
            row = _row(*found)
            events = _events(session, referral_id)
        return ReferralDetail(row, events, allowed_next(row.status))

    def create(self, data: ReferralInput) -> tuple[int, Changes]:
        """Open a referral (or record a self-initiated contact)."""
        require(self.store.identity, Action.REFERRAL_EDIT)
        if data.on_date > dt.date.today():
            raise ValidationError("date.in_future", field="on_date")
        with UnitOfWork(self.store, "Ny remiss") as uow:
            new_id = open_referral(uow, data)
        return new_id, uow.changes

    def advance(
        self, referral_id: int, version: int, status: ReferralStatus, on_date: dt.date
    ) -> Changes:
        """Take the next step (accepted, referred, started, completed, declined, dropped)."""
        require(self.store.identity, Action.REFERRAL_EDIT)
        if on_date > dt.date.today():
            raise ValidationError("date.in_future", field="on_date")
        with UnitOfWork(self.store, "Ändra remissens status") as uow:
            referral = uow.session.get(Referral, referral_id)
            if referral is None:
                raise NotFound("referral.gone")
            if referral.version != version:
                raise ConflictError()
            advance_referral(uow, referral, status, on_date)
        return uow.changes

    def set_responsible(
        self, referral_id: int, version: int, agency_id: int | None, name: str
    ) -> Changes:
        require(self.store.identity, Action.REFERRAL_EDIT)
        with UnitOfWork(self.store, "Ändra ansvarig för remiss") as uow:
            referral = uow.session.get(Referral, referral_id)
            if referral is None:
                raise NotFound("referral.gone")
            if referral.version != version:
                raise ConflictError()
            referral.responsible_agency_id = agency_id
            referral.responsible_name = name.strip()[:200] or None
            uow.audit("referral.update", "referral", [referral_id])
            uow.touched("referral", referral_id)
        return uow.changes


def _events(session: Session, referral_id: int) -> tuple[ReferralEventRow, ...]:
    return tuple(
        ReferralEventRow(status, on_date, name or "")
        for status, on_date, name in session.execute(
            select(ReferralEvent.status, ReferralEvent.on_date, User.display_name)
            .outerjoin(User, User.id == ReferralEvent.user_id)
            .where(ReferralEvent.referral_id == referral_id)
            .order_by(ReferralEvent.id)
        )
    )
