"""Correcting a recorded outcome, and taking the correction back (issue 17).

A correction is one unit of work (``OutcomeService.record`` on a visit that has an
outcome): it retracts what the earlier outcome created (its referral and the referral's
tasks, its follow-up task, its delivery) and derives what the new one creates. Undoing
it is one unit of work too: the earlier outcome comes back with what it had derived
(the retracted referral and the tasks the correction cancelled are live and open
again, the delivery is as it was), what the correction created is retracted, and the
undo has its own audit entry, ``visit.outcome.correct.undo``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session, lazyload

from desktop.models import (
    Delivery,
    DeliveryChannel,
    Referral,
    Task,
    TaskStatus,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.operations.outcomes import (
    OutcomeService,
    delivers_message,
    retract_follow_ups,
    retract_referrals,
)
from desktop.services.operations.rows import PART_FIELDS, OutcomeInput
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork


@dataclass(frozen=True)
class OutcomeBefore:
    """A visit's recorded outcome and what it had derived, as it was before a correction.

    Attributes:
        version: The visit's version then; the correction is made against it.
        outcome: The outcome's fields (the support service of its live referral).
        recorded_at: When that outcome was recorded.
        referral_ids: The visit's live referrals.
        open_task_ids: The open tasks of the visit and of those referrals.
        delivered_by: Who the visit's delivery named (empty without a delivery).
    """

    visit_id: int
    version: int
    outcome: OutcomeInput
    recorded_at: dt.datetime
    referral_ids: frozenset[int]
    open_task_ids: frozenset[int]
    delivered_by: str = ""


@dataclass(frozen=True)
class Correction:
    """A saved correction: what it changed and what it replaced (for its undo)."""

    changes: Changes
    before: OutcomeBefore


class OutcomeCorrections:
    """Correct a recorded outcome so that the correction can be undone."""

    def __init__(self, outcomes: OutcomeService) -> None:
        self.outcomes = outcomes
        self.store = outcomes.store

    def correct(self, visit_id: int, version: int, data: OutcomeInput) -> Correction:
        """Correct the outcome of a visit that has one; returns what it replaced.

        The outcome as it stood is read first; the correction is made against the
        version the user saw, so anything saved in between is a ConflictError.
        """
        require(self.store.identity, Action.OUTCOME_RECORD)
        with self.store.read_session() as session:
            before = _before(session, visit_id)
        if before.version != version:
            raise ConflictError()
        changes = self.outcomes.record(visit_id, version, data)
        return Correction(changes, before)

    def undo(self, visit_id: int, version: int, before: OutcomeBefore) -> Changes:
        """Put back the outcome a correction replaced, with what it had derived."""
        from desktop.services.engagement.ledger import record_delivery, remove_delivery

        require(self.store.identity, Action.OUTCOME_RECORD)
        with UnitOfWork(self.store, "Ångra rättat utfall") as uow:
            session = uow.session
            visit = session.get(Visit, visit_id, options=[lazyload(Visit.team)])
            if visit is None:
                raise NotFound("visit.gone")
            if visit.version != version:
                raise ConflictError()
            if visit.outcome_recorded_at is None:
                raise ValidationError("outcome.nothing_to_undo", field="status")
            now = visit.status
            # What the correction created goes (refused if someone has taken its referral
            # further); what it retracted comes back.
            live = set(
                session.scalars(
                    select(Referral.id).where(
                        Referral.visit_id == visit_id, Referral.retracted_at.is_(None)
                    )
                )
            )
            kept = live & before.referral_ids
            keep_service = before.outcome.support_service_id if kept else None
            retract_referrals(uow, visit_id, keep_service_id=keep_service)
            retract_follow_ups(uow, visit_id)
            for referral in session.scalars(
                select(Referral).where(
                    Referral.id.in_(before.referral_ids), Referral.retracted_at.is_not(None)
                )
            ):
                referral.retracted_at = None
                uow.audit("referral.restore", "referral", [referral.id], detail=f"visit={visit_id}")
                uow.touched("referral", referral.id)
            reopened = session.scalars(
                select(Task.id).where(
                    Task.id.in_(before.open_task_ids), Task.status == TaskStatus.CANCELLED
                )
            ).all()
            if reopened:
                session.execute(
                    update(Task)
                    .where(Task.id.in_(reopened))
                    .values(status=TaskStatus.OPEN, version=Task.version + 1)
                    .execution_options(synchronize_session=False)
                )
                uow.audit("task.status", "task", list(reopened), detail=TaskStatus.OPEN.value)
                uow.touched("task", *reopened)
            _put_back(visit, before)
            if delivers_message(before.outcome):
                record_delivery(
                    uow,
                    person_id=visit.person_id,
                    delivered_on=visit.starts_at.date(),
                    channel=DeliveryChannel.HOME_VISIT,
                    parts=before.outcome.parts,
                    delivered_by=before.delivered_by,
                    visit_id=visit.id,
                )
            else:
                remove_delivery(uow, DeliveryChannel.HOME_VISIT, visit_id=visit.id)
            uow.touched("visit", visit_id)
            uow.touched("person", visit.person_id)
            uow.audit(
                "visit.outcome.correct.undo",
                "visit",
                [visit_id],
                detail=f"{now.value}->{before.outcome.status.value}",
            )
        return uow.changes


def _before(session: Session, visit_id: int) -> OutcomeBefore:
    visit = session.get(Visit, visit_id, options=[lazyload(Visit.team)])
    if visit is None:
        raise NotFound("visit.gone")
    if visit.outcome_recorded_at is None:
        raise ValidationError("outcome.nothing_to_correct", field="status")
    referrals = session.execute(
        select(Referral.id, Referral.service_id).where(
            Referral.visit_id == visit_id, Referral.retracted_at.is_(None)
        )
    ).all()
    referral_ids = frozenset(r.id for r in referrals)
    tasks = session.scalars(
        select(Task.id).where(
            (Task.visit_id == visit_id) | Task.referral_id.in_(referral_ids),
            Task.status == TaskStatus.OPEN,
        )
    ).all()
    delivered_by = session.scalar(
        select(Delivery.delivered_by).where(
            Delivery.visit_id == visit_id, Delivery.channel == DeliveryChannel.HOME_VISIT
        )
    )
    outcome = OutcomeInput(
        visit.status,
        family_present=visit.family_present,
        parts=frozenset(p for p, f in PART_FIELDS.items() if getattr(visit, f)),
        response=visit.response,
        support_asked=visit.support_asked,
        support_offered=visit.support_offered,
        support_accepted=visit.support_accepted,
        support_service_id=referrals[0].service_id if referrals else None,
        leave_behind=visit.leave_behind,
        cancel_reason=visit.cancel_reason or "",
    )
    return OutcomeBefore(
        visit_id,
        visit.version,
        outcome,
        visit.outcome_recorded_at,
        referral_ids,
        frozenset(tasks),
        delivered_by or "",
    )


def _put_back(visit: Visit, before: OutcomeBefore) -> None:
    """The visit's outcome fields as they were (stored values, not re-validated)."""
    outcome = before.outcome
    visit.status = outcome.status
    visit.outcome_recorded_at = before.recorded_at
    visit.family_present = outcome.family_present
    for part, name in PART_FIELDS.items():
        setattr(visit, name, part in outcome.parts)
    visit.response = outcome.response
    visit.support_asked = outcome.support_asked
    visit.support_offered = outcome.support_offered
    visit.support_accepted = outcome.support_accepted
    visit.leave_behind = outcome.leave_behind
    visit.cancel_reason = outcome.cancel_reason or None
    assert visit.status is not VisitStatus.PLANNED
