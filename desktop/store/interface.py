"""The one store interface the services use, for the encrypted file and the server alike.

``Store`` is what every backend does: sessions, the user's keys and compartments, the
audit hooks, lock and unlock. What only one backend can do is a capability of its own:
``FileStore`` (a key rotation of the file, an encrypted backup, compaction). A caller
checks a capability by type (``isinstance(store, FileStore)``), never by catching an
error at run time; the server store simply has no such methods.

``StoreSql`` is the SQL in which the backends differ (collation, search index, the
server's functions behind row-level security), for query helpers that hold only a
session: ``desktop.store.sql.sql_of(session)``. Services never ask which database
they run on (``tests/unit/test_store_layering.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sqlalchemy import ColumnElement, Engine, Select
from sqlalchemy.orm import Session

from desktop.models import LegalBasis, NoteKind, NoteSection, Role

if TYPE_CHECKING:
    from desktop.store import trust
    from desktop.store.audit_chain import AuditSigner, ChainSummary
    from desktop.store.compartment import CompartmentCipher

# A note's ``key_version`` for a disclosure's copy, sealed to the receiving agency's
# public key (the server's function writes the same value, migration 0003).
KEY_SEALED_BOX = 0

# What a unit of work changed, for other workstations: kinds, and (kind, id) pairs.
Notice = tuple[frozenset[str], frozenset[tuple[str, int]]]


@dataclass(frozen=True)
class Identity:
    """Who unlocked the store: the actor every unit of work carries."""

    user_id: int
    username: str
    display_name: str
    role: Role
    agency_id: int
    agency_code: str
    agency_name: str
    # The trust root's signature of this account (issue 15); None on a server and on a
    # file upgraded from before 0007 until an administrator has logged in.
    attestation: trust.Attestation | None = None


@dataclass(frozen=True)
class NoteDisclosure:
    """A note copied into another agency's compartment (an utlämnande), before sealing."""

    source_id: int
    person_id: int | None
    group_id: int | None
    visit_id: int | None
    kind: NoteKind
    section: NoteSection
    from_agency_id: int | None
    to_agency_id: int
    legal_basis: LegalBasis
    legal_basis_text: str | None
    reason: str
    user_id: int


class StoreSql(Protocol):
    """The SQL in which the file and the server differ."""

    # Whether the person list's page query carries each row's extras itself: on a
    # server every query is a round trip (services.mapping.list_extras).
    extras_inline: bool
    # Whether "whose first row ever falls in a range" is asked as the range's persons
    # without an earlier row (an index probe each: on a server 28 against 74 ms at
    # 185,000 deliveries) or as one GROUP BY over every row (on a file 42 against 82
    # ms at 310,000; services.statistics.figures._first_reached).
    first_by_probe: bool

    def swedish(self, column: Any) -> ColumnElement[Any]:
        """``column`` in the Swedish collation."""
        ...

    def name_order(self) -> tuple[ColumnElement[Any], ...]:
        """The person list's name sort (last name, first name) in Swedish order."""
        ...

    def name_prefix(self, prefix: str) -> ColumnElement[bool]:
        """Persons whose last name starts with ``prefix`` (one or two letters)."""
        ...

    def person_ids_matching(
        self, typed: str, limit: int | None = None, names_only: bool = False
    ) -> Select[Any]:
        """Ids of persons matching every word of ``typed`` (3+ characters) by fragment."""
        ...

    def person_matches(self, typed: str, names_only: bool = False) -> ColumnElement[bool]:
        """The condition on ``person`` of :meth:`person_ids_matching` without a limit
        (the server tests its own row: no second pass over person for a count)."""
        ...

    def masked_identity(self) -> ColumnElement[str | None]:
        """The column whose first nine characters are ``ÅÅÅÅMMDD-`` (never more shown)."""
        ...

    def identity_is(self, numbers: list[str]) -> ColumnElement[bool]:
        """Persons whose personnummer is one of ``numbers`` (``ÅÅÅÅMMDD-NNNN``)."""
        ...

    def date_of(self, column: Any) -> Any:
        """The date of a time column."""
        ...

    def repoint_hidden_notes(self, session: Session, drop_id: int, keep_id: int) -> int:
        """Move notes this user cannot see from person ``drop_id`` to ``keep_id``."""
        ...

    def drop_disclosures_of(self, session: Session, note_ids: list[int]) -> None:
        """Delete the disclosure register rows of notes about to be deleted."""
        ...

    def delete_expired_notes(self, session: Session, now: dt.datetime) -> int | None:
        """Every agency's expired notes deleted by the server; None if the caller must."""
        ...

    def disclose_note(
        self, session: Session, disclosure: NoteDisclosure, seal: Callable[[int], bytes]
    ) -> tuple[int, int]:
        """Write the copy (its text ``seal(copy_id)``) and the register row: their ids."""
        ...


class Store(Protocol):
    """An unlocked database, file or server: what the services use."""

    identity: Identity
    engine: Engine
    # The file, or where this workstation keeps its state of a server (its checkpoint).
    path: Path
    database_id: str
    keyslots: Any
    sql: StoreSql
    # Compartment keys are handed between users' slots in one shared keyslot file
    # (a file); on a server each user reads and writes only their own slot.
    shares_keyslots: bool
    # A server that takes no writes (a hot standby, issue 19): reads work and their
    # entries wait on the workstation; a save is refused (ReadOnlyServer). Never a file.
    read_only: bool
    trust_root: bytes | None
    integrity_problem: str | None
    signing_public: bytes | None
    checkpoint_frozen: bool
    last_head: tuple[int, str] | None
    login_findings: list[str]
    checkpoint_path: Path
    audit_signer: AuditSigner

    @property
    def locked(self) -> bool: ...

    @property
    def trust_key(self) -> bytes | None: ...

    @property
    def password_change_required(self) -> bool: ...

    def read_session(self) -> Session: ...

    def write_session(self) -> Session: ...

    def compartment(self, agency_code: str) -> CompartmentCipher | None: ...

    def held_compartments(self) -> frozenset[str]: ...

    def share_compartment(self, code: str, usernames: set[str]) -> list[str]: ...

    def create_compartment(self, code: str, usernames: set[str]) -> bool: ...

    def rotate_compartment(
        self, code: str, holders: set[str], known: tuple[bytes, ...] = ()
    ) -> tuple[CompartmentCipher, CompartmentCipher, list[str]]: ...

    def add_user_slot(self, username: str, password: str, agency_code: str) -> None: ...

    def change_password(
        self, username: str, old: str, new: str, before: Callable[[], None] | None = None
    ) -> None: ...

    def set_administrator(self, username: str, admin: bool) -> None: ...

    def audit_chain_head(
        self, session: Session, notice: Notice | None = None
    ) -> tuple[int, str] | None: ...

    def announce(
        self, session: Session, kinds: frozenset[str], ids: frozenset[tuple[str, int]]
    ) -> None: ...

    def queue_audit(
        self, session: Session, pending: list[dict[str, object]], notice: Notice | None
    ) -> bool: ...

    def audit_committed(self) -> None: ...

    def settle_audit(self) -> None: ...

    def server_hash(self, prev_hash: str, fields: dict[str, object]) -> str | None: ...

    def audit_summary(self, wanted: Sequence[int]) -> ChainSummary | None: ...

    def adopt_trust_root(self, key: bytes, root: bytes) -> None: ...

    def refresh_attestation(self) -> None: ...

    def forget_slot_kek(self) -> None: ...

    def note_head(self, seq: int, entry_hash: str) -> None: ...

    def write_anchor(self) -> None: ...

    def lock(self) -> None: ...

    def unlock(self, password: str) -> None: ...


@runtime_checkable
class FileStore(Store, Protocol):
    """What only the encrypted file can do: its own key, copies and compaction."""

    def rotate_data_key(self) -> list[str]:
        """Rekey the file with a new data key; the slots that could not take it."""
        ...

    def backup_to(self, dest: Path) -> None:
        """An encrypted copy of the file and its keyslots at ``dest``."""
        ...

    def checkpoint_wal(self) -> None:
        """Move the write-ahead log into the file without waiting for anyone."""
        ...

    def compact(self) -> None:
        """Rebuild the file and empty the log, so deleted rows leave no trace."""
        ...

    def integrity_findings(self, check: str) -> list[str]:
        """What ``check`` ("integrity" or "cipher") found: "ok" or nothing when sound."""
        ...


class LockedStore(Protocol):
    """A database found but not unlocked: a file's keyslots, or a server's address."""

    path: Path

    def unlock(self, username: str, password: str) -> Store: ...
