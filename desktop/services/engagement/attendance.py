"""Attendance at a call-in: deliveries for those who came, home visits for no-shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select

from desktop.models import (
    CallIn,
    CallInStatus,
    DeliveryChannel,
    Invitation,
    InvitationStatus,
    Operation,
    OperationStatus,
    OperationTarget,
    Task,
    TaskStatus,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.engagement.ledger import ALL_PARTS, record_delivery, remove_delivery
from desktop.services.engagement.rows import AttendanceInput, Choice, ProposalResult
from desktop.services.errors import NotFound, ValidationError
from desktop.services.operations.queries import current_addresses
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

#: Both count as having heard the message: leaving early happens after the speakers.
CAME = frozenset({InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY})
NO_SHOW_TASK = "Hembesök efter uteblivet stormöte"
NO_SHOW_TASK_DAYS = 7
#: A proposed visit is a placeholder in the operation; the planner gives it its slot.
PROPOSED_TIME = dt.time(17, 0)
PROPOSED_LENGTH = dt.timedelta(minutes=45)


def proposed_day(operation: Operation, today: dt.date) -> dt.date:
    """The first weekday in the operation from today on (or its first day)."""
    day = max(operation.start_date, today)
    if day > operation.end_date:
        day = operation.start_date
    while day.weekday() >= 5 and day < operation.end_date:
        day += dt.timedelta(days=1)
    return day


class AttendanceService:
    """Record attendance and follow up those who did not come."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, call_in_id: int, marks: Iterable[AttendanceInput]) -> Changes:
        """Save attendance; attendees get one CALL_IN delivery each, however often saved.

        Setting someone back to invited, no-show or excused removes his delivery.
        The call-in is marked held once any attendance is recorded.
        """
        require(self.store.identity, Action.CALLIN_EDIT)
        marks = list(marks)
        with UnitOfWork(self.store, "Registrera närvaro") as uow:
            session = uow.session
            callin = session.get(CallIn, call_in_id)
            if callin is None:
                raise NotFound("callin.gone")
            if callin.status is CallInStatus.CANCELLED:
                raise ValidationError("callin.cancelled", field="status")
            if any(m.status in CAME for m in marks) and callin.starts_at.date() > dt.date.today():
                raise ValidationError("callin.not_held_yet", field="status")
            by = ", ".join(dict.fromkeys(s.organisation for s in callin.speakers if s.organisation))
            changed = []
            for mark in marks:
                invitation = session.get(Invitation, mark.invitation_id)
                if invitation is None or invitation.call_in_id != call_in_id:
                    raise NotFound("invitation.gone")
                invitation.status = mark.status
                invitation.accompanied_by = mark.accompanied_by.strip()[:200] or None
                changed.append(invitation.id)
                if mark.status in CAME:
                    record_delivery(
                        uow,
                        person_id=invitation.person_id,
                        delivered_on=callin.starts_at.date(),
                        channel=DeliveryChannel.CALL_IN,
                        parts=ALL_PARTS,
                        delivered_by=by or "Stormöte",
                        invitation_id=invitation.id,
                    )
                else:
                    remove_delivery(uow, DeliveryChannel.CALL_IN, invitation_id=invitation.id)
            session.flush()
            if changed:
                uow.audit("invitation.attendance", "invitation", changed)
                uow.touched("invitation", *changed)
            recorded = any(m.status is not InvitationStatus.INVITED for m in marks)
            if recorded and callin.status is CallInStatus.PLANNED:
                callin.status = CallInStatus.HELD
            uow.touched("call_in", call_in_id)
        return uow.changes

    def open_operations(self) -> list[Choice]:
        """Operations a no-show's home visit can be added to (draft or active)."""
        require(self.store.identity, Action.OPERATION_READ)
        with self.store.read_session() as session:
            return [
                Choice(i, f"{name} ({start:%Y-%m-%d}–{end:%Y-%m-%d})")
                for i, name, start, end in session.execute(
                    select(Operation.id, Operation.name, Operation.start_date, Operation.end_date)
                    .where(Operation.status != OperationStatus.CLOSED)
                    .order_by(Operation.start_date.desc())
                )
            ]

    def propose_home_visits(
        self,
        call_in_id: int,
        operation_id: int | None,
        invitation_ids: Iterable[int] | None = None,
        today: dt.date | None = None,
    ) -> tuple[ProposalResult, Changes]:
        """Give each no-show a proposed home visit in ``operation_id``, in one step.

        Without an operation each gets a follow-up task instead. A person who already
        has a proposed or planned visit in the operation (or an open task for this
        invitation) is skipped, so running it twice adds nothing.
        """
        today = today or dt.date.today()
        require(self.store.identity, Action.CALLIN_EDIT)
        if operation_id is not None:
            require(self.store.identity, Action.OPERATION_EDIT)
        else:
            require(self.store.identity, Action.TASK_EDIT)
        chosen = None if invitation_ids is None else set(invitation_ids)
        with UnitOfWork(self.store, "Föreslå hembesök för uteblivna") as uow:
            session = uow.session
            if session.get(CallIn, call_in_id) is None:
                raise NotFound("callin.gone")
            no_shows = [
                inv
                for inv in session.scalars(
                    select(Invitation).where(
                        Invitation.call_in_id == call_in_id,
                        Invitation.status == InvitationStatus.NO_SHOW,
                    )
                )
                if chosen is None or inv.id in chosen
            ]
            if not no_shows:
                raise ValidationError("attendance.no_absentees", field="invitation")
            if operation_id is None:
                result = self._tasks(uow, no_shows, today)
            else:
                result = self._visits(uow, operation_id, no_shows, today)
            uow.touched("call_in", call_in_id)
        return result, uow.changes

    def _visits(
        self, uow: UnitOfWork, operation_id: int, no_shows: list[Invitation], today: dt.date
    ) -> ProposalResult:
        session = uow.session
        operation = session.get(Operation, operation_id)
        if operation is None:
            raise NotFound("operation.gone")
        if operation.status is OperationStatus.CLOSED:
            raise ValidationError("operation.closed", field="operation")
        persons = {inv.person_id for inv in no_shows}
        scheduled = set(
            session.scalars(
                select(Visit.person_id).where(
                    Visit.operation_id == operation_id,
                    Visit.person_id.in_(persons),
                    Visit.status.in_((VisitStatus.PROPOSED, VisitStatus.PLANNED)),
                )
            )
        )
        targets = {t.person_id for t in operation.targets}
        addresses = current_addresses(session, persons, today)
        start = dt.datetime.combine(proposed_day(operation, today), PROPOSED_TIME)
        visits = []
        for pid in sorted(persons - scheduled):
            if pid not in targets:
                operation.targets.append(OperationTarget(person_id=pid, reason="Uteblev stormöte"))
            address = addresses.get(pid)
            visit = Visit(
                operation_id=operation_id,
                person_id=pid,
                starts_at=start,
                ends_at=start + PROPOSED_LENGTH,
                address_id=address[0] if address else None,
                status=VisitStatus.PROPOSED,
            )
            session.add(visit)
            visits.append(visit)
        session.flush()
        ids = tuple(v.id for v in visits)
        if ids:
            uow.audit("visit.propose", "visit", ids, detail=f"operation={operation_id}")
            uow.touched("visit", *ids)
            uow.touched("operation", operation_id)
        return ProposalResult(visit_ids=ids, skipped=len(persons & scheduled))

    def _tasks(self, uow: UnitOfWork, no_shows: list[Invitation], today: dt.date) -> ProposalResult:
        session = uow.session
        has_task = set(
            session.scalars(
                select(Task.invitation_id).where(
                    Task.invitation_id.in_([i.id for i in no_shows]),
                    Task.status == TaskStatus.OPEN,
                )
            )
        )
        tasks = []
        for invitation in no_shows:
            if invitation.id in has_task:
                continue
            task = Task(
                title=NO_SHOW_TASK,
                due_date=today + dt.timedelta(days=NO_SHOW_TASK_DAYS),
                owner_user_id=self.store.identity.user_id,
                person_id=invitation.person_id,
                invitation_id=invitation.id,
            )
            session.add(task)
            tasks.append(task)
        session.flush()
        ids = tuple(t.id for t in tasks)
        if ids:
            uow.audit("task.create", "task", ids)
            uow.touched("task", *ids)
        return ProposalResult(task_ids=ids, skipped=len(has_task))
