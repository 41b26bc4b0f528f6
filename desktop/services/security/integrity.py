"""The login's integrity check (issue 15), run before the session's first append.

Before a login writes anything, the audit chain, its checkpoint beside the file, the
user's own anchor (in their configuration folder) and the trust root's signed records
are verified. Whatever is wrong is told to the user in one Swedish sentence and written
to the audit log as ``integrity.alarm`` (codes and sequence numbers only); the login
never erases the evidence: a checkpoint that is ahead of the file (a rollback) is not
written over in that session, and the alarm entry stays in the chain.

An administrator's login also does the trust root's work that cannot wait for an
explicit action: on a database upgraded from before 0007 it creates the trust root and
signs the records as they stand; later it signs the signing keys users registered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Agency, Role, Setting, SignedRecord, User
from desktop.services.errors import PermissionDenied
from desktop.services.security.audit import ChainProblem, ChainReport, verify_chain
from desktop.store import anchors, signing, trust
from desktop.store.audit_chain import CheckpointInvalid, EntrySigner, read_checkpoint
from desktop.store.engine import storage_errors
from desktop.store.errors import TamperedRecord
from desktop.store.interface import Store
from desktop.store.keyslots import RECOVERY

# Problems after which the checkpoint file is kept as it is (it holds the evidence).
_FREEZE = {ChainProblem.TRUNCATED, ChainProblem.CHECKPOINT_INVALID}


@dataclass
class Findings:
    """What the login check found, for the alarm entries and the user's message."""

    problems: list[tuple[ChainProblem, int | None]] = field(default_factory=list)
    report: ChainReport | None = None

    @property
    def reports(self) -> list[ChainReport]:
        """Each problem as a report: a code (``chain.…``) the user's alarm words."""
        return [ChainReport(0, problem, seq) for problem, seq in self.problems]

    @property
    def problem_messages(self) -> list[str]:
        return [report.message for report in self.reports]


def signed_file(store: Store) -> bool:
    """True for a local file whose entries this user signs (not a server)."""
    return isinstance(store.audit_signer, EntrySigner)


def check(store: Store) -> Findings:
    """Verify chain, checkpoint, the user's anchor and the signed records (reads only)."""
    found = Findings()
    if not signed_file(store):
        return found
    identity = store.identity
    anchor = None
    try:
        anchor = anchors.read_anchor(store.database_id, identity.username, store.signing_public)
    except anchors.AnchorInvalid:
        found.problems.append((ChainProblem.ANCHOR_INVALID, None))
    # From the user's anchor on (what came before is fixed by its hash), unless the
    # checkpoint is older than the anchor: then the whole chain.
    start = None
    if anchor is not None:
        try:
            cp = read_checkpoint(store.checkpoint_path, store.audit_signer, store.database_id)
        except CheckpointInvalid:
            cp = None
        if cp is not None and cp.seq >= anchor.seq:
            start = (anchor.seq, anchor.entry_hash)
    report = verify_chain(
        store,
        signatures_after=anchor.seq if anchor else None,
        remember=[anchor.seq] if anchor else [],
        start=start,
    )
    found.report = report
    if start is not None and report.problem is ChainProblem.ANCHOR_AHEAD:
        # The file is not the one this user saw: say everything else that is wrong too.
        found.problems.append((report.problem, report.first_bad_seq))
        report = verify_chain(store)
    if not report.ok and report.problem is not None:
        found.problems.append((report.problem, report.first_bad_seq))
    already = (ChainProblem.ANCHOR_AHEAD, anchor.seq if anchor else None) in found.problems
    if anchor is not None and not already:
        last = report.head[0] if report.head else 0
        walked = report.head is not None or report.ok
        if walked and (anchor.seq > last or report.hashes.get(anchor.seq) != anchor.entry_hash):
            found.problems.append((ChainProblem.ANCHOR_AHEAD, anchor.seq))
    tampered = bool(store.integrity_problem) or _others_tampered(store)
    if tampered and (ChainProblem.RECORDS, None) not in found.problems:
        found.problems.append((ChainProblem.RECORDS, None))
    if any(problem in _FREEZE for problem, _ in found.problems):
        store.checkpoint_frozen = True
    return found


def _others_tampered(store: Store) -> bool:
    with storage_errors(), store.read_session() as session:
        try:
            records = trust.load(session, store.database_id, None)
            for user in session.scalars(select(User)):
                records.check_user(user)
            for agency in session.scalars(select(Agency)):
                records.check_agency(agency)
            for setting in session.scalars(
                select(Setting).where(Setting.key.startswith(trust.AGENCY_KEY_PREFIX))
            ):
                code = setting.key[len(trust.AGENCY_KEY_PREFIX) :]
                if records.root is not None and code in records.signed_agency_keys:
                    records.check_agency_key(code, setting.value)
        except TamperedRecord:
            return True
    return False


def record(uow: object, store: Store, found: Findings) -> None:
    """Inside the login's unit of work: alarm entries, own key, the trust root's work."""
    from desktop.services.uow import UnitOfWork

    assert isinstance(uow, UnitOfWork)
    for problem, seq in found.problems:
        uow.audit(
            "integrity.alarm",
            None,
            (),
            detail=f"{problem.value}" + (f":{seq}" if seq is not None else ""),
        )
    if not signed_file(store) or store.integrity_problem:
        return
    session = uow.session
    records = trust.load(session, store.database_id, None)
    row = session.get(SignedRecord, ("user", str(store.identity.user_id)))
    if store.signing_public is not None and (row is None or not row.public_key):
        trust.register_key(session, store.identity.user_id, store.signing_public)
        uow.audit("signing_key.register", "user", [store.identity.user_id])
        session.flush()
    if store.identity.role is not Role.ADMINISTRATOR:
        return
    if records.legacy:
        _create_trust_root(uow, store)
    elif store.trust_key is not None:
        _sign_registered(uow, store, records)


def _create_trust_root(uow: object, store: Store) -> None:
    """First administrator login after the upgrade: a trust root for the installation."""
    from desktop.services.uow import UnitOfWork

    assert isinstance(uow, UnitOfWork)
    key = store.trust_key or signing.new_private()
    slots = store.keyslots
    admins = set(
        uow.session.scalars(
            select(User.username).where(User.role == Role.ADMINISTRATOR, User.active)
        )
    )
    for name in (store.identity.username, RECOVERY, *sorted(admins)):
        if name in slots.slots:
            slots.grant_trust(name, key)
    own = {store.identity.user_id: store.signing_public} if store.signing_public else {}
    records = trust.establish(uow.session, store.database_id, key, own)
    assert records.root is not None
    store.adopt_trust_root(key, records.root)
    uow.audit("trust_root.create", None, (), detail=f"root={signing.fingerprint(records.root)}")


def _sign_registered(uow: object, store: Store, records: trust.Records) -> None:
    """Sign the keys users registered since, and agency keys published for the first time."""
    from desktop.services.uow import UnitOfWork

    assert isinstance(uow, UnitOfWork)
    key = store.trust_key
    assert key is not None
    session = uow.session
    signed: list[int] = []
    for user in session.scalars(select(User)):
        row = records._rows.get(("user", str(user.id)))
        if row is None or not row.public_key:
            continue
        try:
            _, vouched = records.user_key(user)
        except TamperedRecord:
            continue  # reported by the check; never signed over
        if not vouched:
            trust.sign_user(session, records, key, user, signing.unb64(row.public_key))
            signed.append(user.id)
    new_codes = set()
    for setting in session.scalars(
        select(Setting).where(Setting.key.startswith(trust.AGENCY_KEY_PREFIX))
    ):
        code = setting.key[len(trust.AGENCY_KEY_PREFIX) :]
        if code not in records.signed_agency_keys:
            trust.sign_agency_key(session, records, key, code, setting.value)
            new_codes.add(code)
    if new_codes:
        trust.sign_installation(session, records, key, records.signed_agency_keys | new_codes)
    if signed or new_codes:
        uow.audit("records.sign", "user", signed, detail=f"agency_keys={len(new_codes)}")


def after_login(store: Store, found: Findings) -> None:
    """After the login's entries are committed: move the user's anchor to the new head."""
    if not signed_file(store):
        return
    store.write_anchor()
    if store.trust_key is not None and store.identity.attestation is None:
        store.refresh_attestation()  # this login made the trust root
    store.forget_slot_kek()


def refuse_if_tampered(store: Store) -> None:
    """The account itself was tampered with: nothing may be done with it."""
    if store.integrity_problem:
        raise TamperedRecord()


def require_trust_key(store: Store) -> bytes | None:
    """The trust root's key for an administrator's signed change (None: no trust root)."""
    with storage_errors(), store.read_session() as session:
        root = session.get(Setting, trust.TRUST_ROOT)
    if root is None:
        return None
    if store.trust_key is None:
        raise PermissionDenied("permission.no_trust_root")
    return store.trust_key


def sign_account(session: Session, store: Store, user: User, public: bytes | None) -> None:
    """Sign ``user`` as it is now in ``session`` (an administrator's change)."""
    if not signed_file(store):
        return  # a server: its own grants decide, not signed rows
    key = require_trust_key(store)
    if key is None:
        return
    records = trust.load(session, store.database_id, None)
    if public is None:
        row = session.get(SignedRecord, ("user", str(user.id)))
        public = signing.unb64(row.public_key) if row is not None else None
    session.flush()
    trust.sign_user(session, records, key, user, public)
