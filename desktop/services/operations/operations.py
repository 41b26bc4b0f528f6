"""Operations (insatser): create and edit, and choose their targets with live counts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.models import (
    Address,
    Group,
    Operation,
    OperationStatus,
    OperationTarget,
    Person,
    Team,
    Visit,
    VisitStatus,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.operations.filters import filter_query
from desktop.services.operations.queries import (
    CONTACT_STATUSES,
    current_address,
    current_addresses,
    person_groups,
    person_label,
)
from desktop.services.operations.rows import (
    CandidateRow,
    ChoiceRow,
    OperationInput,
    OperationRow,
    TargetFilter,
    TargetRow,
)
from desktop.services.permissions import Action, require
from desktop.services.protected import PROTECTED_AREA
from desktop.services.uow import UnitOfWork
from desktop.services.validation import NAME_MAX, check_name
from desktop.store.interface import Store

MAX_PERIOD_DAYS = 92
PURPOSE_OPERATION = "operation"


def validate_operation(data: OperationInput) -> OperationInput:
    name = check_name(data.name, "name", NAME_MAX, "operation.name_missing")
    if data.end_date < data.start_date:
        raise ValidationError("operation.ends_before_start", field="end_date")
    if (data.end_date - data.start_date).days >= MAX_PERIOD_DAYS:
        raise ValidationError("operation.too_long", field="end_date")
    return OperationInput(name, data.start_date, data.end_date, data.purpose.strip())


class OperationService:
    """Operations and their target lists for the unlocked user."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # Operations ----------------------------------------------------------------

    def rows(self) -> list[OperationRow]:
        """Every operation, newest period first, with target, team and visit counts."""
        require(self.store.identity, Action.OPERATION_READ)
        with self.store.read_session() as session:
            targets = _counts(session, OperationTarget.operation_id, OperationTarget.id)
            teams = _counts(session, Team.operation_id, Team.id)
            visits = dict(
                session.execute(
                    select(Visit.operation_id, func.count(Visit.id))
                    .where(Visit.status != VisitStatus.PROPOSED)
                    .group_by(Visit.operation_id)
                ).all()
            )
            proposed = dict(
                session.execute(
                    select(Visit.operation_id, func.count(Visit.id))
                    .where(Visit.status == VisitStatus.PROPOSED)
                    .group_by(Visit.operation_id)
                ).all()
            )
            rows = session.execute(
                select(
                    Operation.id,
                    Operation.version,
                    Operation.name,
                    Operation.start_date,
                    Operation.end_date,
                    Operation.purpose,
                    Operation.status,
                ).order_by(Operation.start_date.desc(), Operation.id.desc())
            ).all()
        return [
            OperationRow(
                r.id,
                r.version,
                r.name,
                r.start_date,
                r.end_date,
                r.purpose,
                r.status,
                targets.get(r.id, 0),
                teams.get(r.id, 0),
                visits.get(r.id, 0),
                proposed.get(r.id, 0),
            )
            for r in rows
        ]

    def get(self, operation_id: int) -> OperationRow:
        for row in self.rows():
            if row.id == operation_id:
                return row
        raise NotFound("operation.gone")

    def create(self, data: OperationInput) -> tuple[int, Changes]:
        """A new draft operation; returns its id and what changed."""
        require(self.store.identity, Action.OPERATION_EDIT)
        data = validate_operation(data)
        with UnitOfWork(self.store, "Skapa insats") as uow:
            operation = Operation(
                name=data.name,
                start_date=data.start_date,
                end_date=data.end_date,
                purpose=data.purpose,
                coordinator_user_id=self.store.identity.user_id,
            )
            uow.session.add(operation)
            uow.session.flush()
            uow.audit("operation.create", "operation", [operation.id])
            uow.touched("operation", operation.id)
            new_id = operation.id
        return new_id, uow.changes

    def update(self, operation_id: int, version: int, data: OperationInput) -> Changes:
        """Edit name, period and purpose.

        Every visit of an operation lies within its period (I19, issue 17): a shorter
        period drops the proposals outside it, and is refused (saying how many visits
        and on which days) while a planned visit, or one with an outcome, lies outside.
        Cancelled visits stay as they are, as history.
        """
        require(self.store.identity, Action.OPERATION_EDIT)
        data = validate_operation(data)
        with UnitOfWork(self.store, "Redigera insats") as uow:
            operation = _operation(uow.session, operation_id)
            if operation.version != version:
                raise ConflictError()
            outside = uow.session.execute(
                select(Visit.id, Visit.status, Visit.starts_at)
                .where(
                    Visit.operation_id == operation_id,
                    Visit.status != VisitStatus.CANCELLED,
                    (Visit.starts_at < dt.datetime.combine(data.start_date, dt.time()))
                    | (
                        Visit.starts_at
                        >= dt.datetime.combine(data.end_date + dt.timedelta(days=1), dt.time())
                    ),
                )
                .order_by(Visit.starts_at, Visit.id)
            ).all()
            kept = [r for r in outside if r.status is not VisitStatus.PROPOSED]
            if kept:
                days = sorted({r.starts_at.date() for r in kept})
                raise ValidationError(
                    "operation.visits_outside_period",
                    field="period",
                    count=len(kept),
                    days=", ".join(day.isoformat() for day in days),
                )
            dropped = [r.id for r in outside]
            if dropped:
                uow.session.execute(delete(Visit).where(Visit.id.in_(dropped)))
                uow.touched("visit", *dropped)
            operation.name, operation.purpose = data.name, data.purpose
            operation.start_date, operation.end_date = data.start_date, data.end_date
            detail = f"dropped_proposals={len(dropped)}" if dropped else ""
            uow.audit("operation.update", "operation", [operation_id], detail=detail)
            uow.touched("operation", operation_id)
        return uow.changes

    def set_status(self, operation_id: int, status: OperationStatus) -> Changes:
        require(self.store.identity, Action.OPERATION_EDIT)
        with UnitOfWork(self.store, "Ändra insatsens status") as uow:
            _operation(uow.session, operation_id).status = status
            uow.audit("operation.status", "operation", [operation_id], detail=status.value)
            uow.touched("operation", operation_id)
        return uow.changes

    # Targets -------------------------------------------------------------------

    def filter_options(self, today: dt.date | None = None) -> tuple[list[ChoiceRow], list[str]]:
        """The groups and the districts the target filter offers."""
        require(self.store.identity, Action.GROUP_READ)
        today = today or dt.date.today()
        with self.store.read_session() as session:
            groups = [
                ChoiceRow(i, name)
                for i, name in session.execute(
                    select(Group.id, Group.name).where(Group.active).order_by(Group.name)
                )
            ]
            areas = list(
                session.scalars(
                    select(Address.area)
                    .distinct()
                    .where(Address.area.is_not(None), current_address(today))
                    .order_by(Address.area)
                )
            )
        return groups, [a for a in areas if a]

    def count_candidates(self, flt: TargetFilter, today: dt.date | None = None) -> int:
        """How many persons ``flt`` finds: one COUNT query, cheap enough per keystroke."""
        require(self.store.identity, Action.PERSON_READ)
        query = filter_query(flt, today or dt.date.today()).subquery()
        with self.store.read_session() as session:
            return int(session.scalar(select(func.count()).select_from(query)) or 0)

    def candidates(
        self, flt: TargetFilter, today: dt.date | None = None, limit: int = 500
    ) -> list[CandidateRow]:
        """The persons ``flt`` finds (highest priority first), audited as a search."""
        require(self.store.identity, Action.PERSON_READ)
        today = today or dt.date.today()
        ids = filter_query(flt, today)
        last_contact = (
            select(Visit.person_id, func.max(Visit.starts_at).label("last"))
            .where(Visit.status.in_(CONTACT_STATUSES))
            .group_by(Visit.person_id)
            .subquery()
        )
        with UnitOfWork(self.store, "Sök målgrupp") as uow:
            session = uow.session
            rows = session.execute(
                select(
                    Person.id,
                    Person.first_name,
                    Person.last_name,
                    Person.priority,
                    Person.status,
                    last_contact.c.last,
                )
                .outerjoin(last_contact, last_contact.c.person_id == Person.id)
                .where(Person.id.in_(ids))
                .order_by(Person.priority.desc(), Person.last_name, Person.first_name)
                .limit(limit)
            ).all()
            found = [r.id for r in rows]
            areas = current_addresses(session, found, today)
            groups = person_groups(session, found, today)
            uow.audit(
                "operation.target_search",
                "person",
                found,
                PURPOSE_OPERATION,
                detail=f"count={len(found)}",
            )
        return [
            CandidateRow(
                r.id,
                person_label(r.first_name, r.last_name),
                areas.get(r.id, (0, ""))[1],
                ", ".join(n for _, n in groups.get(r.id, [])),
                r.priority,
                r.status,
                r.last.date() if r.last else None,
            )
            for r in rows
        ]

    def add_targets(
        self, operation_id: int, person_ids: list[int], priority: int | None = None
    ) -> Changes:
        """Make persons targets; those already targets are left as they are."""
        require(self.store.identity, Action.OPERATION_EDIT)
        with UnitOfWork(self.store, "Lägg till målpersoner") as uow:
            session = uow.session
            _operation(session, operation_id)
            have = set(
                session.scalars(
                    select(OperationTarget.person_id).where(
                        OperationTarget.operation_id == operation_id
                    )
                )
            )
            wanted: list[int] = [p for p in dict.fromkeys(person_ids) if p not in have]
            priorities = dict(
                session.execute(
                    select(Person.id, Person.priority).where(Person.id.in_(wanted))
                ).all()
            )
            for person_id in wanted:
                if person_id not in priorities:
                    raise NotFound("operation.person_gone")
                session.add(
                    OperationTarget(
                        operation_id=operation_id,
                        person_id=person_id,
                        priority=priorities[person_id] if priority is None else priority,
                    )
                )
            uow.audit(
                "operation.targets_add", "operation", [operation_id], detail=f"added={len(wanted)}"
            )
            uow.touched("operation", operation_id)
            uow.touched("person", *wanted)
        return uow.changes

    def add_filtered(
        self, operation_id: int, flt: TargetFilter, today: dt.date | None = None
    ) -> Changes:
        """Add every person ``flt`` finds as a target."""
        require(self.store.identity, Action.OPERATION_EDIT)
        query = filter_query(flt, today or dt.date.today())
        with self.store.read_session() as session:
            ids = list(session.scalars(query))
        return self.add_targets(operation_id, ids)

    def remove_targets(self, operation_id: int, person_ids: list[int]) -> Changes:
        """Remove targets and their proposed (not yet accepted) visits."""
        require(self.store.identity, Action.OPERATION_EDIT)
        with UnitOfWork(self.store, "Ta bort målpersoner") as uow:
            session = uow.session
            session.execute(
                delete(Visit).where(
                    Visit.operation_id == operation_id,
                    Visit.person_id.in_(person_ids),
                    Visit.status == VisitStatus.PROPOSED,
                )
            )
            session.execute(
                delete(OperationTarget).where(
                    OperationTarget.operation_id == operation_id,
                    OperationTarget.person_id.in_(person_ids),
                )
            )
            uow.audit(
                "operation.targets_remove",
                "operation",
                [operation_id],
                detail=f"removed={len(person_ids)}",
            )
            uow.touched("operation", operation_id)
            uow.touched("visit")
        return uow.changes

    def targets(self, operation_id: int, today: dt.date | None = None) -> list[TargetRow]:
        """The operation's targets with their latest visit in it (audited read)."""
        require(self.store.identity, Action.OPERATION_READ)
        today = today or dt.date.today()
        with UnitOfWork(self.store, "Visa målpersoner") as uow:
            session = uow.session
            rows = session.execute(
                select(
                    OperationTarget.id,
                    OperationTarget.person_id,
                    OperationTarget.priority,
                    Person.first_name,
                    Person.last_name,
                    Person.protected_identity,
                )
                .join(Person, Person.id == OperationTarget.person_id)
                .where(OperationTarget.operation_id == operation_id)
                .order_by(Person.last_name, Person.first_name)
            ).all()
            ids = [r.person_id for r in rows]
            visits: dict[int, tuple[VisitStatus, dt.datetime]] = {}
            for person_id, status, start in session.execute(
                select(Visit.person_id, Visit.status, Visit.starts_at)
                .where(Visit.operation_id == operation_id)
                .order_by(Visit.starts_at)
            ):
                visits[person_id] = (status, start)
            areas = current_addresses(session, ids, today)
            groups = person_groups(session, ids, today)
            uow.audit(
                "operation.read",
                "operation",
                [operation_id],
                PURPOSE_OPERATION,
                detail=f"targets={len(ids)}",
            )
        return [
            TargetRow(
                r.id,
                r.person_id,
                person_label(r.first_name, r.last_name),
                PROTECTED_AREA if r.protected_identity else areas.get(r.person_id, (0, ""))[1],
                ", ".join(n for _, n in groups.get(r.person_id, [])),
                r.priority,
                r.protected_identity,
                visits[r.person_id][0] if r.person_id in visits else None,
                visits[r.person_id][1] if r.person_id in visits else None,
            )
            for r in rows
        ]


def _operation(session: Session, operation_id: int) -> Operation:
    operation = session.get(Operation, operation_id)
    if operation is None:
        raise NotFound("operation.gone")
    return operation


def _counts(session: Session, key, counted) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return dict(session.execute(select(key, func.count(counted)).group_by(key)).all())
