"""The review list: persons and group links whose review date has come.

No one stays mapped without a reason: each person and each membership carries a review
date, and this list shows what must be re-examined (kept with a new date, or ended).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from desktop.models import Group, Membership, Person
from desktop.services.changes import Changes
from desktop.services.errors import NotFound, ValidationError
from desktop.services.mapping.rows import ReviewItem, ReviewKind
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store


class ReviewService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def due(self, today: dt.date | None = None, limit: int = 2000) -> list[ReviewItem]:
        """Everything due on or before ``today``, oldest first."""
        require(self.store.identity, Action.PERSON_READ)
        today = today or dt.date.today()
        items: list[ReviewItem] = []
        with self.store.read_session() as session:
            for p in session.execute(
                select(
                    Person.id,
                    Person.first_name,
                    Person.last_name,
                    Person.review_date,
                    Person.source,
                )
                .where(Person.review_date <= today, Person.merged_into_id.is_(None))
                .order_by(Person.review_date)
                .limit(limit)
            ):
                items.append(
                    ReviewItem(
                        ReviewKind.PERSON,
                        p.id,
                        p.id,
                        f"{p.first_name} {p.last_name}",
                        None,
                        p.review_date,
                        p.source,
                    )
                )
            for m in session.execute(
                select(
                    Membership.id,
                    Membership.person_id,
                    Membership.review_date,
                    Membership.source,
                    Person.first_name,
                    Person.last_name,
                    Group.name,
                )
                .join(Person, Person.id == Membership.person_id)
                .join(Group, Group.id == Membership.group_id)
                .where(
                    Membership.review_date <= today,
                    or_(Membership.until.is_(None), Membership.until >= today),
                    Person.merged_into_id.is_(None),
                )
                .order_by(Membership.review_date)
                .limit(limit)
            ):
                items.append(
                    ReviewItem(
                        ReviewKind.MEMBERSHIP,
                        m.id,
                        m.person_id,
                        f"{m.first_name} {m.last_name}",
                        m.name,
                        m.review_date,
                        m.source,
                    )
                )
        items.sort(key=lambda i: (i.review_date, i.person_name, i.kind.value))
        return items

    def mark_reviewed(self, kind: ReviewKind, object_id: int, next_review: dt.date) -> Changes:
        """Keep the record and set the next review date (must lie ahead)."""
        require(self.store.identity, Action.PERSON_EDIT)
        if next_review <= dt.date.today():
            raise ValidationError("review.not_ahead", field="review_date")
        with UnitOfWork(self.store, "Ompröva") as uow:
            if kind is ReviewKind.PERSON:
                person = uow.session.get(Person, object_id)
                if person is None:
                    raise NotFound()
                person.review_date = next_review
                uow.touched("person", person.id)
            else:
                link = uow.session.get(Membership, object_id)
                if link is None:
                    raise NotFound()
                link.review_date = next_review
                uow.touched("person", link.person_id)
                uow.touched("group", link.group_id)
            uow.audit("review.keep", kind.value, [object_id])
        return uow.changes
