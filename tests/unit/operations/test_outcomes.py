import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import (
    Delivery,
    DeliveryChannel,
    Note,
    Referral,
    ReferralEvent,
    ReferralStatus,
    TaskStatus,
    VisitStatus,
)
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.operations.rows import MessagePart, OutcomeInput, TaskScope
from desktop.services.security.notes import NotesService
from tests.unit.operations.factories import AFTER_THE_PERIOD, START, make_field, planned_operation


@pytest.fixture
def field(tmp_path, clock):
    f = make_field(tmp_path)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: its outcomes can be recorded
    yield f
    f.store.lock()


def _first(field):
    row = field.services.visits.calendar(START, START + dt.timedelta(days=14))[0]
    return field.services.outcomes.detail(row.visit_id)


def _all(field, model):
    with field.store.read_session() as s:
        return list(s.scalars(select(model)))


def test_delivery_only_when_a_part_was_delivered(field):
    visit = _first(field)
    out = field.services.outcomes
    out.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.MET))
    assert _all(field, Delivery) == []
    visit = out.detail(visit.visit_id)
    parts = frozenset({MessagePart.NOT_SUSPECTED, MessagePart.HELP})
    changes = out.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.MET, parts=parts))
    assert changes.touches("delivery")
    [delivery] = _all(field, Delivery)
    assert delivery.channel is DeliveryChannel.HOME_VISIT and delivery.visit_id == visit.visit_id
    assert delivery.part_not_suspected and delivery.part_help and not delivery.part_no_harm
    assert delivery.delivered_on == visit.starts_at.date()
    # Corrected to "not at home": the ledger entry goes away, never doubled.
    visit = out.detail(visit.visit_id)
    out.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.NOT_HOME))
    assert _all(field, Delivery) == []


def test_family_only_does_not_deliver(field):
    visit = _first(field)
    field.services.outcomes.record(
        visit.visit_id,
        visit.version,
        OutcomeInput(
            VisitStatus.FAMILY_ONLY, parts=frozenset({MessagePart.HELP}), family_present="Mamma"
        ),
    )
    assert _all(field, Delivery) == []
    detail = field.services.outcomes.detail(visit.visit_id)
    assert detail.family_present == "Mamma" and detail.parts == {MessagePart.HELP}


def test_accepted_support_creates_referral(field):
    visit = _first(field)
    out = field.services.outcomes
    with pytest.raises(ValidationError):
        out.record(
            visit.visit_id, visit.version, OutcomeInput(VisitStatus.MET, support_accepted=True)
        )
    data = OutcomeInput(
        VisitStatus.MET,
        parts=frozenset(MessagePart),
        support_asked=True,
        support_accepted=True,
        support_service_id=field.service_id,
    )
    out.record(visit.visit_id, visit.version, data)
    [referral] = _all(field, Referral)
    assert referral.status is ReferralStatus.ACCEPTED and referral.visit_id == visit.visit_id
    [event] = _all(field, ReferralEvent)
    assert event.status is ReferralStatus.ACCEPTED and event.user_id == field.store.identity.user_id
    detail = out.detail(visit.visit_id)
    assert detail.support_offered and detail.support_accepted
    out.record(visit.visit_id, detail.version, data)
    assert len(_all(field, Referral)) == 1


def test_follow_up_task_and_agency_note(field):
    visit = _first(field)
    due = visit.starts_at.date() + dt.timedelta(days=7)
    field.services.outcomes.record(
        visit.visit_id,
        visit.version,
        OutcomeInput(
            VisitStatus.MET,
            follow_up_title="Ring mamman",
            follow_up_due=due,
            agency_note="Bror nämnde en konflikt i skolan.",
        ),
    )
    [task] = field.services.followup.tasks(TaskScope.MINE)
    assert task.title == "Ring mamman" and task.due_date == due and task.visit_id == visit.visit_id
    assert task.team_name
    [note] = _all(field, Note)
    assert b"konflikt" not in note.ciphertext and note.visit_id == visit.visit_id
    texts = [n.text for n in NotesService(field.store).notes_for_person(visit.person_id)]
    assert texts == ["Bror nämnde en konflikt i skolan."]


def test_stale_version_is_a_conflict(field):
    visit = _first(field)
    field.services.outcomes.record(visit.visit_id, visit.version, OutcomeInput(VisitStatus.MET))
    with pytest.raises(ConflictError):
        field.services.outcomes.record(
            visit.visit_id, visit.version, OutcomeInput(VisitStatus.REFUSED)
        )


def test_follow_up_lists(field):
    f = field.services.followup
    today = dt.date(2026, 6, 17)  # Wednesday
    f.create_task("Försenad", today - dt.timedelta(days=2))
    f.create_task("Denna vecka", today + dt.timedelta(days=3))
    f.create_task("Nästa vecka", today + dt.timedelta(days=6))
    counts = f.counts(TaskScope.MINE, today)
    assert (counts.open, counts.overdue, counts.due_this_week) == (3, 1, 1)
    rows = f.tasks(TaskScope.MINE)
    assert [r.title for r in rows] == ["Försenad", "Denna vecka", "Nästa vecka"]
    assert rows[0].overdue(today) and not rows[1].overdue(today)
    f.mark_done(rows[0].id, rows[0].version)
    assert [r.title for r in f.tasks(TaskScope.MINE)] == ["Denna vecka", "Nästa vecka"]
    done = [r for r in f.tasks(TaskScope.MINE, include_done=True) if r.status is TaskStatus.DONE]
    assert [r.title for r in done] == ["Försenad"]
    assert f.tasks(TaskScope.TEAM) == []
