"""Retention (gallring): rules per data category and agency, and the run that deletes.

The run deletes what is past its rule's deadline; ``secure_delete`` is on for every
connection, so deleted rows are overwritten. An administrator's run (admin page, CLI,
restore) then rebuilds the file (``VACUUM``) and empties the WAL
(``wal_checkpoint(TRUNCATE)``) so nothing remains in free pages or the log; the daily run
while people work does not, since that holds the write lock for the whole file.
Only counts are logged.
Persons are never deleted by the run: those without activity are listed for review.
Audit entries are kept (the chain is append-only); an AUDIT rule is informational.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    Delivery,
    Disclosure,
    Note,
    Person,
    Referral,
    RetentionCategory,
    RetentionRule,
    Setting,
    Task,
    Visit,
)
from desktop.services.changes import Changes
from desktop.services.errors import NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.security.clock import Clock, system_clock
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.store.database import Store
from desktop.store.engine import storage_errors

LAST_RUN_SETTING = "retention_last_run"
# Visit starts, delivery and referral dates are Stockholm wall time; timestamps are UTC.
LOCAL_ZONE = ZoneInfo("Europe/Stockholm")
DELETED_BY_RUN = (
    RetentionCategory.NOTE,
    RetentionCategory.VISIT,
    RetentionCategory.DELIVERY,
    RetentionCategory.REFERRAL,
)


@dataclass(frozen=True)
class RuleRow:
    id: int
    category: RetentionCategory
    agency_code: str | None
    keep_days: int
    legal_text: str
    active: bool


@dataclass(frozen=True)
class ReviewRow:
    """A person with no activity since ``last_activity`` (names shown to the admin only)."""

    person_id: int
    name: str
    last_activity: dt.datetime


@dataclass(frozen=True)
class RunResult:
    counts: dict[RetentionCategory, int]
    for_review: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class RetentionService:
    """Retention rules and runs; ``clock`` is naive UTC and mockable."""

    def __init__(self, store: Store, reauth: Reauthentication, clock: Clock = system_clock):
        self._store = store
        self._reauth = reauth
        self._clock = clock

    # -- rules -----------------------------------------------------------------------
    def rules(self) -> list[RuleRow]:
        require(self._store.identity, Action.RETENTION_ADMIN)
        with self._store.read_session() as session:
            found = session.execute(
                select(RetentionRule, Agency.code)
                .outerjoin(Agency, Agency.id == RetentionRule.agency_id)
                .order_by(RetentionRule.category, Agency.code)
            )
            return [
                RuleRow(r.id, r.category, code, r.keep_days, r.legal_text, r.active)
                for r, code in found
            ]

    def save_rule(
        self,
        category: RetentionCategory,
        agency_code: str | None,
        keep_days: int,
        legal_text: str,
        rule_id: int | None = None,
        active: bool = True,
    ) -> Changes:
        """Create or change a rule. ``legal_text`` names the agency's legal deadline."""
        require(self._store.identity, Action.RETENTION_ADMIN)
        if keep_days < 1:
            raise ValidationError("Ange minst en dag.", "keep_days")
        if not legal_text.strip():
            raise ValidationError("Ange lagrummet eller beslutet som anger fristen.", "legal")
        with UnitOfWork(self._store, "Spara gallringsregel") as uow:
            agency_id = None
            if agency_code:
                agency_id = uow.session.scalar(select(Agency.id).where(Agency.code == agency_code))
                if agency_id is None:
                    raise ValidationError("Myndigheten finns inte.", "agency")
            if rule_id is None:
                rule = RetentionRule(category=category)
                uow.session.add(rule)
            else:
                found = uow.session.get(RetentionRule, rule_id)
                if found is None:
                    raise NotFound()
                rule = found
            rule.category = category
            rule.agency_id = agency_id
            rule.keep_days = keep_days
            rule.legal_text = legal_text.strip()
            rule.active = active
            uow.session.flush()
            uow.audit("retention.rule", "retention_rule", [rule.id], detail=f"days={keep_days}")
            uow.touched("retention_rule", rule.id)
        return uow.changes

    # -- runs ------------------------------------------------------------------------
    def run(self, *, scheduled: bool = False, compact: bool = True) -> RunResult:
        """Delete everything past its deadline; log counts only.

        ``scheduled`` runs (the daily job, a restore) need no administrator: the rules
        were already decided by one. ``compact`` rebuilds the file afterwards (also
        after earlier daily runs that did not); the daily job passes False.
        """
        if not scheduled:
            require(self._store.identity, Action.RETENTION_ADMIN)
        now = self._clock()
        counts = {category: 0 for category in DELETED_BY_RUN}
        with UnitOfWork(self._store, "Gallra") as uow:
            session = uow.session
            rules = session.scalars(
                select(RetentionRule).where(RetentionRule.active.is_(True))
            ).all()
            on_server = session.get_bind().dialect.name == "postgresql"
            if on_server:
                # Row-level security hides other agencies' notes from this user; the
                # server deletes every agency's expired notes by the same rules.
                counts[RetentionCategory.NOTE] = int(
                    session.scalar(text("SELECT rondplan_retention_notes(:now)"), {"now": now}) or 0
                )
            for rule in rules:
                cutoff = now - dt.timedelta(days=rule.keep_days)
                local_cutoff = _to_local(cutoff)
                if rule.category is RetentionCategory.NOTE:
                    if not on_server:
                        counts[rule.category] += _delete_notes(session, cutoff, rule.agency_id)
                elif rule.category is RetentionCategory.VISIT:
                    counts[rule.category] += _delete_visits(session, local_cutoff)
                elif rule.category is RetentionCategory.DELIVERY:
                    counts[rule.category] += _delete_deliveries(session, local_cutoff.date())
                elif rule.category is RetentionCategory.REFERRAL:
                    counts[rule.category] += _delete_referrals(
                        session, local_cutoff.date(), rule.agency_id
                    )
            review = len(_inactive_persons(session, rules, now))
            previous = session.get(Setting, LAST_RUN_SETTING)
            if previous is None:
                session.add(Setting(key=LAST_RUN_SETTING, value=now.isoformat()))
            else:
                previous.value = now.isoformat()
            detail = ";".join(f"{c.value}={n}" for c, n in counts.items())
            uow.audit("retention.run", None, (), detail=f"{detail};review={review}")
            for category, n in counts.items():
                if n:
                    uow.touched(category.value)
        if compact:
            self._scrub()
        elif any(counts.values()):
            self._checkpoint()
        return RunResult(counts, review)

    def run_if_due(self) -> RunResult | None:
        """The daily job: run unless a run already happened today (UTC); never compacts."""
        with self._store.read_session() as session:
            last = session.get(Setting, LAST_RUN_SETTING)
            last_value = str(last.value) if last is not None else ""
        if last_value[:10] == self._clock().date().isoformat():
            return None
        return self.run(scheduled=True, compact=False)

    def persons_for_review(self) -> list[ReviewRow]:
        """Persons with no activity within the PERSON rule's time, oldest first."""
        require(self._store.identity, Action.RETENTION_ADMIN)
        with self._store.read_session() as session:
            rules = session.scalars(
                select(RetentionRule).where(RetentionRule.active.is_(True))
            ).all()
            return _inactive_persons(session, rules, self._clock())

    def delete_reviewed_persons(self, person_ids: list[int]) -> Changes:
        """Delete persons an administrator reviewed (sensitive: retention override)."""
        self._reauth.authorize(Action.RETENTION_OVERRIDE)
        with UnitOfWork(self._store, "Gallra personer") as uow:
            deleted = _delete_persons(uow.session, person_ids)
            uow.audit("retention.persons", None, (), detail=f"person={len(deleted)}")
            uow.touched("person", *person_ids, *deleted)
        self._scrub()
        return uow.changes

    def _checkpoint(self) -> None:
        """Move the WAL into the file without waiting for (or blocking) anyone."""
        if self._store.engine.dialect.name != "sqlite":
            return  # a server database has no WAL file of ours
        with storage_errors(), self._store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _scrub(self) -> None:
        """Rebuild the file and empty the WAL so deleted rows leave no trace."""
        if self._store.engine.dialect.name != "sqlite":
            # A server's dead rows are the server's to clear (autovacuum); VACUUM cannot
            # run in a transaction, nor by a role that does not own the tables.
            return
        with storage_errors(), self._store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _to_local(utc: dt.datetime) -> dt.datetime:
    """Naive UTC to naive Stockholm wall time, to compare with visit starts and dates."""
    return utc.replace(tzinfo=dt.UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def _to_utc(local: dt.datetime) -> dt.datetime:
    """Naive Stockholm wall time to naive UTC, to compare with stored timestamps."""
    return local.replace(tzinfo=LOCAL_ZONE).astimezone(dt.UTC).replace(tzinfo=None)


def _delete_notes(session: Session, cutoff: dt.datetime, agency_id: int | None) -> int:
    query = select(Note.id).where(Note.created_at < cutoff)
    if agency_id is not None:
        query = query.where(Note.agency_id == agency_id)
    return _delete_note_ids(session, list(session.scalars(query)))


def _delete_note_ids(session: Session, ids: list[int]) -> int:
    if not ids:
        return 0
    # The disclosure register row goes with its note; the audit entry keeps the act.
    session.execute(
        delete(Disclosure).where(
            Disclosure.source_note_id.in_(ids) | Disclosure.copy_note_id.in_(ids)
        )
    )
    session.execute(
        update(Note).where(Note.disclosed_from_id.in_(ids)).values(disclosed_from_id=None)
    )
    session.execute(delete(Note).where(Note.id.in_(ids)))
    return len(ids)


def _delete_visits(session: Session, cutoff: dt.datetime) -> int:
    ids = list(session.scalars(select(Visit.id).where(Visit.starts_at < cutoff)))
    if not ids:
        return 0
    _delete_visits_by_id(session, ids)
    return len(ids)


def _delete_deliveries(session: Session, cutoff: dt.date) -> int:
    result: Any = session.execute(delete(Delivery).where(Delivery.delivered_on < cutoff))
    return int(result.rowcount or 0)


def _delete_referrals(session: Session, cutoff: dt.date, agency_id: int | None) -> int:
    query = select(Referral.id).where(Referral.closed_on.is_not(None), Referral.closed_on < cutoff)
    if agency_id is not None:
        query = query.where(Referral.responsible_agency_id == agency_id)
    ids = list(session.scalars(query))
    if not ids:
        return 0
    session.execute(update(Task).where(Task.referral_id.in_(ids)).values(referral_id=None))
    for referral in session.scalars(select(Referral).where(Referral.id.in_(ids))):
        session.delete(referral)  # ORM delete: its status history goes with it
    session.flush()
    return len(ids)


def _inactive_persons(
    session: Session, rules: Sequence[RetentionRule], now: dt.datetime
) -> list[ReviewRow]:
    days = [r.keep_days for r in rules if r.category is RetentionCategory.PERSON and r.active]
    if not days:
        return []
    cutoff = now - dt.timedelta(days=min(days))
    last: dict[int, dt.datetime] = {
        pid: updated
        for pid, updated in session.execute(select(Person.id, Person.updated_at))
        if updated is not None
    }

    def bump(rows: object, local: bool = False) -> None:
        for pid, when in rows:  # type: ignore[attr-defined]
            if pid is None or when is None:
                continue
            if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
                when = dt.datetime.combine(when, dt.time())
            if local:
                when = _to_utc(when)
            if pid not in last or when > last[pid]:
                last[pid] = when

    bump(
        session.execute(
            select(Visit.person_id, func.max(Visit.starts_at)).group_by(Visit.person_id)
        ),
        local=True,
    )
    bump(
        session.execute(
            select(Delivery.person_id, func.max(Delivery.delivered_on)).group_by(Delivery.person_id)
        ),
        local=True,
    )
    bump(
        session.execute(
            select(Referral.person_id, func.max(Referral.updated_at)).group_by(Referral.person_id)
        )
    )
    bump(
        session.execute(select(Note.person_id, func.max(Note.created_at)).group_by(Note.person_id))
    )
    stale = sorted((when, pid) for pid, when in last.items() if when < cutoff)
    names = dict(
        session.execute(
            select(Person.id, Person.first_name + " " + Person.last_name).where(
                Person.id.in_([pid for _, pid in stale])
            )
        ).all()
    )
    return [ReviewRow(pid, names.get(pid, ""), when) for when, pid in stale]


def _with_merged(session: Session, person_ids: list[int]) -> list[int]:
    """The persons and every record merged into them (recursively), merged-away first.

    A merged-away record describes the same person; keeping it would revive him.
    """
    ordered: list[int] = []
    frontier = list(dict.fromkeys(person_ids))
    while frontier:
        ordered.extend(frontier)
        found = session.scalars(select(Person.id).where(Person.merged_into_id.in_(frontier)))
        frontier = [pid for pid in dict.fromkeys(found) if pid not in ordered]
    # Deepest first, so no deleted row is still pointed at by a remaining one.
    return list(reversed(ordered))


def _delete_persons(session: Session, person_ids: list[int]) -> list[int]:
    """Delete persons, the records merged into them and all that only describes them.

    Returns the ids actually deleted.
    """
    from desktop.models import Invitation, OperationTarget, Relative

    deleted: list[int] = []
    for pid in _with_merged(session, person_ids):
        person = session.get(Person, pid)
        if person is None:
            continue
        _delete_note_ids(
            session, list(session.scalars(select(Note.id).where(Note.person_id == pid)))
        )
        visit_ids = list(session.scalars(select(Visit.id).where(Visit.person_id == pid)))
        if visit_ids:
            _delete_visits_by_id(session, visit_ids)
        session.execute(delete(Delivery).where(Delivery.person_id == pid))
        for referral in session.scalars(select(Referral).where(Referral.person_id == pid)):
            session.execute(
                update(Task).where(Task.referral_id == referral.id).values(referral_id=None)
            )
            session.delete(referral)
        session.execute(update(Task).where(Task.person_id == pid).values(person_id=None))
        session.execute(delete(OperationTarget).where(OperationTarget.person_id == pid))
        invitation_ids = select(Invitation.id).where(Invitation.person_id == pid)
        session.execute(
            update(Task).where(Task.invitation_id.in_(invitation_ids)).values(invitation_id=None)
        )
        session.execute(
            update(Delivery)
            .where(Delivery.invitation_id.in_(invitation_ids))
            .values(invitation_id=None)
        )
        session.execute(delete(Invitation).where(Invitation.person_id == pid))
        session.execute(
            update(Relative).where(Relative.linked_person_id == pid).values(linked_person_id=None)
        )
        session.flush()
        session.delete(person)
        session.flush()
        deleted.append(pid)
    session.flush()
    return deleted


def _delete_visits_by_id(session: Session, ids: list[int]) -> None:
    # A visit's notes go through the note path so their disclosure rows go too.
    _delete_note_ids(session, list(session.scalars(select(Note.id).where(Note.visit_id.in_(ids)))))
    for column in (Delivery.visit_id, Referral.visit_id, Task.visit_id, Visit.revisit_of_id):
        session.execute(update(column.class_).where(column.in_(ids)).values({column.key: None}))
    session.execute(delete(Visit).where(Visit.id.in_(ids)))
