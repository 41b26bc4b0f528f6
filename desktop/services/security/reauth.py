"""Sensitive actions ask for the password again unless it was given in the last 5 minutes."""

from __future__ import annotations

import datetime as dt

from desktop.services.errors import ReauthenticationRequired
from desktop.services.permissions import SENSITIVE, Action, require
from desktop.services.security.clock import Clock, system_clock
from desktop.store.interface import Store

REAUTH_WINDOW = dt.timedelta(minutes=5)


class Reauthentication:
    """Remembers when the user last gave the password; logging in counts as giving it.

    Args:
        store: The unlocked store (its keyslots verify the password, with the same
            failure counting and delays as a login).
        clock: Naive-UTC clock.
    """

    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self._store = store
        self._clock = clock
        self._given_at: dt.datetime | None = clock()
        # Given again after the login (not the login itself): see require_confirmed.
        self._confirmed_at: dt.datetime | None = None

    def confirm(self, password: str) -> None:
        """Check the password again; raises WrongPassword/AccountLocked from the store."""
        self._store.keyslots.unlock(self._store.identity.username, password)
        self._given_at = self._confirmed_at = self._clock()

    def mark_given(self) -> None:
        """The password was just verified elsewhere (the lock screen)."""
        self._given_at = self._confirmed_at = self._clock()

    def forget(self) -> None:
        """After a lock: the next sensitive action asks again."""
        self._given_at = self._confirmed_at = None

    def confirmed_recently(self) -> bool:
        """The password was given again (not just at login) in the last 5 minutes."""
        at = self._confirmed_at
        return at is not None and self._clock() - at <= REAUTH_WINDOW

    def require_confirmed(self, action: Action) -> None:
        """Permission check, then the password given again whatever the login's time.

        For what the login alone must not cover: printing a protected address (issue 15).
        """
        require(self._store.identity, action)
        if not self.confirmed_recently():
            raise ReauthenticationRequired()

    def is_fresh(self) -> bool:
        given = self._given_at
        return given is not None and self._clock() - given <= REAUTH_WINDOW

    def require_fresh(self, action: Action) -> None:
        """Raise ReauthenticationRequired if ``action`` is sensitive and the password is stale."""
        if action in SENSITIVE and not self.is_fresh():
            raise ReauthenticationRequired()

    def authorize(self, action: Action) -> None:
        """Permission check, then the freshness check for sensitive actions."""
        require(self._store.identity, action)
        self.require_fresh(action)
