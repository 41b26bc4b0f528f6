"""The delivery ledger (delgivningar): every delivery of the message per person.

``record_delivery`` and ``remove_delivery`` are the one place a Delivery row is written;
call-ins, hand-recorded probation meetings and visit outcomes all go through them, inside
the caller's unit of work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.models import Delivery, DeliveryChannel, Person
from desktop.services.changes import Changes
from desktop.services.engagement.rows import (
    DeliveryRow,
    DeliveryStats,
    ManualDeliveryInput,
    RepeatRow,
)
from desktop.services.errors import NotFound, ValidationError
from desktop.services.operations.rows import PART_FIELDS, MessagePart
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

ALL_PARTS = frozenset(MessagePart)
MAX_BY = 200


def _existing(
    session: Session, channel: DeliveryChannel, visit_id: int | None, invitation_id: int | None
) -> Delivery | None:
    if visit_id is not None:
        where = Delivery.visit_id == visit_id
    elif invitation_id is not None:
        where = Delivery.invitation_id == invitation_id
    else:
        return None
    return session.scalars(select(Delivery).where(where, Delivery.channel == channel)).first()


def record_delivery(
    uow: UnitOfWork,
    *,
    person_id: int,
    delivered_on: dt.date,
    channel: DeliveryChannel,
    parts: Iterable[MessagePart] = ALL_PARTS,
    delivered_by: str = "",
    visit_id: int | None = None,
    invitation_id: int | None = None,
) -> int:
    """Write (or update) one delivery inside ``uow`` and return its id.

    Idempotent for a visit or an invitation: saving the same visit or attendance
    again updates its one row instead of adding another.
    """
    session = uow.session
    delivery = _existing(session, channel, visit_id, invitation_id)
    if delivery is None:
        delivery = Delivery(
            person_id=person_id,
            channel=channel,
            visit_id=visit_id,
            invitation_id=invitation_id,
        )
        session.add(delivery)
    delivery.delivered_on = delivered_on
    delivery.delivered_by = delivered_by.strip()[:MAX_BY] or None
    chosen = set(parts)
    for part, name in PART_FIELDS.items():
        setattr(delivery, name, part in chosen)
    session.flush()
    uow.audit("delivery.record", "delivery", [delivery.id], detail=channel.value)
    uow.touched("delivery", delivery.id)
    uow.touched("person", person_id)
    return delivery.id


def remove_delivery(
    uow: UnitOfWork,
    channel: DeliveryChannel,
    *,
    visit_id: int | None = None,
    invitation_id: int | None = None,
) -> int | None:
    """Delete the delivery of a visit or invitation, if any; return its id."""
    delivery = _existing(uow.session, channel, visit_id, invitation_id)
    if delivery is None:
        return None
    gone, person_id = delivery.id, delivery.person_id
    uow.session.execute(delete(Delivery).where(Delivery.id == gone))
    uow.audit("delivery.delete", "delivery", [gone])
    uow.touched("delivery", gone)
    uow.touched("person", person_id)
    return gone


def delivery_stats(session: Session, person_ids: Iterable[int]) -> dict[int, DeliveryStats]:
    """Count and last delivery per person, for lists; persons without any are absent.

    One query per 500 persons: the rows come in delivery order, so the count, the last
    date and its channel are read off them (a list page is one round trip, not two).
    """
    ids = sorted(set(person_ids))
    result: dict[int, DeliveryStats] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        counts: dict[int, int] = {}
        last: dict[int, tuple[dt.date, DeliveryChannel]] = {}
        for pid, on, channel in session.execute(
            select(Delivery.person_id, Delivery.delivered_on, Delivery.channel)
            .where(Delivery.person_id.in_(chunk))
            .order_by(Delivery.person_id, Delivery.delivered_on, Delivery.id)
        ):
            counts[pid] = counts.get(pid, 0) + 1
            last[pid] = (on, channel)
        for pid, count in counts.items():
            on, channel = last[pid]
            result[pid] = DeliveryStats(pid, count, on, channel)
    return result


def _label(first: str, last: str) -> str:
    return f"{first} {last}".strip()


class LedgerService:
    """Read the ledger and record deliveries by hand."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def person_deliveries(self, person_id: int) -> list[DeliveryRow]:
        """Every delivery to one person, newest first."""
        require(self.store.identity, Action.PERSON_READ)
        return self._rows(Delivery.person_id == person_id)

    def deliveries(
        self, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[DeliveryRow]:
        """Every delivery in a period, newest first."""
        require(self.store.identity, Action.PERSON_READ)
        where = []
        if since is not None:
            where.append(Delivery.delivered_on >= since)
        if until is not None:
            where.append(Delivery.delivered_on <= until)
        return self._rows(*where)

    def _rows(self, *where) -> list[DeliveryRow]:  # type: ignore[no-untyped-def]
        query = (
            select(Delivery, Person.first_name, Person.last_name)
            .join(Person, Person.id == Delivery.person_id)
            .where(*where)
            .order_by(Delivery.delivered_on.desc(), Delivery.id.desc())
        )
        with UnitOfWork(self.store, "Visa delgivningar") as uow:
            session = uow.session
            rows = [
                DeliveryRow(
                    d.id,
                    d.person_id,
                    _label(first, last),
                    d.delivered_on,
                    d.channel,
                    d.delivered_by or "",
                    frozenset(p for p, f in PART_FIELDS.items() if getattr(d, f)),
                    d.visit_id,
                    d.invitation_id,
                )
                for d, first, last in session.execute(query)
            ]
            # A list that shows names is one audited read of the persons shown (issue 17).
            shown = sorted({r.person_id for r in rows})
            if shown:
                uow.audit("delivery.list", "person", shown, detail=f"deliveries={len(rows)}")
        return rows

    def stats(self, person_ids: Iterable[int]) -> dict[int, DeliveryStats]:
        """Count and last delivery per person (the person list and profile call this)."""
        require(self.store.identity, Action.PERSON_READ)
        with self.store.read_session() as session:
            return delivery_stats(session, person_ids)

    def reached(self) -> int:
        """How many persons received the message at least once."""
        require(self.store.identity, Action.PERSON_READ)
        with self.store.read_session() as session:
            return int(session.scalar(select(func.count(Delivery.person_id.distinct()))) or 0)

    def repeated(self, at_least: int = 2) -> list[RepeatRow]:
        """Persons who received the message ``at_least`` times, most often first."""
        require(self.store.identity, Action.PERSON_READ)
        with UnitOfWork(self.store, "Visa upprepade delgivningar") as uow:
            session = uow.session
            found = session.execute(
                select(
                    Delivery.person_id,
                    Person.first_name,
                    Person.last_name,
                    func.count(),
                    func.min(Delivery.delivered_on),
                    func.max(Delivery.delivered_on),
                )
                .join(Person, Person.id == Delivery.person_id)
                .group_by(Delivery.person_id, Person.first_name, Person.last_name)
                .having(func.count() >= at_least)
                .order_by(func.count().desc(), Person.last_name, Person.first_name)
            ).all()
            channels: dict[int, set[DeliveryChannel]] = {}
            ids = [r[0] for r in found]
            for start in range(0, len(ids), 500):
                for pid, channel in session.execute(
                    select(Delivery.person_id, Delivery.channel)
                    .where(Delivery.person_id.in_(ids[start : start + 500]))
                    .distinct()
                ):
                    channels.setdefault(pid, set()).add(channel)
            if ids:  # one audited read of the persons shown (issue 17)
                uow.audit("delivery.repeats", "person", sorted(ids), detail=f"persons={len(ids)}")
        return [
            RepeatRow(pid, _label(first, last), int(n), lo, hi, frozenset(channels.get(pid, ())))
            for pid, first, last, n, lo, hi in found
        ]

    def record_manual(self, data: ManualDeliveryInput) -> Changes:
        """Record a delivery made outside Rondplan's visits and call-ins (e.g. probation)."""
        require(self.store.identity, Action.OUTCOME_RECORD)
        if data.channel in (DeliveryChannel.HOME_VISIT, DeliveryChannel.CALL_IN):
            raise ValidationError("delivery.channel_recorded_elsewhere", field="channel")
        if not data.parts:
            raise ValidationError("delivery.parts_missing", field="parts")
        if data.delivered_on > dt.date.today():
            raise ValidationError("date.in_future", field="delivered_on")
        with UnitOfWork(self.store, "Registrera delgivning") as uow:
            if uow.session.get(Person, data.person_id) is None:
                raise NotFound("person.gone")
            record_delivery(
                uow,
                person_id=data.person_id,
                delivered_on=data.delivered_on,
                channel=data.channel,
                parts=data.parts,
                delivered_by=data.delivered_by or self.store.identity.agency_name,
            )
        return uow.changes

    def delete(self, delivery_id: int) -> Changes:
        """Remove a hand-recorded delivery (visit and call-in ones follow their source)."""
        require(self.store.identity, Action.OUTCOME_RECORD)
        with UnitOfWork(self.store, "Ta bort delgivning") as uow:
            delivery = uow.session.get(Delivery, delivery_id)
            if delivery is None:
                raise NotFound("delivery.gone")
            if delivery.visit_id is not None or delivery.invitation_id is not None:
                raise ValidationError("delivery.change_at_source", field="delivery")
            person_id = delivery.person_id
            uow.session.delete(delivery)
            uow.audit("delivery.delete", "delivery", [delivery_id])
            uow.touched("delivery", delivery_id)
            uow.touched("person", person_id)
        return uow.changes
