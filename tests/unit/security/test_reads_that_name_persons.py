"""Every read that shows a person's name is audited, and "who read this person" shows
every entry that names him (issue 17)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, VisitStatus
from desktop.services.briefing.printing import PrintService
from desktop.services.engagement import build_engagement
from desktop.services.operations.rows import MessagePart, OutcomeInput
from desktop.services.security.audit_log import AuditLogService
from desktop.services.security.reauth import Reauthentication
from tests.factories import login
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    PLANNED_AT,
    START,
    make_field,
    planned_operation,
)


@pytest.fixture
def field(tmp_path, clock):
    f = make_field(tmp_path)
    planned_operation(f)
    clock.set(PLANNED_AT)  # the evening before the period
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: outcomes can be recorded
    out = f.services.outcomes
    for row in f.services.visits.calendar(START, END, f.operation_id)[:3]:
        visit = out.detail(row.visit_id)
        out.record(
            visit.visit_id,
            visit.version,
            OutcomeInput(
                VisitStatus.MET,
                parts=frozenset({MessagePart.HELP}),
                support_offered=True,
                support_accepted=True,
                support_service_id=f.service_id,
            ),
        )
    yield f
    f.store.lock()


def _last(field, action: str) -> list[int]:
    with field.store.read_session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq.desc())
        ).first()
    assert entry is not None, action
    assert entry.object_type == "person"
    return sorted(int(i) for i in entry.object_ids.split(","))


def test_lists_with_names_are_one_audited_read_of_the_ids_shown(field):
    tasks = field.services.followup.tasks()
    assert tasks and _last(field, "task.list") == sorted({t.person_id for t in tasks})
    engagement = build_engagement(field.store)
    referrals = engagement.referrals.referrals()
    assert referrals and _last(field, "referral.list") == sorted({r.person_id for r in referrals})
    deliveries = engagement.ledger.deliveries()
    assert deliveries and _last(field, "delivery.list") == sorted({d.person_id for d in deliveries})
    repeats = engagement.ledger.repeated(at_least=1)
    assert repeats and _last(field, "delivery.repeats") == sorted(r.person_id for r in repeats)


def test_who_read_shows_reveals_prints_and_lists(field, tmp_path):
    person = field.services.followup.tasks()[0].person_id
    build_engagement(field.store).ledger.deliveries()
    PrintService(field.store).print_person_sheet(person, tmp_path / "blad.pdf")
    auditor = login(field.path, "auditor_social")
    try:
        log = AuditLogService(auditor, Reauthentication(auditor))
        actions = {row.action for row in log.who_read_person(person)}
    finally:
        auditor.lock()
    assert {"task.list", "delivery.list", "print"} <= actions
    assert "person.create" not in actions
