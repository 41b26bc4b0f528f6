"""Known storage errors: each a code the catalogue of words turns into a clear sentence.

Anything that is not one of these is a bug and goes to the crash dialog. The words
live in ``desktop.messages`` (issue 18); the parameters never hold a password, a key
or personal data.
"""

from __future__ import annotations

from collections.abc import Mapping


class StoreError(Exception):
    """A known storage problem the user can act on: a code and its parameters."""

    code = "store.unusable"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        if code is not None:
            self.code = code
        super().__init__(self.code)
        self.params: Mapping[str, object] = params

    def __str__(self) -> str:
        return self.code


class WrongPassword(StoreError):
    code = "store.wrong_password"


class AccountLocked(StoreError):
    code = "store.account_locked"


class NotADatabase(StoreError):
    code = "store.not_a_database"


class CorruptDatabase(StoreError):
    code = "store.corrupt"


class DatabaseLocked(StoreError):
    code = "store.locked"


class DiskFull(StoreError):
    code = "store.disk_full"


class DiskError(StoreError):
    """SQLite's disk I/O error: the disk failed or ran out of room (a full disk often
    shows as this, not as SQLITE_FULL). Not a damaged database: nothing says restore."""

    code = "store.disk_error"


class NewerDatabase(StoreError):
    code = "store.newer_database"


class MissingDatabase(StoreError):
    code = "store.missing"


class AlreadyExists(StoreError):
    code = "store.already_exists"


class KeyRotated(StoreError):
    code = "store.key_rotated"


class TamperedKeyfile(StoreError):
    """A slot's signing key no longer opens: its trust root pin was removed or swapped."""

    code = "store.tampered_keyfile"


class TamperedRecord(StoreError):
    """A signed record (account, role, agency, agency key) fails its trust-root check."""

    code = "store.tampered_record"


class ReadOnlyServer(StoreError):
    """A save reached a read-only server (a standby; SQLSTATE 25006), issue 19."""

    code = "store.read_only_server"
