"""The delivery ledger, the support catalogue and group sanction periods."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import DeliveryChannel, InvitationStatus, SupportKind
from desktop.services.engagement.rows import (
    AttendanceInput,
    ManualDeliveryInput,
    SanctionInput,
    ServiceInput,
)
from desktop.services.engagement.sanctions import message_text
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.operations.rows import MessagePart
from tests.factories import login
from tests.unit.engagement.factories import HELD_AT, Field, held_callin

TODAY = dt.date.today()


def _attend(f: Field, person_ids: list[int]) -> None:
    call_in_id = held_callin(f)
    detail = f.services.engagement.callins.detail(call_in_id)
    f.services.engagement.attendance.record(
        call_in_id,
        [
            AttendanceInput(i.id, InvitationStatus.ATTENDED)
            for i in detail.invitations
            if i.person_id in person_ids
        ],
    )


def test_probation_delivery_by_hand_and_repeat_list(field: Field) -> None:
    ledger = field.services.engagement.ledger
    p = field.persons
    _attend(field, [p[0], p[1]])
    ledger.record_manual(
        ManualDeliveryInput(
            p[0], TODAY, DeliveryChannel.PROBATION, "Frivården", frozenset(MessagePart)
        )
    )
    repeated = ledger.repeated()
    assert [(r.person_id, r.count) for r in repeated] == [(p[0], 2)]
    assert repeated[0].channels == {DeliveryChannel.CALL_IN, DeliveryChannel.PROBATION}
    assert (repeated[0].first_on, repeated[0].last_on) == (HELD_AT.date(), TODAY)
    stats = ledger.stats(p)
    assert stats[p[0]].count == 2 and stats[p[0]].last_on == TODAY
    assert stats[p[0]].last_channel is DeliveryChannel.PROBATION
    assert stats[p[1]].count == 1 and p[2] not in stats
    rows = ledger.person_deliveries(p[0])
    assert [r.channel for r in rows] == [DeliveryChannel.PROBATION, DeliveryChannel.CALL_IN]
    assert rows[0].delivered_by == "Frivården" and rows[1].parts == frozenset(MessagePart)


def test_manual_delivery_rules(field: Field) -> None:
    ledger = field.services.engagement.ledger
    p = field.persons[0]
    with pytest.raises(ValidationError):
        ledger.record_manual(
            ManualDeliveryInput(p, TODAY, DeliveryChannel.CALL_IN, "", frozenset(MessagePart))
        )
    with pytest.raises(ValidationError):
        ledger.record_manual(ManualDeliveryInput(p, TODAY, DeliveryChannel.PROBATION))
    with pytest.raises(ValidationError):
        ledger.record_manual(
            # "today" read now, not at import, so a run across midnight stays right.
            ManualDeliveryInput(
                p, dt.date.today() + dt.timedelta(days=1), parts=frozenset(MessagePart)
            )
        )


def test_call_in_delivery_cannot_be_deleted_by_hand(field: Field) -> None:
    _attend(field, [field.persons[0]])
    ledger = field.services.engagement.ledger
    row = ledger.person_deliveries(field.persons[0])[0]
    with pytest.raises(ValidationError):
        ledger.delete(row.id)


def test_support_catalogue_create_update_and_open_counts(field: Field) -> None:
    support = field.services.engagement.support
    agencies = {c.label: c.id for c in support.agencies()}
    new_id, changes = support.create(
        ServiceInput(
            "Budget- och skuldrådgivning",
            SupportKind.DEBT,
            "Kommunen",
            "040-123",
            agencies["Socialtjänsten"],
        )
    )
    assert changes.touches("support_service")
    row = next(r for r in support.services() if r.id == new_id)
    assert row.agency_name == "Socialtjänsten" and row.contact == "040-123"
    support.update(
        new_id, row.version, ServiceInput(row.name, row.kind, "Stadsdelen", active=False)
    )
    row = next(r for r in support.services() if r.id == new_id)
    assert row.provider == "Stadsdelen" and not row.active
    assert new_id not in {r.id for r in support.services(include_inactive=False)}
    with pytest.raises(ValidationError):
        support.create(ServiceInput("", SupportKind.EXIT, "X"))


def test_officer_may_refer_but_not_edit_the_catalogue(field: Field) -> None:
    from desktop.services.bundle import build_services
    from desktop.services.engagement.rows import ReferralInput

    officer = login(field.path, "officer_social")
    try:
        services = build_services(officer)
        with pytest.raises(PermissionDenied):
            services.engagement.support.create(ServiceInput("X", SupportKind.EXIT, "Y"))
        services.engagement.referrals.create(
            ReferralInput(field.persons[0], field.service_id, TODAY)
        )
    finally:
        officer.lock()


def test_sanction_period_lifecycle_and_active_list(field: Field) -> None:
    sanctions = field.services.engagement.sanctions
    group = field.groups[0]
    start = TODAY - dt.timedelta(days=10)
    period_id, changes = sanctions.create(
        group, SanctionInput("skottlossningen i Hyllie", start, measures="Fler kontroller")
    )
    assert changes.touches("group") and group in changes.ids_of("group")
    old_id, _ = sanctions.create(
        field.groups[1],
        SanctionInput(
            "bråk", start - dt.timedelta(days=100), start - dt.timedelta(days=50), "", "Lugnt"
        ),
    )
    assert [p.id for p in sanctions.active()] == [period_id]
    text = sanctions.message(group)
    assert "Grupp A" in text and "ökat fokus" in text and "Fler kontroller" in text
    assert sanctions.message(field.groups[1]) == ""
    row = sanctions.periods(group)[0]
    sanctions.end(period_id, row.version, TODAY, "Lugnt i tre månader")
    row = sanctions.periods(group)[0]
    assert row.end_date == TODAY and row.end_reason == "Lugnt i tre månader"
    assert "avslutades" in message_text(row)
    # Issue 18: the sentence in the reader's language, what was typed as typed.
    assert message_text(row, "en") == (
        f"After skottlossningen i Hyllie, Grupp A has been under increased focus since "
        f"{start:%Y-%m-%d}. Measures: Fler kontroller. The period ended {TODAY:%Y-%m-%d}."
    )
    assert sanctions.active(TODAY + dt.timedelta(days=1)) == []
    sanctions.delete(old_id, sanctions.periods(field.groups[1])[0].version)
    assert sanctions.periods(field.groups[1]) == []


def test_sanction_rules(field: Field) -> None:
    sanctions = field.services.engagement.sanctions
    with pytest.raises(ValidationError):
        sanctions.create(field.groups[0], SanctionInput(" ", TODAY))
    with pytest.raises(ValidationError):
        sanctions.create(
            field.groups[0], SanctionInput("x", TODAY, TODAY - dt.timedelta(days=1), "", "r")
        )
    with pytest.raises(ValidationError):
        sanctions.create(field.groups[0], SanctionInput("x", TODAY, TODAY, "", ""))
    officer = login(field.path, "officer_police")
    try:
        from desktop.services.bundle import build_services

        with pytest.raises(PermissionDenied):
            build_services(officer).engagement.sanctions.create(
                field.groups[0], SanctionInput("x", TODAY)
            )
    finally:
        officer.lock()
