"""Call-ins: editing, invitations, attendance into the ledger, no-show proposals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.models import (
    AuditEntry,
    CallInStatus,
    Delivery,
    DeliveryChannel,
    InvitationStatus,
    OperationTarget,
    Task,
    Visit,
    VisitStatus,
)
from desktop.services.engagement.callins import DEFAULT_CHECKLIST
from desktop.services.engagement.rows import AttendanceInput, CallInInput, SpeakerInput
from desktop.services.errors import PermissionDenied, ValidationError
from tests.factories import login
from tests.unit.engagement.factories import HELD_AT, Field, held_callin

A = InvitationStatus


def _deliveries(f: Field) -> list[tuple[int, int | None, DeliveryChannel, dt.date]]:
    with f.store.read_session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(
                    Delivery.person_id,
                    Delivery.invitation_id,
                    Delivery.channel,
                    Delivery.delivered_on,
                )
            )
        ]


def _by_person(f: Field, call_in_id: int) -> dict[int, int]:
    detail = f.services.engagement.callins.detail(call_in_id)
    return {i.person_id: i.id for i in detail.invitations}


def test_create_keeps_speaker_order_and_default_checklist(field: Field) -> None:
    call_in_id = held_callin(field)
    detail = field.services.engagement.callins.detail(call_in_id)
    assert [s.name for s in detail.speakers] == ["Anna Polis", "Berit Mor"]
    assert [s.position for s in detail.speakers] == [0, 1]
    assert [c.item for c in detail.checklist] == list(DEFAULT_CHECKLIST)
    assert detail.starts_at == HELD_AT and detail.venue == "Folkets hus"


def test_update_reorders_speakers_and_ticks_checklist(field: Field) -> None:
    callins = field.services.engagement.callins
    call_in_id = held_callin(field)
    detail = callins.detail(call_in_id)
    data = detail.as_input()
    edited = CallInInput(
        data.title,
        data.starts_at,
        "Medborgarhuset",
        speakers=(SpeakerInput("Cecilia Åklagare", "Åklagarmyndigheten"), *data.speakers[::-1]),
        checklist=data.checklist,
    )
    callins.update(call_in_id, detail.version, edited)
    detail = callins.detail(call_in_id)
    callins.set_checklist_item(call_in_id, detail.version, 2, True)
    detail = callins.detail(call_in_id)
    assert [s.name for s in detail.speakers] == ["Cecilia Åklagare", "Berit Mor", "Anna Polis"]
    assert detail.venue == "Medborgarhuset"
    assert [c.done for c in detail.checklist][:3] == [False, False, True]


def test_validation_needs_title_and_venue(field: Field) -> None:
    callins = field.services.engagement.callins
    with pytest.raises(ValidationError) as error:
        callins.create(CallInInput("", HELD_AT, "Folkets hus"))
    assert error.value.field == "title"
    with pytest.raises(ValidationError) as error:
        callins.create(CallInInput("Stormöte", HELD_AT, " "))
    assert error.value.field == "venue"


def test_invite_groups_takes_active_members_once(field: Field) -> None:
    callins = field.services.engagement.callins
    call_in_id, _ = callins.create(CallInInput("S", HELD_AT, "Lokal"))
    added, _ = callins.invite(
        call_in_id, group_ids=field.groups, mandated_by="Frivården", person_ids=field.persons[:1]
    )
    # Six persons, the last inactive: five invited.
    assert added == 5
    again, _ = callins.invite(call_in_id, group_ids=field.groups)
    assert again == 0
    detail = callins.detail(call_in_id)
    assert {i.mandated_by for i in detail.invitations} == {"Frivården"}
    assert all(i.groups in ("Grupp A", "Grupp B") for i in detail.invitations)


def test_attendance_creates_one_delivery_each_even_when_saved_twice(field: Field) -> None:
    attendance = field.services.engagement.attendance
    call_in_id = held_callin(field)
    inv = _by_person(field, call_in_id)
    p = field.persons
    marks = [
        AttendanceInput(inv[p[0]], A.ATTENDED, "mamma"),
        AttendanceInput(inv[p[1]], A.LEFT_EARLY),
        AttendanceInput(inv[p[2]], A.NO_SHOW),
        AttendanceInput(inv[p[3]], A.EXCUSED),
    ]
    changes = attendance.record(call_in_id, marks)
    assert changes.touches("delivery", "invitation", "person")
    attendance.record(call_in_id, marks)
    found = _deliveries(field)
    assert sorted((d[0], d[1]) for d in found) == sorted([(p[0], inv[p[0]]), (p[1], inv[p[1]])])
    assert {d[2] for d in found} == {DeliveryChannel.CALL_IN}
    assert {d[3] for d in found} == {HELD_AT.date()}
    detail = field.services.engagement.callins.detail(call_in_id)
    assert detail.status is CallInStatus.HELD
    rows = {i.person_id: i for i in detail.invitations}
    assert rows[p[0]].accompanied_by == "mamma" and rows[p[0]].delivered
    assert rows[p[1]].delivered and not rows[p[2]].delivered


def test_correcting_attendance_removes_the_delivery(field: Field) -> None:
    attendance = field.services.engagement.attendance
    call_in_id = held_callin(field)
    inv = _by_person(field, call_in_id)[field.persons[0]]
    attendance.record(call_in_id, [AttendanceInput(inv, A.ATTENDED)])
    attendance.record(call_in_id, [AttendanceInput(inv, A.NO_SHOW)])
    assert _deliveries(field) == []


def test_attendance_refused_before_the_call_in(field: Field) -> None:
    call_in_id = held_callin(
        field, dt.datetime.combine(dt.date.today(), dt.time()) + dt.timedelta(days=5)
    )
    inv = _by_person(field, call_in_id)[field.persons[0]]
    with pytest.raises(ValidationError):
        field.services.engagement.attendance.record(call_in_id, [AttendanceInput(inv, A.ATTENDED)])


def test_no_show_proposal_adds_proposed_visits_to_the_operation(field: Field) -> None:
    attendance = field.services.engagement.attendance
    call_in_id = held_callin(field)
    inv = _by_person(field, call_in_id)
    p = field.persons
    attendance.record(
        call_in_id,
        [
            AttendanceInput(inv[p[0]], A.NO_SHOW),
            AttendanceInput(inv[p[1]], A.NO_SHOW),
            AttendanceInput(inv[p[2]], A.ATTENDED),
        ],
    )
    result, changes = attendance.propose_home_visits(call_in_id, field.operation_id)
    assert len(result.visit_ids) == 2 and changes.touches("visit", "operation")
    with field.store.read_session() as s:
        visits = s.execute(
            select(Visit.person_id, Visit.status, Visit.operation_id, Visit.address_id)
        ).all()
        targets = set(s.scalars(select(OperationTarget.person_id)))
    assert sorted(v.person_id for v in visits) == [p[0], p[1]]
    assert {v.status for v in visits} == {VisitStatus.PROPOSED}
    assert {v.operation_id for v in visits} == {field.operation_id}
    assert all(v.address_id is not None for v in visits)
    assert targets == {p[0], p[1]}
    again, _ = attendance.propose_home_visits(call_in_id, field.operation_id)
    assert again.visit_ids == () and again.skipped == 2


def test_no_show_without_operation_gets_a_follow_up_task(field: Field) -> None:
    attendance = field.services.engagement.attendance
    call_in_id = held_callin(field)
    inv = _by_person(field, call_in_id)[field.persons[0]]
    attendance.record(call_in_id, [AttendanceInput(inv, A.NO_SHOW)])
    result, _ = attendance.propose_home_visits(call_in_id, None)
    assert len(result.task_ids) == 1
    with field.store.read_session() as s:
        task = s.scalars(select(Task)).one()
    assert task.invitation_id == inv and task.person_id == field.persons[0]
    assert task.due_date == dt.date.today() + dt.timedelta(days=7)
    again, _ = attendance.propose_home_visits(call_in_id, None)
    assert again.task_ids == ()


def test_no_no_shows_is_a_clear_error(field: Field) -> None:
    call_in_id = held_callin(field)
    with pytest.raises(ValidationError):
        field.services.engagement.attendance.propose_home_visits(call_in_id, None)


def test_officer_cannot_edit_call_ins(field: Field) -> None:
    call_in_id = held_callin(field)
    officer = login(field.path, "officer_police")
    try:
        from desktop.services.bundle import build_services

        services = build_services(officer)
        assert services.engagement.callins.call_ins()[0].id == call_in_id
        with pytest.raises(PermissionDenied):
            services.engagement.callins.create(CallInInput("S", HELD_AT, "Lokal"))
    finally:
        officer.lock()


def test_audit_holds_ids_not_names(field: Field) -> None:
    held_callin(field)
    with field.store.read_session() as s:
        details = " ".join(
            f"{a} {o} {d}"
            for a, o, d in s.execute(
                select(AuditEntry.action, AuditEntry.object_ids, AuditEntry.detail)
            )
        )
        count = s.scalar(select(func.count()).select_from(AuditEntry))
    assert count and "Förnamn" not in details and "Folkets" not in details
    assert "callin.create" in details and "invitation.create" in details


def test_list_counts(field: Field) -> None:
    call_in_id = held_callin(field)
    inv = _by_person(field, call_in_id)
    p = field.persons
    field.services.engagement.attendance.record(
        call_in_id,
        [AttendanceInput(inv[p[0]], A.ATTENDED), AttendanceInput(inv[p[1]], A.NO_SHOW)],
    )
    row = field.services.engagement.callins.call_ins()[0]
    assert (row.invited, row.attended, row.no_show) == (6, 1, 1)
