"""The auditor's view of the audit log: filters, who read a person, reads outside
one's own operations, a random sample. Every query is itself logged."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    AuditEntry,
    Operation,
    OperationTarget,
    StaffMember,
    Team,
    TeamMember,
    User,
    Visit,
)
from desktop.services.permissions import Action
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

PERSON_READ_ACTIONS = (Action.PERSON_READ.value, "note.read")
#: Everything that showed a person to someone, for "who read this person" (issue 17).
PERSON_NAMING_ACTIONS = (
    *PERSON_READ_ACTIONS,
    Action.PERSON_REVEAL_ID.value,
    Action.EXPORT.value,
    "stats.drilldown",
    "task.list",
    "referral.list",
    "delivery.list",
    "delivery.repeats",
)
DEFAULT_LIMIT = 2000


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    user_id: int | None
    username: str
    role: str
    agency_code: str
    workstation: str
    action: str
    object_type: str
    object_ids: tuple[int, ...]
    purpose: str
    detail: str


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields do not filter. ``action`` matches a prefix ("person." finds all)."""

    start: dt.datetime | None = None
    end: dt.datetime | None = None
    user_id: int | None = None
    action: str = ""
    object_type: str = ""
    object_id: int | None = None
    limit: int = DEFAULT_LIMIT


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip().isdigit())


def _contains_id(object_id: int):  # type: ignore[no-untyped-def]
    # object_ids is "1,2,3": wrap in commas so 1 does not match 12.
    return ("," + AuditEntry.object_ids + ",").like(f"%,{int(object_id)},%")


class AuditLogService:
    """Queries for the auditor (Action.AUDIT_READ, a sensitive action)."""

    def __init__(self, store: Store, reauth: Reauthentication) -> None:
        self._store = store
        self._reauth = reauth

    def users(self) -> list[tuple[int, str]]:
        """(id, user name) of every account, for the filter's user list."""
        self._reauth.authorize(Action.AUDIT_READ)
        with self._store.read_session() as session:
            return list(session.execute(select(User.id, User.username).order_by(User.username)))

    def entries(self, flt: AuditFilter) -> list[AuditRow]:
        """Entries matching the filter, newest first."""
        query = self._base()
        if flt.start:
            query = query.where(AuditEntry.at >= flt.start)
        if flt.end:
            query = query.where(AuditEntry.at < flt.end)
        if flt.user_id is not None:
            query = query.where(AuditEntry.user_id == flt.user_id)
        if flt.action:
            query = query.where(AuditEntry.action.startswith(flt.action, autoescape=True))
        if flt.object_type:
            query = query.where(AuditEntry.object_type == flt.object_type)
        if flt.object_id is not None:
            query = query.where(_contains_id(flt.object_id))
        query = query.order_by(AuditEntry.seq.desc()).limit(flt.limit)
        return self._run(query, "filter")

    def who_read_person(self, person_id: int) -> list[AuditRow]:
        """Every entry that names the person, newest first (issue 17).

        Profile and note reads, and also lists that showed him, reveals of his
        personnummer, prints of his sheet, statistics drill-downs and exports.
        """
        query = (
            self._base()
            .where(
                or_(
                    and_(
                        AuditEntry.object_type == "person",
                        AuditEntry.action.in_(PERSON_NAMING_ACTIONS),
                    ),
                    # A printed person sheet is logged under its print kind.
                    and_(AuditEntry.object_type == "person_sheet", AuditEntry.action == "print"),
                )
            )
            .where(_contains_id(person_id))
            .order_by(AuditEntry.seq.desc())
        )
        return self._run(query, "who_read", [person_id])

    def reads_outside_own_operations(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[AuditRow]:
        """Person reads by users who are not in an operation that targets that person.

        "In an operation" means its coordinator or a member of one of its teams; a
        person belongs to an operation as a target or through a visit in it.
        """
        query = (
            self._base()
            .where(AuditEntry.action.in_(PERSON_READ_ACTIONS))
            .where(AuditEntry.object_type == "person")
        )
        if start:
            query = query.where(AuditEntry.at >= start)
        if end:
            query = query.where(AuditEntry.at < end)
        rows = self._run(query.order_by(AuditEntry.seq.desc()), "outside_operations")
        with self._store.read_session() as session:
            allowed = _persons_per_user(session)
        return [
            row
            for row in rows
            if any(pid not in allowed.get(row.user_id or -1, set()) for pid in row.object_ids)
        ]

    def random_sample(self, size: int, seed: int | None = None) -> list[AuditRow]:
        """``size`` entries drawn at random (a reproducible draw when ``seed`` is given)."""
        with self._store.read_session() as session:
            top = session.scalar(select(func.max(AuditEntry.seq))) or 0
        chosen = sorted(random.Random(seed).sample(range(1, top + 1), min(size, top)))
        query = self._base().where(AuditEntry.seq.in_(chosen)).order_by(AuditEntry.seq)
        return self._run(query, f"sample={len(chosen)}")

    # -- helpers ---------------------------------------------------------------------
    def _base(self) -> Select:  # type: ignore[type-arg]
        return (
            select(AuditEntry, User.username, Agency.code)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .outerjoin(Agency, Agency.id == AuditEntry.agency_id)
        )

    def _run(self, query: Select, kind: str, ids: Iterable[int] = ()) -> list[AuditRow]:  # type: ignore[type-arg]
        self._reauth.authorize(Action.AUDIT_READ)
        with UnitOfWork(self._store, "Granska behandlingslogg") as uow:
            rows = [
                AuditRow(
                    e.seq,
                    e.at,
                    e.user_id,
                    username or "",
                    e.role or "",
                    code or "",
                    e.workstation or "",
                    e.action,
                    e.object_type or "",
                    _ids(e.object_ids),
                    e.purpose or "",
                    e.detail,
                )
                for e, username, code in uow.session.execute(query)
            ]
            # The auditor's own reading is logged too (query kind only, never terms).
            uow.audit("audit.read", "person" if ids else None, ids, detail=kind.split("=")[0])
        return rows


def _persons_per_user(session: Session) -> dict[int, set[int]]:
    """user id -> persons in operations the user coordinates or has a team in."""
    ops_by_user: dict[int, set[int]] = {}
    for op_id, user_id in session.execute(
        select(Operation.id, Operation.coordinator_user_id).where(
            Operation.coordinator_user_id.is_not(None)
        )
    ):
        if user_id is not None:
            ops_by_user.setdefault(user_id, set()).add(op_id)
    for team_op, member in session.execute(
        select(Team.operation_id, StaffMember.user_id)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .join(StaffMember, StaffMember.id == TeamMember.staff_id)
        .where(Team.operation_id.is_not(None), StaffMember.user_id.is_not(None))
    ):
        if member is not None and team_op is not None:
            ops_by_user.setdefault(member, set()).add(team_op)
    persons_by_op: dict[int, set[int]] = {}
    for op_id, person_id in session.execute(
        select(OperationTarget.operation_id, OperationTarget.person_id)
    ):
        persons_by_op.setdefault(op_id, set()).add(person_id)
    for visit_op, visited in session.execute(
        select(Visit.operation_id, Visit.person_id).where(Visit.operation_id.is_not(None))
    ):
        if visit_op is not None:
            persons_by_op.setdefault(visit_op, set()).add(visited)
    return {
        user: set().union(*(persons_by_op.get(op, set()) for op in ops))
        for user, ops in ops_by_user.items()
    }


__all__ = ["AuditFilter", "AuditLogService", "AuditRow"]
