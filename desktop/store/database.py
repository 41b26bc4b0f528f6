"""Create, unlock and lock the encrypted database.

``create_database`` makes a new file and its keyslots; ``open_database`` reads the
keyslots of an existing one and ``LockedDatabase.unlock`` turns a user name and password
into an unlocked ``Store``. Keys stay inside these objects and are dropped on ``lock``.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.models import Agency, AgencyKind, AuditEntry, Role, Setting, User, utcnow
from desktop.store import anchors, crypto, migrate, sealed_box, signing, trust
from desktop.store.audit_chain import (
    AuditSigner,
    ChainSummary,
    EntrySigner,
    checkpoint_path,
)
from desktop.store.engine import (
    connect_raw,
    export_encrypted,
    make_engine,
    rekey_raw,
    storage_errors,
)
from desktop.store.errors import (
    AlreadyExists,
    MissingDatabase,
    NewerDatabase,
    NotADatabase,
    StoreError,
    TamperedRecord,
    WrongPassword,
)
from desktop.store.files import restrict_permissions
from desktop.store.keyslots import (
    PROTECTED_ADDRESSES,
    RECOVERY,
    KeyslotFile,
    UnlockedKeys,
    keyslot_path,
)
from desktop.store.memwipe import wipe, wipe_secrets

DATABASE_ID = "database_id"
# ``Session.info`` key of ``Store.compartment``: code that only has a session (e.g. the
# one read of addresses, desktop.services.protected_addresses) finds the keys held.
COMPARTMENTS = "rondplan.compartments"
AUDIT_KEY = "audit_key"

DEFAULT_AGENCIES: tuple[tuple[str, str, AgencyKind], ...] = (
    ("police", "Polisen", AgencyKind.POLICE),
    ("social", "Socialtjänsten", AgencyKind.SOCIAL),
    ("probation", "Kriminalvården", AgencyKind.PROBATION),
)


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


class CompartmentCipher:
    """Encrypts and decrypts one agency's text with that agency's compartment key."""

    def __init__(self, agency_code: str, key: bytes, older: tuple[bytes, ...] = ()) -> None:
        self.agency_code = agency_code
        self.__key = key
        # Keys the compartment had before a rotation: text an interrupted rotation left
        # under one of them still opens (and is written again under the newest key).
        self.__older = older

    def encrypt(self, text: str, context: str = "") -> bytes:
        return crypto.seal(self.__key, text.encode("utf-8"), self._aad(context))

    def decrypt(self, blob: bytes, context: str = "") -> str:
        for key in (self.__key, *self.__older):
            try:
                return crypto.open_sealed(key, blob, self._aad(context)).decode("utf-8")
            except crypto.UnwrapError:
                continue
        raise crypto.UnwrapError

    def _aad(self, context: str) -> bytes:
        return f"compartment:{self.agency_code}:{context}".encode()

    def public_key(self) -> bytes:
        """The agency's X25519 public key, which others use to seal text to it."""
        return sealed_box.public_bytes(sealed_box.private_key_from(self.__key))

    def open_box(self, blob: bytes, context: str = "") -> str:
        """Decrypt text sealed to this agency's public key (a disclosure's copy)."""
        for key in (self.__key, *self.__older):
            private = sealed_box.private_key_from(key)
            try:
                return sealed_box.open_box(private, blob, self._aad(context)).decode("utf-8")
            except crypto.UnwrapError:
                continue
        raise crypto.UnwrapError


# What a unit of work changed, for other workstations: kinds, and (kind, id) pairs.
Notice = tuple[frozenset[str], frozenset[tuple[str, int]]]


class Store:
    """An unlocked database: sessions, the user's compartment, the audit signer."""

    # Compartment keys are handed between users' slots (granted, taken back) in the
    # local keyslot file; on a server each user reads and writes only their own slot.
    shares_keyslots = True

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
        # The server store (desktop.store.server) overrides this with PostgreSQL.
        return make_engine(self.path, lambda: self._keys().data_key)

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
        with Session(self.engine) as session:
            row = session.get(Setting, AUDIT_KEY)
        if row is None:
            return crypto.subkey(data_key, "audit")
        wrap = crypto.subkey(data_key, "audit-wrap")
        # Wrapped under the key of the last rotation and the one before it: whichever
        # a kill during the rekey left the file under, it opens (issue 15).
        for part in str(row.value).split(","):
            try:
                return crypto.open_sealed(wrap, base64.b64decode(part), b"audit-key")
            except crypto.UnwrapError:
                continue
        raise crypto.UnwrapError

    def rotate_data_key(self) -> list[str]:
        """Rekey the file with a new random data key (``PRAGMA rekey``).

        Every slot first gets the new key sealed to its own public key, so each user's
        next unlock picks it up without anyone knowing their password; then the file is
        rekeyed. Returns the names of slots that could not take it (none normally).
        """
        keys = self._keys()
        new = crypto.new_key()
        audit_key = self._audit_key(keys.data_key)
        with self.keyslots.hold():
            skipped = self._rotate_holding(keys, new, audit_key)
        self.__keys = replace(keys, data_key=new, older_data_keys=())
        self._fingerprint = crypto.subkey(new, "fingerprint")
        return skipped

    def _rotate_holding(self, keys: UnlockedKeys, new: bytes, audit_key: bytes) -> list[str]:
        """The rotation's steps, with the keyslot file locked throughout."""
        # Refused (KeyRotated) if another instance rotated first: this key is stale.
        # The slots get the new key before anything uses it (a kill after this step
        # leaves the file under the old key, which every slot still opens).
        skipped = self.keyslots.rotate_data_key(new, keys.data_key)
        with Session(self.engine) as session, session.begin():
            value = ",".join(
                base64.b64encode(
                    crypto.seal(crypto.subkey(key, "audit-wrap"), audit_key, b"audit-key")
                ).decode("ascii")
                for key in (new, keys.data_key)
            )
            row = session.get(Setting, AUDIT_KEY)
            if row is None:
                session.add(Setting(key=AUDIT_KEY, value=value))
            else:
                row.value = value
        self.engine.dispose()
        with storage_errors():
            conn = connect_raw(self.path, keys.data_key)
            try:
                rekey_raw(conn, new)
            finally:
                conn.close()
        return skipped

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
            raise WrongPassword("Du har inte nyckeln till den avdelningen.")
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
        return session

    def write_session(self) -> Session:
        session = self._write()
        session.info[COMPARTMENTS] = self.compartment
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

    def backup_to(self, dest: Path) -> None:
        """An encrypted copy (never a raw copy of the live file) plus its keyslots."""
        keys = self._keys()
        if dest.exists():
            raise AlreadyExists("Säkerhetskopian finns redan. Välj ett annat filnamn.")
        dest.parent.mkdir(parents=True, exist_ok=True)
        export_encrypted(self.path, keys.data_key, dest)
        _copy_private(self.keyslots.path, keyslot_path(dest))
        with contextlib.suppress(FileNotFoundError):
            _copy_private(self.checkpoint_path, checkpoint_path(dest))

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
            self.identity, problem = _attested(session, self.keyslots, pinned, user, self.identity)
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
                raise WrongPassword(
                    "Kontot är avstängt. Kontakta en administratör för att få logga in igen."
                ) from None
            raise
        for candidate in keys.candidates():
            # Another instance may have rotated the key meanwhile: the key the file
            # opens with is the one to keep (the newest first).
            if self._opens_with(candidate, len(keys.candidates()) == 1):
                self.keyslots.settle_data_key(candidate, lambda k: _opens(self.path, k))
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
                    self.identity, problem = _attested(
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
            raise WrongPassword(
                "Kontot är avstängt. Kontakta en administratör för att få logga in igen."
            )

    def _opens_with(self, key: bytes, only: bool) -> bool:
        return only or _opens(self.path, key)

    def _keys(self) -> UnlockedKeys:
        if self.__keys is None:
            raise WrongPassword("Rondplan är låst. Lås upp med ditt lösenord.")
        return self.__keys


class LockedDatabase:
    """A database whose keyslots are read but whose data key is not yet unwrapped."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise MissingDatabase
        self.path = path
        self.keyslots = KeyslotFile.load(keyslot_path(path))

    def unlock(self, username: str, password: str) -> Store:
        keys = self.keyslots.unlock(username, password)
        return self._open(keys, username)

    def unlock_with_recovery(self, code: str) -> UnlockedKeys:
        """All keys, for an administrator's password reset."""
        return self.keyslots.unlock(RECOVERY, crypto.normalise_recovery_code(code))

    def _open(self, keys: UnlockedKeys, username: str) -> Store:
        # After a key rotation the newest key is tried first; an interrupted rotation
        # (slots updated, file not yet rekeyed) falls back to the older key.
        *newer, oldest = keys.candidates()
        for candidate in newer:
            try:
                return self._open_with(_only(keys, candidate), username)
            except NotADatabase:
                continue
        store = self._open_with(_only(keys, oldest), username)
        # A rotation cut short: the slots named a key the file never got.
        self.keyslots.settle_data_key(oldest, lambda k: _opens(self.path, k))
        return store

    def _open_with(self, keys: UnlockedKeys, username: str) -> Store:
        engine = make_engine(self.path, lambda: keys.data_key, pool_size=1)
        try:
            with storage_errors():
                _upgrade_if_needed(self.path, engine, keys)
                with Session(engine) as session:
                    stored_id = session.get(Setting, DATABASE_ID)
                    if stored_id is None or stored_id.value != self.keyslots.database_id:
                        raise NotADatabase
                    user = session.scalars(
                        select(User).where(User.username == username)
                    ).one_or_none()
                    if user is None or not user.active:
                        raise WrongPassword("Kontot finns inte eller är avstängt.")
                    identity = Identity(
                        user.id,
                        user.username,
                        user.display_name,
                        user.role,
                        user.agency_id,
                        user.agency.code,
                        user.agency.name,
                    )
                    identity, problem = _attested(session, self.keyslots, keys, user, identity)
        finally:
            engine.dispose()
        store = Store(self.path, self.keyslots, keys, identity)
        store.integrity_problem = problem
        if store.trust_root is None and identity.attestation is not None and not problem:
            store.trust_root = identity.attestation.root  # pinned by this unlock
        return store


def _attested(
    session: Session, slots: KeyslotFile, keys: UnlockedKeys, user: User, identity: Identity
) -> tuple[Identity, str | None]:
    """Check the account and its agency against the trust root (issue 15).

    Returns the identity with its attestation and, if something was tampered with, a
    code for the login check to log and refuse (``services.security.integrity``).
    The first unlock after the trust root was made pins it in the user's slot.
    """
    try:
        records = trust.load(session, slots.database_id, keys.trust_pin)
        records.check_user(user)
        records.check_agency(user.agency)
    except TamperedRecord:
        return replace(identity, attestation=trust.broken(slots.database_id)), "record"
    if records.root is not None and keys.trust_pin is None:
        slots.pin_trust_root(user.username, keys, records.root)
    return replace(identity, attestation=trust.attest(records, user)), None


def _opens(path: Path, key: bytes) -> bool:
    """Whether the database file at ``path`` opens with ``key``."""
    try:
        connect_raw(path, key).close()
    except StoreError:
        return False
    return True


def _only(keys: UnlockedKeys, data_key: bytes) -> UnlockedKeys:
    """``keys`` with ``data_key`` (the one that opened the file) and no other data key."""
    return replace(keys, data_key=data_key, older_data_keys=())


def _upgrade_if_needed(path: Path, engine: Engine, keys: UnlockedKeys) -> None:
    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current == head:
        return
    if current is not None and current not in migrate.known_revisions():
        raise NewerDatabase
    if current is not None:
        # Backup first (beets): an encrypted copy named after the revision it holds.
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = path.with_name(f"{path.stem}.före-{current}-{stamp}{path.suffix}")
        export_encrypted(path, keys.data_key, dest)
        _copy_private(keyslot_path(path), keyslot_path(dest))
    migrate.upgrade(engine)


def _copy_private(src: Path, dest: Path) -> None:
    shutil.copyfile(src, dest)
    restrict_permissions(dest)


def open_database(path: Path) -> LockedDatabase:
    return LockedDatabase(path)


@dataclass(frozen=True)
class Created:
    store: Store
    recovery_code: str


def seed_first_rows(
    session: Session,
    database_id: str,
    agencies: tuple[tuple[str, str, AgencyKind], ...],
    admin_username: str,
    admin_display_name: str,
    admin_agency: str,
) -> None:
    """A new database's id, its agencies and its first administrator (file or server)."""
    session.add(Setting(key=DATABASE_ID, value=database_id))
    by_code = {}
    for code, name, kind in agencies:
        agency = Agency(code=code, name=name, kind=kind)
        session.add(agency)
        by_code[code] = agency
    session.flush()
    session.add(
        User(
            username=admin_username,
            display_name=admin_display_name,
            role=Role.ADMINISTRATOR,
            agency_id=by_code[admin_agency].id,
            password_changed_at=utcnow(),
        )
    )


def create_database(
    path: Path,
    admin_username: str,
    admin_display_name: str,
    password: str,
    admin_agency: str = "social",
    agencies: tuple[tuple[str, str, AgencyKind], ...] = DEFAULT_AGENCIES,
) -> Created:
    """A new encrypted database, its keyslots and its first administrator.

    Nothing is left behind on failure: no half-made database, no plaintext file.
    """
    slots_path = keyslot_path(path)
    if path.exists() or slots_path.exists():
        raise AlreadyExists
    if admin_agency not in {code for code, _, _ in agencies}:
        raise ValueError(f"unknown agency {admin_agency!r}")
    data_key = crypto.new_key()
    compartments = {code: crypto.new_key() for code, _, _ in agencies}
    # Protected-identity addresses (issue 15): only the recovery slot at first; users
    # whose role needs it get it when created (desktop.services.protected_addresses).
    compartments[PROTECTED_ADDRESSES] = crypto.new_key()
    recovery_code = crypto.new_recovery_code()
    slots = KeyslotFile.new(slots_path)
    # Issue 15: the installation's trust root, held by the administrator and the
    # recovery code only, pinned in both slots.
    trust_key = signing.new_private()
    trust_root = signing.public_of(trust_key)
    slots.put(
        RECOVERY,
        recovery_code,
        UnlockedKeys(data_key, compartments),
        trust_root=trust_root,
        trust_key=trust_key,
    )
    slots.put(
        admin_username,
        password,
        UnlockedKeys(data_key, {admin_agency: compartments[admin_agency]}),
        trust_root=trust_root,
        trust_key=trust_key,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        slots.save()
        with storage_errors():
            connect_raw(path, data_key, create=True).close()
            engine = make_engine(path, lambda: data_key, pool_size=1)
            try:
                migrate.upgrade(engine)
                with Session(engine) as session, session.begin():
                    seed_first_rows(
                        session,
                        slots.database_id,
                        agencies,
                        admin_username,
                        admin_display_name,
                        admin_agency,
                    )
                    # Every agency's public key published now, so all are signed.
                    for code, _, _ in agencies:
                        key = compartments[code]
                        public = sealed_box.public_bytes(sealed_box.private_key_from(key))
                        session.add(
                            Setting(key=trust.AGENCY_KEY_PREFIX + code, value=signing.b64(public))
                        )
                    session.flush()
                    admin = session.scalars(
                        select(User).where(User.username == admin_username)
                    ).one()
                    admin_public = slots.slots[admin_username].sign_public
                    trust.establish(
                        session,
                        slots.database_id,
                        trust_key,
                        {admin.id: admin_public} if admin_public else {},
                    )
            finally:
                engine.dispose()
    except BaseException:
        for leftover in (path, slots_path, *path.parent.glob(path.name + "-*")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
    store = LockedDatabase(path).unlock(admin_username, password)
    return Created(store, recovery_code)
