"""An unlocked store, file or server alike: sessions, keys, compartments, audit hooks.

``LockedDatabase.unlock`` (a file) and ``LockedServer.unlock`` (a server) turn a user name
and password into one of its two subclasses. Keys stay inside and are dropped on ``lock``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.models import AuditEntry, User
from desktop.store import anchors, crypto, signing
from desktop.store.audit_chain import (
    AuditSigner,
    ChainSummary,
    EntrySigner,
    checkpoint_path,
)
from desktop.store.compartment import CompartmentCipher
from desktop.store.engine import storage_errors
from desktop.store.errors import WrongPassword
from desktop.store.interface import Identity, Notice, StoreSql
from desktop.store.keyslots import RECOVERY, KeyslotFile, UnlockedKeys
from desktop.store.memwipe import wipe, wipe_secrets
from desktop.store.opening_checks import attested, opens, stored_audit_key
from desktop.store.sql import SQL

# ``Session.info`` key of ``Store.compartment``: code that only has a session (e.g. the
# one read of addresses, desktop.services.protected_addresses) finds the keys held.
COMPARTMENTS = "rondplan.compartments"


class UnlockedStore:
    """What the file and the server share once unlocked: sessions, the user's
    compartments and keys, the audit hooks, lock and unlock.

    ``desktop.store.database.LocalStore`` and ``desktop.store.server.store.ServerStore``
    complete it; services see either through ``desktop.store.interface.Store``.
    """

    # Compartment keys are handed between users' slots (granted, taken back) in the
    # local keyslot file; on a server each user reads and writes only their own slot.
    shares_keyslots = True
    read_only = False
    sql: StoreSql

    def __init__(
        self,
        path: Path,
        keyslots: KeyslotFile,
        keys: UnlockedKeys,
        identity: Identity,
    ) -> None:
        self.path = path
        self.engine = self._make_engine()
        self.keyslots = keyslots
        self.identity = identity
        self.database_id = keyslots.database_id
        self.__keys: UnlockedKeys | None = keys
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(rondplan_write=True), expire_on_commit=False
        )
        self.audit_signer = self._make_audit_signer(keys)
        # Issue 15: the trust root's private key (administrators, recovery), and what
        # the unlock found wrong with the signed records (reported at login).
        self.__trust_key = keys.trust_key
        self.trust_root = keys.trust_pin
        self.integrity_problem: str | None = None
        self.signing_public = signing.public_of(keys.signing_key) if keys.signing_key else None
        # Set by the login check when the chain or checkpoint shows a rollback: the
        # checkpoint (the evidence) is then not written again this session.
        self.checkpoint_frozen = False
        self.last_head: tuple[int, str] | None = None
        # What the login's integrity check found (``rondplan audit verify`` reports it).
        self.login_findings: list[str] = []
        self.checkpoint_path = checkpoint_path(path)
        self._fingerprint = crypto.subkey(keys.data_key, "fingerprint")

    def _make_audit_signer(self, keys: UnlockedKeys) -> AuditSigner:
        """The signer of this session's audit entries (see ``audit_chain``).

        A local file's entries are signed with the user's own key; a store without one
        (the server) keeps the HMAC chain.
        """
        legacy = self._audit_key(keys.data_key)
        if keys.signing_key is None or not self.shares_keyslots:
            return AuditSigner(legacy)
        return EntrySigner(legacy, self.database_id, self.identity.user_id, keys.signing_key)

    @property
    def trust_key(self) -> bytes | None:
        """The trust root's private key if this user holds it (administrators)."""
        return None if self.locked else self.__trust_key

    def _make_engine(self) -> Engine:
        raise NotImplementedError  # the file's SQLCipher engine or the server's

    def _replace_keys(self, keys: UnlockedKeys) -> None:
        """The keys after a rotation (a subclass cannot reach the private attribute)."""
        self.__keys = keys

    def audit_chain_head(
        self, session: Session, notice: Notice | None = None
    ) -> tuple[int, str] | None:
        """The newest entry's (seq, hash), None for an empty log; the chain is then held.

        Other writers stay off the chain until this transaction ends, so no sequence
        number is taken twice. A local file needs no lock for that (writers take BEGIN
        IMMEDIATE); the server store takes a transaction-scoped advisory lock first.
        ``notice`` is announced on the way (see :meth:`announce`).
        """
        if notice is not None:
            self.announce(session, *notice)
        row = session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
        return (row.seq, row.entry_hash) if row is not None else None

    def announce(
        self, session: Session, kinds: frozenset[str], ids: frozenset[tuple[str, int]]
    ) -> None:
        """Tell other workstations what a unit of work changed, just before its commit.

        A local file has no other workstations; the server store sends a NOTIFY.
        """

    def queue_audit(
        self, session: Session, pending: list[dict[str, object]], notice: Notice | None
    ) -> bool:
        """Hand ``pending`` entries to a backend that chains them itself (the server).

        False here: a file's entries are chained by the unit of work under its write lock.
        """
        return False

    def audit_committed(self) -> None:
        """After a commit with queued entries: the server chains them (nothing on a file)."""

    def settle_audit(self) -> None:
        """Before the chain is read whole: the server chains what is still queued."""

    def server_hash(self, prev_hash: str, fields: dict[str, object]) -> str | None:
        """The hash a server gave an entry it chained itself; None for any other entry."""
        return None

    def audit_summary(self, wanted: Sequence[int]) -> ChainSummary | None:
        """The chain as a server verified it (issue 16); None here: a file is read whole."""
        return None

    def _audit_key(self, data_key: bytes) -> bytes:
        """The audit HMAC key: derived from the first data key, kept across rotations."""
        return stored_audit_key(self.engine, data_key)

    def rotate_compartment(
        self, code: str, holders: set[str], known: tuple[bytes, ...] = ()
    ) -> tuple[CompartmentCipher, CompartmentCipher, list[str]]:
        """A new key for compartment ``code``, sealed to ``holders`` and the recovery slot.

        ``known``: the compartment's current keys (newest first) if this user does not
        hold them (from the recovery code). Returns the old cipher, the new cipher (which
        still opens text under the old keys) and the holders that could not take it.
        The caller re-encrypts the compartment's text with the new cipher in one unit of
        work; until it commits, both keys open it (an interrupted rotation loses nothing).
        """
        keys = self._keys()
        if code in keys.compartments:
            current = (keys.compartments[code], *keys.older_compartments.get(code, ()))
        else:
            current = known
        if not current:
            raise WrongPassword("store.no_agency_key")
        new = crypto.new_key()
        skipped = self.keyslots.rotate_compartment(code, new, holders)
        if code in keys.compartments:
            self.__keys = replace(
                keys,
                compartments={**keys.compartments, code: new},
                older_compartments={**keys.older_compartments, code: current},
            )
        return (
            CompartmentCipher(code, current[0], current[1:]),
            CompartmentCipher(code, new, current),
            skipped,
        )

    @property
    def locked(self) -> bool:
        return self.__keys is None

    def read_session(self) -> Session:
        session = self._read()
        session.info[COMPARTMENTS] = self.compartment
        session.info[SQL] = self.sql
        return session

    def write_session(self) -> Session:
        session = self._write()
        session.info[COMPARTMENTS] = self.compartment
        session.info[SQL] = self.sql
        return session

    def compartment(self, agency_code: str) -> CompartmentCipher | None:
        """The cipher for ``agency_code`` if this user holds its key, else None."""
        keys = self.__keys
        if keys is None or agency_code not in keys.compartments:
            return None
        older = keys.older_compartments.get(agency_code, ())
        return CompartmentCipher(agency_code, keys.compartments[agency_code], older)

    def share_compartment(self, code: str, usernames: set[str]) -> list[str]:
        """Seal compartment ``code``, which this user holds, to other users' slots.

        No password of theirs is needed (each slot's box key); their next unlock opens
        it. Returns the names that could not take it. Nothing happens if not held.
        """
        keys = self._keys()
        if code not in keys.compartments or not usernames:
            return []
        skipped = self.keyslots.grant_sealed(usernames, code, keys.compartments[code])
        self.keyslots.save()
        return skipped

    def create_compartment(self, code: str, usernames: set[str]) -> bool:
        """A first key for compartment ``code`` when no slot holds one (an older file).

        Sealed to ``usernames`` and the recovery slot, and held by this user at once.
        False (nothing done) if any slot already holds a key of ``code``: two instances
        never make two keys.
        """
        keys = self._keys()
        new = crypto.new_key()
        with self.keyslots._change():
            if any(
                code in slot.compartments or code in slot.pending_compartments
                for slot in self.keyslots.slots.values()
            ):
                return False
            self.keyslots.grant_sealed({*usernames, RECOVERY}, code, new)
        self.keyslots.save()
        self.__keys = replace(keys, compartments={**keys.compartments, code: new})
        return True

    def held_compartments(self) -> frozenset[str]:
        return frozenset(self.__keys.compartments) if self.__keys else frozenset()

    def add_user_slot(self, username: str, password: str, agency_code: str) -> None:
        """Give a new user the data key and, if held, their agency's compartment key."""
        keys = self._keys()
        compartments = {code: key for code, key in keys.compartments.items() if code == agency_code}
        # The new slot pins the trust root (issue 15; a local file's only).
        new = UnlockedKeys(keys.data_key, compartments)
        self.keyslots.put(username, password, new, trust_root=self.trust_root)
        self.keyslots.save()  # a server's slot row and login (a file is written already)

    def change_password(
        self, username: str, old: str, new: str, before: Callable[[], None] | None = None
    ) -> None:
        """Rewrap one slot; the database itself is untouched.

        ``before`` runs once the old password is proven and before the slot changes
        (the audit entry: a crash between them leaves no change without its entry).
        """
        keys = self.keyslots.unlock(username, old)
        if before is not None:
            before()
        self.keyslots.put(username, new, keys)
        self.keyslots.save()  # a server's slot rows and login (a file is written already)

    @property
    def password_change_required(self) -> bool:
        """True after an administrator's reset, until the user chooses a password."""
        slot = self.keyslots.slots.get(self.identity.username)
        return slot is not None and slot.temporary

    def set_administrator(self, username: str, admin: bool) -> None:
        """Give or take the storage rights of an administrator (a server's database role).

        A local file has none: its administrators are only a role in the user table.
        """

    # -- issue 15: trust root, anchors ----------------------------------------------
    def adopt_trust_root(self, key: bytes, root: bytes) -> None:
        """This administrator just created the trust root: hold it and pin it."""
        self.__trust_key = key
        self.trust_root = root
        keys = self.__keys
        if keys is not None:
            self.keyslots.pin_trust_root(self.identity.username, keys, root)

    def refresh_attestation(self) -> None:
        """Check the account against the trust root again (e.g. after it was created)."""
        keys = self.__keys
        if keys is None:
            return
        with storage_errors(), self.read_session() as session:
            user = session.get(User, self.identity.user_id)
            if user is None:
                return
            pinned = replace(keys, trust_pin=self.trust_root or keys.trust_pin)
            self.identity, problem = attested(session, self.keyslots, pinned, user, self.identity)
        self.integrity_problem = self.integrity_problem or problem

    def forget_slot_kek(self) -> None:
        """Drop the slot's KEK, kept since the unlock only to pin the trust root."""
        keys = self.__keys
        if keys is not None and keys.slot_kek is not None:
            self.__keys = replace(keys, slot_kek=None)

    def note_head(self, seq: int, entry_hash: str) -> None:
        """The newest entry this session wrote or verified (for the user's anchor)."""
        if self.last_head is None or seq > self.last_head[0]:
            self.last_head = (seq, entry_hash)

    def write_anchor(self) -> None:
        """Keep this user's last-seen head in their own folder, signed by them."""
        signer = self.audit_signer
        if self.last_head is None or not isinstance(signer, EntrySigner) or self.locked:
            return
        seq, entry_hash = self.last_head
        with contextlib.suppress(OSError):
            anchors.write_anchor(
                self.database_id,
                self.identity.username,
                anchors.Anchor(seq, entry_hash),
                signer.sign_bytes,
            )

    def lock(self) -> None:
        """Close every connection, then overwrite and forget the keys (memwipe)."""
        self.write_anchor()
        self.engine.dispose()
        keys, self.__keys = self.__keys, None
        if keys is not None:
            wipe_secrets(keys)

    def unlock(self, password: str) -> None:
        """Unlock again as the same user after ``lock`` (the lock screen)."""
        try:
            keys = self.keyslots.unlock(self.identity.username, password)
        except WrongPassword:
            if self.identity.username not in self.keyslots.slots:
                # The slot was removed meanwhile (by another instance): switched off.
                raise WrongPassword("store.account_disabled") from None
            raise
        for candidate in keys.candidates():
            # Another instance may have rotated the key meanwhile: the key the file
            # opens with is the one to keep (the newest first).
            if self._opens_with(candidate, len(keys.candidates()) == 1):
                self.keyslots.settle_data_key(candidate, lambda k: opens(self.path, k))
                for other in keys.candidates():
                    if other is not candidate:
                        wipe(other)  # older keys of a rotation are not kept
                keys = replace(keys, data_key=candidate, older_data_keys=())
                break
        self.__keys = keys
        # An administrator may have changed the role or switched the account off while
        # the screen was locked: the row decides, not the identity read at login.
        try:
            with storage_errors(), self.read_session() as session:
                user = session.get(User, self.identity.user_id)
                active = user is not None and user.active
                if user is not None:
                    self.identity = replace(
                        self.identity, role=user.role, display_name=user.display_name
                    )
                    # Issue 15: the new role is checked against the trust root again.
                    self.identity, problem = attested(
                        session, self.keyslots, keys, user, self.identity
                    )
                    self.integrity_problem = self.integrity_problem or problem
            # The lock overwrote the old key buffers: sign with the freshly opened key.
            self.audit_signer = self._make_audit_signer(keys)
            self.__trust_key = keys.trust_key
            self.forget_slot_kek()
        except BaseException:
            self.lock()
            raise
        if not active:
            self.lock()
            raise WrongPassword("store.account_disabled")

    def _opens_with(self, key: bytes, only: bool) -> bool:
        return only or opens(self.path, key)

    def _keys(self) -> UnlockedKeys:
        if self.__keys is None:
            raise WrongPassword("store.locked_session")
        return self.__keys
