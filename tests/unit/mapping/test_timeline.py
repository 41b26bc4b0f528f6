"""The profile's timeline: every kind of event with its date, code and title, newest first.

The timeline is one UNION ALL query; these rows check that each kind keeps its own
date (a time's date for visits, call-ins and notes), code and title on both databases.
"""

from __future__ import annotations

import datetime as dt

from desktop.models import (
    CallIn,
    Delivery,
    DeliveryChannel,
    Invitation,
    InvitationStatus,
    Note,
    NoteKind,
    Referral,
    ReferralStatus,
    SupportKind,
    SupportService,
    Task,
    TaskStatus,
    Visit,
    VisitStatus,
)
from desktop.services.mapping.rows import TimelineKind
from tests.unit.mapping import factories as f


def test_every_kind_is_listed_with_its_date_code_and_title_newest_first(services):
    store, persons = services.store, services.mapping.persons
    pid = f.person(store)
    other = f.person(store, "Sara", "Berg")
    visit = f._insert(
        store,
        Visit(
            person_id=pid,
            starts_at=dt.datetime(2025, 3, 4, 23, 30),
            ends_at=dt.datetime(2025, 3, 4, 23, 59),
            status=VisitStatus.MET,
        ),
    )
    delivery = f._insert(
        store,
        Delivery(person_id=pid, delivered_on=dt.date(2025, 3, 5), channel=DeliveryChannel.CALL_IN),
    )
    call_in = f._insert(
        store, CallIn(title="Stormöte", starts_at=dt.datetime(2025, 2, 1, 18), venue="Rådhuset")
    )
    invitation = f._insert(
        store, Invitation(call_in_id=call_in, person_id=pid, status=InvitationStatus.ATTENDED)
    )
    service = f._insert(
        store, SupportService(name="Exit", kind=SupportKind.EXIT, provider="Kommunen")
    )
    referral = f._insert(
        store,
        Referral(
            person_id=pid,
            service_id=service,
            status=ReferralStatus.ACCEPTED,
            opened_on=dt.date(2025, 1, 10),
        ),
    )
    note = f._insert(
        store,
        Note(
            agency_id=store.identity.agency_id,
            person_id=pid,
            kind=NoteKind.ASSESSMENT,
            ciphertext=b"x",
            created_at=dt.datetime(2024, 12, 24, 8, 15),
        ),
    )
    task = f._insert(
        store,
        Task(title="Ring mamman", due_date=dt.date(2025, 4, 1), person_id=pid),
    )
    f.delivery(store, other, dt.date(2025, 6, 1))  # someone else's: not in this timeline

    profile = persons.profile(pid)

    assert [(e.on, e.kind, e.object_id, e.code, e.title) for e in profile.timeline] == [
        (dt.date(2025, 4, 1), TimelineKind.TASK, task, TaskStatus.OPEN.value, "Ring mamman"),
        (dt.date(2025, 3, 5), TimelineKind.DELIVERY, delivery, "call_in", ""),
        (dt.date(2025, 3, 4), TimelineKind.VISIT, visit, "met", ""),
        (dt.date(2025, 2, 1), TimelineKind.CALL_IN, invitation, "attended", "Stormöte"),
        (dt.date(2025, 1, 10), TimelineKind.REFERRAL, referral, "accepted", "Exit"),
        (dt.date(2024, 12, 24), TimelineKind.NOTE, note, "assessment", "social"),
    ]
    assert (profile.deliveries, profile.last_delivery) == (1, dt.date(2025, 3, 5))
    assert not profile.has_photo


def test_the_delivery_count_and_last_date_come_from_every_delivery(services):
    store, persons = services.store, services.mapping.persons
    pid = f.person(store)
    for day in (dt.date(2025, 5, 2), dt.date(2024, 1, 1), dt.date(2025, 5, 1)):
        f.delivery(store, pid, day)
    persons.update(pid, persons.profile(pid).version, _same(persons.profile(pid)), photo=b"\x89PNG")
    profile = persons.profile(pid)
    assert (profile.deliveries, profile.last_delivery) == (3, dt.date(2025, 5, 2))
    assert profile.has_photo


def _same(profile):
    from desktop.services.mapping.rows import PersonInput

    return PersonInput(profile.first_name, profile.last_name)
