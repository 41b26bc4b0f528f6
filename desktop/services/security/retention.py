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
from dataclasses import dataclass

from sqlalchemy import select

from desktop.models import (
    Agency,
    RetentionCategory,
    RetentionRule,
    Setting,
)
from desktop.services.changes import Changes
from desktop.services.errors import NotFound, ValidationError
from desktop.services.incidents.retention import delete_incidents
from desktop.services.permissions import Action, allowed, require
from desktop.services.security.clock import Clock, system_clock
from desktop.services.security.reauth import Reauthentication
from desktop.services.security.retention_queries import (
    ReviewRow,
    delete_deliveries,
    delete_notes,
    delete_persons,
    delete_referrals,
    delete_visits,
    inactive_persons,
    to_local,
)
from desktop.services.uow import UnitOfWork
from desktop.store.interface import FileStore, Store

LAST_RUN_SETTING = "retention_last_run"
DELETED_BY_RUN = (
    RetentionCategory.NOTE,
    RetentionCategory.VISIT,
    RetentionCategory.DELIVERY,
    RetentionCategory.REFERRAL,
    RetentionCategory.INCIDENT,
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
            raise ValidationError("retention.days_missing", field="keep_days")
        if not legal_text.strip():
            raise ValidationError("retention.legal_missing", field="legal")
        with UnitOfWork(self._store, "Spara gallringsregel") as uow:
            agency_id = None
            if agency_code:
                agency_id = uow.session.scalar(select(Agency.id).where(Agency.code == agency_code))
                if agency_id is None:
                    raise ValidationError("agency.unknown", field="agency")
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
            # Row-level security hides other agencies' notes from a server's user: the
            # server deletes every agency's expired notes by the same rules (None: here).
            by_server = self._store.sql.delete_expired_notes(session, now)
            on_server = by_server is not None
            if by_server is not None:
                counts[RetentionCategory.NOTE] = by_server
            # On a server each role deletes only what its rights allow (issue 16): the
            # daily run of a user who is not an administrator deletes the notes (the
            # server's function) and leaves visits, deliveries and referrals to an
            # administrator's run (desktop/services/server_rights.py).
            rows_too = not on_server or allowed(self._store.identity.role, Action.RETENTION_ADMIN)
            for rule in rules:
                cutoff = now - dt.timedelta(days=rule.keep_days)
                local_cutoff = to_local(cutoff)
                if rule.category is not RetentionCategory.NOTE and not rows_too:
                    continue
                if rule.category is RetentionCategory.NOTE:
                    if not on_server:
                        counts[rule.category] += delete_notes(session, cutoff, rule.agency_id)
                elif rule.category is RetentionCategory.VISIT:
                    counts[rule.category] += delete_visits(session, local_cutoff)
                elif rule.category is RetentionCategory.DELIVERY:
                    counts[rule.category] += delete_deliveries(session, local_cutoff.date())
                elif rule.category is RetentionCategory.REFERRAL:
                    counts[rule.category] += delete_referrals(
                        session, local_cutoff.date(), rule.agency_id
                    )
                elif rule.category is RetentionCategory.INCIDENT:
                    # Issue 20: incidents by their time, of one recording agency or all.
                    counts[rule.category] += delete_incidents(session, local_cutoff, rule.agency_id)
            review = len(inactive_persons(session, rules, now))
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
            return inactive_persons(session, rules, self._clock())

    def delete_reviewed_persons(self, person_ids: list[int]) -> Changes:
        """Delete persons an administrator reviewed (sensitive: retention override)."""
        self._reauth.authorize(Action.RETENTION_OVERRIDE)
        with UnitOfWork(self._store, "Gallra personer") as uow:
            deleted = delete_persons(uow.session, person_ids)
            uow.audit("retention.persons", None, (), detail=f"person={len(deleted)}")
            uow.touched("person", *person_ids, *deleted)
        self._scrub()
        return uow.changes

    def _checkpoint(self) -> None:
        """Move the WAL into the file (a server database has no WAL file of ours)."""
        if isinstance(self._store, FileStore):
            self._store.checkpoint_wal()

    def _scrub(self) -> None:
        """Rebuild the file and empty the WAL so deleted rows leave no trace.

        A server's dead rows are the server's to clear (autovacuum); VACUUM cannot run
        in a transaction, nor by a role that does not own the tables.
        """
        if isinstance(self._store, FileStore):
            self._store.compact()
