"""A person's timeline: visits, deliveries, call-ins, referrals, notes and tasks."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    String,
    bindparam,
    literal_column,
    null,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    CallIn,
    Delivery,
    Invitation,
    Note,
    Referral,
    SupportService,
    Task,
    Visit,
)
from desktop.services.mapping.rows import TimelineEntry, TimelineKind
from desktop.store.interface import StoreSql
from desktop.store.sql import sql_of


def person_timeline(
    session: Session, person_id: int, held_compartments: frozenset[str] = frozenset()
) -> tuple[TimelineEntry, ...]:
    """Everything that happened to the person, newest first.

    Notes appear only from compartments the user holds a key for: another agency's
    user must not even learn that a note exists. Their text is shown in the notes
    section.

    One query (a UNION ALL of the six kinds), so the profile costs one round trip to a
    server here rather than six.
    """
    query = _timeline_query(sql_of(session), held_compartments)  # type: ignore[arg-type]
    entries = [
        TimelineEntry(r.on, TimelineKind(r.kind), r.id, r.code, *((r.title,) if r.title else ()))
        for r in session.execute(query, {"person_id": person_id})
    ]
    entries.sort(key=lambda e: (e.on, e.kind.value, e.object_id), reverse=True)
    return tuple(entries)


@lru_cache(maxsize=32)
def _timeline_query(store_sql: StoreSql, held_compartments: frozenset[str]) -> Any:
    """The timeline's statement, built once per backend and set of keys held (the
    person is a bound parameter): building the six-part union cost a third of a
    profile's CPU on a workstation (issue 19, audited reads under load)."""
    person_id: Any = bindparam("person_id", type_=Integer)
    day = store_sql.date_of

    def kind(value: TimelineKind) -> Any:
        return literal_column(f"'{value.value}'", String)

    def row(kind_: TimelineKind, id_: Any, on: Any, code: Any, title: Any = None) -> Any:
        return (
            kind(kind_).label("kind"),
            id_.label("id"),
            type_coerce(on, Date).label("on"),
            type_coerce(code, String).label("code"),
            type_coerce(null() if title is None else title, String).label("title"),
        )

    return union_all(
        select(*row(TimelineKind.VISIT, Visit.id, day(Visit.starts_at), Visit.status)).where(
            Visit.person_id == person_id
        ),
        select(
            *row(TimelineKind.DELIVERY, Delivery.id, Delivery.delivered_on, Delivery.channel)
        ).where(Delivery.person_id == person_id),
        select(
            *row(
                TimelineKind.CALL_IN,
                Invitation.id,
                day(CallIn.starts_at),
                Invitation.status,
                CallIn.title,
            )
        )
        .join(CallIn, CallIn.id == Invitation.call_in_id)
        .where(Invitation.person_id == person_id),
        select(
            *row(
                TimelineKind.REFERRAL,
                Referral.id,
                Referral.opened_on,
                Referral.status,
                SupportService.name,
            )
        )
        .join(SupportService, SupportService.id == Referral.service_id)
        .where(Referral.person_id == person_id),
        select(*row(TimelineKind.NOTE, Note.id, day(Note.created_at), Note.kind, Agency.code))
        .join(Agency, Agency.id == Note.agency_id)
        .where(Note.person_id == person_id, Agency.code.in_(sorted(held_compartments))),
        select(*row(TimelineKind.TASK, Task.id, Task.due_date, Task.status, Task.title)).where(
            Task.person_id == person_id
        ),
    )
