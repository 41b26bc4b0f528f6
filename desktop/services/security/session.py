"""Login, unlock and lock in the audit log, including failed logins recorded while locked.

A failed login cannot write into the database (no key). The keyslot file records it
(time, event, user name) and ``record_login``/``record_unlock`` move those events into
the audit log — as ids, the user name resolved to the user's id — at the next unlock.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import User
from desktop.services.security import integrity
from desktop.services.security.audit import ChainReport
from desktop.services.security.clock import Clock, system_clock
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.store.errors import StoreError
from desktop.store.interface import Store

# The only kinds of event the keyslot file queues for the next login (failed and blocked
# logins, a lock, edited counters). The queue is plain JSON that anyone who can write
# the file can edit: any other kind is not written as an entry of that name (it would be
# signed by whoever logs in next and name a colleague); it becomes an integrity alarm.
QUEUED_EVENTS = frozenset({"login.failed", "login.blocked", "lock", "keyslot.counters_edited"})


class SessionAudit:
    """Audit entries for the session's life: login, unlock, lock, failures in between."""

    def __init__(
        self, store: Store, clock: Clock = system_clock, reauth: Reauthentication | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        self._reauth = reauth

    def record_login(self) -> list[ChainReport]:
        """Call once right after ``LockedDatabase.unlock`` succeeded at start-up.

        First verifies the log, its checkpoint, the user's anchor and the signed records
        (issue 15; before anything is appended) and logs what is wrong. Returns what to
        warn the user of (codes, worded as ``chain.alarm``, issue 18); raises TamperedRecord
        (after logging it) if the user's own account was tampered with.
        """
        found = integrity.check(self._store)
        self._store.login_findings = found.problem_messages
        self._record("login", found)
        integrity.after_login(self._store, found)
        integrity.refuse_if_tampered(self._store)
        return found.reports

    def record_unlock(self) -> None:
        """Call after the lock overlay's password was accepted (a new store is fine too)."""
        self._record("unlock")

    def record_lock(self) -> None:
        """Call before ``Store.lock()``; the entry is written while the key is still held."""
        with UnitOfWork(self._store, "Lås") as uow:
            uow.audit("lock", "user", [self._store.identity.user_id])

    def lock(self) -> None:
        """Log the lock, then close every connection and forget the keys.

        Never fails open: if the entry cannot be written (database busy, disk full) it
        waits in the keyslot file and is written with the next unlock; the keys are
        forgotten either way.
        """
        store = self._store
        if not store.locked:
            try:
                self.record_lock()
            except StoreError:
                store.keyslots.queue_event(self._clock(), "lock", store.identity.username)
            finally:
                store.lock()
        if self._reauth is not None:
            self._reauth.forget()

    def unlock(self, password: str) -> None:
        """The lock screen's password: reopen the same store, then log the unlock.

        Raises WrongPassword or AccountLocked (failures are recorded in the keyslot
        file and reach the audit log with this unlock or the next).
        """
        self._store.unlock(password)
        if self._reauth is not None:
            self._reauth.mark_given()
        self.record_unlock()

    def _record(self, action: str, found: integrity.Findings | None = None) -> None:
        store = self._store
        events = list(store.keyslots.pending)
        with UnitOfWork(store, "Logga in") as uow:
            if found is not None:
                integrity.record(uow, store, found)
            ids = dict(uow.session.execute(select(User.username, User.id)).all())
            for event in events:
                user_id = ids.get(event.get("username", ""))
                if event.get("event", "login.failed") not in QUEUED_EVENTS:
                    uow.audit("integrity.alarm", None, (), detail="pending_event")
                    continue
                uow.audit(
                    event.get("event", "login.failed"),
                    "user",
                    [user_id] if user_id else [],
                    detail="" if user_id else "unknown_user",
                    overrides={
                        "at": _parse(event.get("at")),
                        "user_id": user_id,
                        "role": None,
                        "agency_id": None,
                    },
                )
            user = uow.session.get(User, store.identity.user_id)
            # A standby takes no write (issue 19): the login's entry waits, the time not.
            if user is not None and action == "login" and not store.read_only:
                user.last_login_at = self._clock()
            uow.audit(action, "user", [store.identity.user_id])
        # Only now, with the entries committed, are the events removed from the file.
        # Exactly those: another instance may have added events meanwhile.
        store.keyslots.take_pending(events)


def _parse(text: str | None) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text or "")
    except ValueError:
        return system_clock()
