"""Visit outcomes (utfall): the record, the delivery ledger, referrals, tasks, notes.

Recording an outcome is one unit of work: the visit's fields, a Delivery when the
message was delivered, a Referral when support was accepted, a follow-up Task and an
agency-only Note all commit together, or nothing does.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import lazyload

from desktop.models import (
    DeliveryChannel,
    Note,
    NoteSection,
    Person,
    Referral,
    ReferralStatus,
    SupportService,
    Task,
    TaskStatus,
    Team,
    User,
    Visit,
    VisitStatus,
    utcnow,
)
from desktop.services.changes import Changes
from desktop.services.clock import LocalClock, local_now
from desktop.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.services.operations.queries import UNKNOWN_AREA, person_label
from desktop.services.operations.rows import (
    OUTCOME_STATUSES,
    PART_FIELDS,
    ChoiceRow,
    OutcomeInput,
    VisitDetail,
)
from desktop.services.permissions import Action, require
from desktop.services.security.notes import KEY_COMPARTMENT, MAX_NOTE_CHARS, seal_note
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import VisitKey, visit_places
from desktop.store.interface import Store

MAX_TEXT = 4000
# Visit.team is joined by default, with the team's members selected in: neither is
# used here (the team's name comes in the query), so it loads only if touched.
_NO_TEAM = lazyload(Visit.team)


def delivers_message(data: OutcomeInput) -> bool:
    """A delivery happens when he was met and at least one part was said."""
    return data.status is VisitStatus.MET and bool(data.parts)


def validate_outcome(data: OutcomeInput) -> None:
    if data.status not in OUTCOME_STATUSES:
        raise ValidationError("outcome.status_missing", field="status")
    if data.parts and data.status not in (VisitStatus.MET, VisitStatus.FAMILY_ONLY):
        raise ValidationError("outcome.parts_without_meeting", field="parts")
    if data.support_accepted and data.support_service_id is None:
        raise ValidationError("outcome.support_service_missing", field="support_service")
    if data.follow_up_title.strip() and data.follow_up_due is None:
        raise ValidationError("outcome.follow_up_due_missing", field="follow_up_due")
    if len(data.response) > MAX_TEXT or len(data.family_present) > MAX_TEXT:
        raise ValidationError("text.too_long", field="response", limit=MAX_TEXT)
    if len(data.agency_note) > MAX_NOTE_CHARS:
        raise ValidationError("note.too_long", field="agency_note", limit=MAX_NOTE_CHARS)


class OutcomeService:
    """Read a visit and record its outcome."""

    def __init__(self, store: Store, clock: LocalClock | None = None) -> None:
        self.store = store
        # Local wall-clock time, as visits are stored (Europe/Stockholm on paper).
        self._clock = clock or local_now

    def detail(self, visit_id: int) -> VisitDetail:
        """One visit with its outcome (an audited read of the person's visit)."""
        require(self.store.identity, Action.OPERATION_READ)
        with UnitOfWork(self.store, "Visa besök") as uow:
            session = uow.session
            row = session.execute(
                select(Visit, Person.first_name, Person.last_name, Team.name)
                .join(Person, Person.id == Visit.person_id)
                .outerjoin(Team, Team.id == Visit.team_id)
                .where(Visit.id == visit_id)
                .options(_NO_TEAM)
            ).first()
            if row is None:
                raise NotFound("visit.gone")
            visit: Visit = row[0]
            where = visit_places(
                session, [VisitKey(visit.id, visit.person_id, visit.starts_at, visit.address_id)]
            )[visit.id]
            # The support service accepted is the one its live referral names (issue 17:
            # a reopened outcome showed none chosen and could not be saved unchanged).
            service_id = session.scalar(
                select(Referral.service_id)
                .where(Referral.visit_id == visit.id, Referral.retracted_at.is_(None))
                .order_by(Referral.id)
                .limit(1)
            )
            uow.audit("visit.read", "visit", [visit_id])
        return VisitDetail(
            visit_id=visit.id,
            version=visit.version,
            operation_id=visit.operation_id,
            person_id=visit.person_id,
            person_label=person_label(row[1], row[2]),
            team_id=visit.team_id,
            team_name=row[3] or "",
            starts_at=visit.starts_at,
            ends_at=visit.ends_at,
            area=(where.address.area if where.address else None) or UNKNOWN_AREA,
            status=visit.status,
            outcome_recorded_at=visit.outcome_recorded_at,
            family_present=visit.family_present,
            parts=frozenset(p for p, f in PART_FIELDS.items() if getattr(visit, f)),
            response=visit.response,
            support_asked=visit.support_asked,
            support_offered=visit.support_offered,
            support_accepted=visit.support_accepted,
            leave_behind=visit.leave_behind,
            cancel_reason=visit.cancel_reason or "",
            support_service_id=service_id,
        )

    def support_services(self, chosen: int | None = None) -> list[ChoiceRow]:
        """The active support services, and ``chosen`` (the one a recorded outcome
        accepted) even if it was closed since: a reopened outcome still names it."""
        require(self.store.identity, Action.SUPPORT_READ)
        shown: ColumnElement[bool] = SupportService.active.is_(True)
        if chosen is not None:
            shown = or_(shown, SupportService.id == chosen)
        with self.store.read_session() as session:
            return [
                ChoiceRow(i, f"{name} ({provider})")
                for i, name, provider in session.execute(
                    select(SupportService.id, SupportService.name, SupportService.provider)
                    .where(shown)
                    .order_by(SupportService.name)
                )
            ]

    def owners(self) -> list[ChoiceRow]:
        """Users who can own a follow-up task."""
        require(self.store.identity, Action.TASK_READ)
        with self.store.read_session() as session:
            return [
                ChoiceRow(i, name)
                for i, name in session.execute(
                    select(User.id, User.display_name)
                    .where(User.active)
                    .order_by(User.display_name)
                )
            ]

    def record(self, visit_id: int, version: int, data: OutcomeInput) -> Changes:
        """Record (or correct) the outcome of a visit.

        Args:
            visit_id: The visit.
            version: The version the user saw; a newer one raises ConflictError.
            data: The outcome.
        """
        identity = self.store.identity
        require(identity, Action.OUTCOME_RECORD)
        validate_outcome(data)
        cipher = None
        if data.agency_note.strip():
            require(identity, Action.NOTE_WRITE)
            cipher = self.store.compartment(identity.agency_code)
            if cipher is None:
                raise PermissionDenied("note.no_agency_key")
        with UnitOfWork(self.store, "Registrera utfall") as uow:
            session = uow.session
            visit = session.get(Visit, visit_id, options=[_NO_TEAM])
            if visit is None:
                raise NotFound("visit.gone")
            if visit.version != version:
                raise ConflictError()
            if visit.status is VisitStatus.PROPOSED:
                raise ValidationError("outcome.plan_not_accepted", field="status")
            early = visit.starts_at > self._clock() and data.status is not VisitStatus.CANCELLED
            if early and not data.recorded_in_advance:
                raise ValidationError("outcome.visit_in_future", field="recorded_in_advance")
            before = visit.status if visit.outcome_recorded_at is not None else None
            _apply(visit, data)
            uow.touched("visit", visit_id)
            uow.touched("person", visit.person_id)
            self._ledger(uow, visit, data)
            # A correction retracts what the earlier outcome created and derives it anew
            # in this same unit of work (issue 17).
            keep = data.support_service_id if data.support_accepted else None
            retract_referrals(uow, visit.id, keep_service_id=keep)
            retract_follow_ups(uow, visit.id)
            if data.support_accepted and data.support_service_id is not None:
                self._referral(uow, visit, data.support_service_id)
            if data.follow_up_title.strip() and data.follow_up_due is not None:
                task = Task(
                    title=data.follow_up_title.strip()[:200],
                    due_date=data.follow_up_due,
                    owner_user_id=data.follow_up_owner_id or identity.user_id,
                    team_id=visit.team_id,
                    person_id=visit.person_id,
                    visit_id=visit.id,
                )
                session.add(task)
                session.flush()
                uow.audit("task.create", "task", [task.id])
                uow.touched("task", task.id)
            if cipher is not None:
                note = Note(
                    agency_id=identity.agency_id,
                    person_id=visit.person_id,
                    visit_id=visit.id,
                    section=NoteSection.VISIT,
                    ciphertext=b"",
                    key_version=KEY_COMPARTMENT,
                    created_by=identity.user_id,
                )
                session.add(note)
                session.flush()
                note.ciphertext = seal_note(cipher, note.id, data.agency_note.strip())
                uow.audit("note.create", "note", [note.id])
                uow.touched("note", note.id)
            advance = ";in_advance" if early else ""
            if before is None:
                uow.audit("visit.outcome", "visit", [visit_id], detail=data.status.value + advance)
            else:
                uow.audit(
                    "visit.outcome.correct",
                    "visit",
                    [visit_id],
                    detail=f"{before.value}->{data.status.value}{advance}",
                )
        return uow.changes

    def undo(self, visit_id: int, version: int) -> Changes:
        """Take a recorded outcome back: the visit is planned again, and what the outcome
        created (delivery, referral, follow-up task) is retracted in the same unit of work.
        """
        from desktop.services.engagement.ledger import remove_delivery

        require(self.store.identity, Action.OUTCOME_RECORD)
        with UnitOfWork(self.store, "Ångra utfall") as uow:
            visit = uow.session.get(Visit, visit_id, options=[_NO_TEAM])
            if visit is None:
                raise NotFound("visit.gone")
            if visit.version != version:
                raise ConflictError()
            if visit.outcome_recorded_at is None:
                raise ValidationError("outcome.nothing_to_undo", field="status")
            before = visit.status
            remove_delivery(uow, DeliveryChannel.HOME_VISIT, visit_id=visit.id)
            retract_referrals(uow, visit.id, keep_service_id=None)
            retract_follow_ups(uow, visit.id)
            _apply(visit, OutcomeInput(VisitStatus.PLANNED))
            visit.outcome_recorded_at = None
            uow.touched("visit", visit_id)
            uow.touched("person", visit.person_id)
            uow.audit("visit.outcome.undo", "visit", [visit_id], detail=before.value)
        return uow.changes

    def _ledger(self, uow: UnitOfWork, visit: Visit, data: OutcomeInput) -> None:
        """Keep exactly one HOME_VISIT delivery for the visit when the message was given."""
        from desktop.services.engagement.ledger import record_delivery, remove_delivery

        if not delivers_message(data):
            remove_delivery(uow, DeliveryChannel.HOME_VISIT, visit_id=visit.id)
            return
        record_delivery(
            uow,
            person_id=visit.person_id,
            delivered_on=visit.starts_at.date(),
            channel=DeliveryChannel.HOME_VISIT,
            parts=data.parts,
            delivered_by=self.store.identity.agency_code,
            visit_id=visit.id,
        )

    def _referral(self, uow: UnitOfWork, visit: Visit, service_id: int) -> None:
        """An ACCEPTED referral (with its history step and follow-up task), once per visit."""
        from desktop.services.engagement.referrals import open_referral
        from desktop.services.engagement.rows import ReferralInput

        open_referral(
            uow,
            ReferralInput(
                person_id=visit.person_id,
                service_id=service_id,
                on_date=visit.starts_at.date(),
                status=ReferralStatus.ACCEPTED,
                visit_id=visit.id,
            ),
        )


def retract_referrals(uow: UnitOfWork, visit_id: int, keep_service_id: int | None) -> None:
    """Retract the referrals an earlier outcome of the visit opened, and cancel their tasks.

    The one for ``keep_service_id`` stays (the corrected outcome keeps it). A referral
    that has gone beyond its first step is someone's later work: the correction is
    refused rather than erasing it. The rows stay (the server keeps referrals and their
    history from deletes); ``retracted_at`` takes them out of every count and list.
    """
    session = uow.session
    query = select(Referral).where(Referral.visit_id == visit_id, Referral.retracted_at.is_(None))
    if keep_service_id is not None:
        query = query.where(Referral.service_id != keep_service_id)
    for referral in session.scalars(query).all():
        if len(referral.events) > 1:
            raise ValidationError("outcome.support_followed_up", field="support_accepted")
        task_ids = session.scalars(
            select(Task.id).where(Task.referral_id == referral.id, Task.status == TaskStatus.OPEN)
        ).all()
        if task_ids:
            session.execute(
                update(Task)
                .where(Task.id.in_(task_ids))
                .values(status=TaskStatus.CANCELLED, version=Task.version + 1)
                .execution_options(synchronize_session=False)
            )
            uow.audit("task.status", "task", list(task_ids), detail=TaskStatus.CANCELLED.value)
            uow.touched("task", *task_ids)
        referral.retracted_at = utcnow()
        uow.audit("referral.retract", "referral", [referral.id], detail=f"visit={visit_id}")
        uow.touched("referral", referral.id)


def retract_follow_ups(uow: UnitOfWork, visit_id: int) -> None:
    """Cancel the open follow-up tasks an earlier outcome of the visit created."""
    session = uow.session
    task_ids = session.scalars(
        select(Task.id).where(
            Task.visit_id == visit_id,
            Task.referral_id.is_(None),
            Task.status == TaskStatus.OPEN,
        )
    ).all()
    if not task_ids:
        return
    session.execute(
        update(Task)
        .where(Task.id.in_(task_ids))
        .values(status=TaskStatus.CANCELLED, version=Task.version + 1)
        .execution_options(synchronize_session=False)
    )
    uow.audit("task.status", "task", list(task_ids), detail=TaskStatus.CANCELLED.value)
    uow.touched("task", *task_ids)


def _apply(visit: Visit, data: OutcomeInput) -> None:
    visit.status = data.status
    visit.outcome_recorded_at = utcnow()
    visit.family_present = data.family_present.strip()
    for part, name in PART_FIELDS.items():
        setattr(visit, name, part in data.parts)
    visit.response = data.response.strip()
    visit.support_asked = data.support_asked
    visit.support_offered = data.support_offered or data.support_accepted
    visit.support_accepted = data.support_accepted
    visit.leave_behind = data.leave_behind
    visit.cancel_reason = (
        data.cancel_reason.strip()[:200] or None if data.status is VisitStatus.CANCELLED else None
    )
