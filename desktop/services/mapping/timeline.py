"""A person's timeline: visits, deliveries, call-ins, referrals, notes and tasks."""

from __future__ import annotations

from sqlalchemy import select
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


def person_timeline(
    session: Session, person_id: int, held_compartments: frozenset[str] = frozenset()
) -> tuple[TimelineEntry, ...]:
    """Everything that happened to the person, newest first.

    Notes appear only from compartments the user holds a key for: another agency's
    user must not even learn that a note exists. Their text is shown in the notes
    section.
    """
    entries: list[TimelineEntry] = []
    for v in session.execute(
        select(Visit.id, Visit.starts_at, Visit.status).where(Visit.person_id == person_id)
    ):
        entries.append(TimelineEntry(v.starts_at.date(), TimelineKind.VISIT, v.id, v.status.value))
    for d in session.execute(
        select(Delivery.id, Delivery.delivered_on, Delivery.channel).where(
            Delivery.person_id == person_id
        )
    ):
        entries.append(TimelineEntry(d.delivered_on, TimelineKind.DELIVERY, d.id, d.channel.value))
    for i in session.execute(
        select(Invitation.id, Invitation.status, CallIn.starts_at, CallIn.title)
        .join(CallIn, CallIn.id == Invitation.call_in_id)
        .where(Invitation.person_id == person_id)
    ):
        entries.append(
            TimelineEntry(i.starts_at.date(), TimelineKind.CALL_IN, i.id, i.status.value, i.title)
        )
    for r in session.execute(
        select(Referral.id, Referral.opened_on, Referral.status, SupportService.name)
        .join(SupportService, SupportService.id == Referral.service_id)
        .where(Referral.person_id == person_id)
    ):
        entries.append(
            TimelineEntry(r.opened_on, TimelineKind.REFERRAL, r.id, r.status.value, r.name)
        )
    for n in session.execute(
        select(Note.id, Note.created_at, Note.kind, Agency.code)
        .join(Agency, Agency.id == Note.agency_id)
        .where(Note.person_id == person_id, Agency.code.in_(held_compartments))
    ):
        entries.append(
            TimelineEntry(n.created_at.date(), TimelineKind.NOTE, n.id, n.kind.value, n.code)
        )
    for t in session.execute(
        select(Task.id, Task.due_date, Task.status, Task.title).where(Task.person_id == person_id)
    ):
        entries.append(TimelineEntry(t.due_date, TimelineKind.TASK, t.id, t.status.value, t.title))
    entries.sort(key=lambda e: (e.on, e.kind.value, e.object_id), reverse=True)
    return tuple(entries)
