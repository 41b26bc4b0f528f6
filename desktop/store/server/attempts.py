"""Failed logins to a server, kept on the workstation until a login can audit them.

A wrong password never reaches the database: the server refuses the role's SCRAM
login, so nothing can be written there. As the keyslot file does for a local
database, this workstation keeps each failure (time, event, and the user name
attempted as a keyed hash, never in clear) in ``<host>_<database>.logins`` in its
state folder, owner-only, and applies the same growing delays. The next successful
login on this workstation to the same server writes the events into the audit log:
names of existing users become their ids, anything else "unknown_user".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
from collections.abc import Iterable
from pathlib import Path

from desktop.store.errors import AccountLocked
from desktop.store.files import atomic_write_bytes
from desktop.store.keyslots import BASE_DELAY_S, FREE_ATTEMPTS, MAX_DELAY_S

# Bounded so a guessing script cannot grow the file without limit.
MAX_EVENTS = 1000


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class LoginAttempts:
    """One server's failed logins from this workstation, and their delays."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = json.loads(path.read_bytes())
            self._salt = bytes.fromhex(str(data["salt"]))
            self.events: list[dict[str, str]] = [
                {str(k): str(v) for k, v in e.items()} for e in data.get("events", [])
            ]
            self._failures: dict[str, dict[str, str | int]] = dict(data.get("failures", {}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Missing or unreadable: start again (it holds no data anyone needs).
            self._salt = os.urandom(16)
            self.events = []
            self._failures = {}

    def _key(self, username: str) -> str:
        # A keyed hash: the file names nobody, even if a person's name was typed.
        return hmac.new(self._salt, username.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def check(self, username: str, now: dt.datetime | None = None) -> None:
        """Raise AccountLocked while ``username`` must wait after failures (recorded)."""
        now = now or _now()
        entry = self._failures.get(self._key(username))
        blocked = entry.get("blocked_until") if entry else None
        if blocked and dt.datetime.fromisoformat(str(blocked)) > now:
            until = dt.datetime.fromisoformat(str(blocked))
            self.record(now, "login.blocked", username)
            raise AccountLocked(
                "store.account_locked_until",
                until=until.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M:%S"),
            )

    def failed(self, username: str, now: dt.datetime | None = None) -> None:
        """One more wrong password: the event, and a delay after the free attempts."""
        now = now or _now()
        key = self._key(username)
        count = int(self._failures.get(key, {}).get("count", 0)) + 1
        entry: dict[str, str | int] = {"count": count}
        if count >= FREE_ATTEMPTS:
            delay = min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (count - FREE_ATTEMPTS))
            entry["blocked_until"] = (now + dt.timedelta(seconds=delay)).isoformat()
        self._failures[key] = entry
        self.record(now, "login.failed", username)

    def succeeded(self, username: str) -> None:
        if self._failures.pop(self._key(username), None) is not None:
            self._save()

    def record(self, now: dt.datetime, event: str, username: str) -> None:
        """Keep one event (also "lock" when the server could not take it) and save."""
        if len(self.events) < MAX_EVENTS:
            self.events.append({"at": now.isoformat(), "event": event, "user": self._key(username)})
        self._save()

    def resolved(self, usernames: Iterable[str]) -> list[dict[str, str]]:
        """The events with the hash turned back into a user name where one matches."""
        by_key = {self._key(name): name for name in usernames}
        return [
            {
                "at": e.get("at", ""),
                "event": e.get("event", ""),
                "username": by_key.get(e.get("user", ""), ""),
            }
            for e in self.events
        ]

    def clear_events(self) -> None:
        """The events are in the audit log now."""
        if self.events:
            self.events = []
            self._save()

    def _save(self) -> None:
        payload = {"salt": self._salt.hex(), "events": self.events, "failures": self._failures}
        # A full disk must not turn a wrong password into a crash; the events wait in memory.
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(payload).encode("utf-8"))
