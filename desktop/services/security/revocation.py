"""Revocation: after an account is switched off (or a password changed) its keys go.

Every copy of ``.keys`` (every backup carries one) still opens the keys a slot held
when it was copied. So a deactivation rotates the data key (the file is rekeyed; every
remaining slot gets the new key sealed to its box key, no password needed) and every
compartment key the account held: a new key is sealed to the compartment's other
holders and the recovery slot, and the compartment's text (notes, and the sealed
protected addresses) is re-encrypted under it in one unit of work. An old ``.keys``
then opens nothing live. Each step is audited before it is made, so a crash never
leaves a change without its entry (at worst an entry for a step not finished, which
the next rotation completes).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Agency, Note, Setting
from desktop.services.errors import ValidationError
from desktop.services.uow import UnitOfWork
from desktop.store import crypto
from desktop.store.compartment import CompartmentCipher
from desktop.store.errors import WrongPassword
from desktop.store.interface import FileStore, Store
from desktop.store.keyslots import PROTECTED_ADDRESSES, RECOVERY


@dataclass(frozen=True)
class Rotation:
    """What a revocation rotated; ``not_rotated``: compartments it had no key for."""

    compartments: tuple[str, ...]
    not_rotated: tuple[str, ...]
    reencrypted: int


def rotate_data_key(store: FileStore, reason: str) -> list[str]:
    """Audit, then rekey the file with a new data key (every slot gets it sealed)."""
    with UnitOfWork(store, "Byt databasnyckel") as uow:
        uow.audit("key.rotate", None, (), detail=f"reason={reason}")
    return store.rotate_data_key()


def revoke(
    store: FileStore,
    held: set[str],
    reason: str,
    recovery_code: str | None = None,
) -> Rotation:
    """Rotate the data key and each compartment in ``held`` (the revoked slot is gone).

    A compartment this user does not hold is rotated with the recovery code's key if
    ``recovery_code`` is given; otherwise it is left and named in ``not_rotated``.
    """
    rotate_data_key(store, reason)
    known: dict[str, tuple[bytes, ...]] = {}
    missing = {code for code in held if store.compartment(code) is None}
    if missing and recovery_code:
        try:
            everything = store.keyslots.unlock(
                RECOVERY, crypto.normalise_recovery_code(recovery_code)
            )
        except WrongPassword:
            raise ValidationError("recovery.wrong", field="recovery") from None
        for code in missing:
            if code in everything.compartments:
                known[code] = (
                    everything.compartments[code],
                    *everything.older_compartments.get(code, ()),
                )
    done, skipped, count = [], [], 0
    for code in sorted(held):
        if store.compartment(code) is None and code not in known:
            skipped.append(code)
            continue
        count += rotate_compartment(store, code, reason, known.get(code, ()))
        done.append(code)
    if skipped:
        with UnitOfWork(store, "Avdelningsnyckel ej bytt") as uow:
            uow.audit("compartment.rotate_skipped", None, (), detail=",".join(skipped))
    return Rotation(tuple(done), tuple(skipped), count)


def rotate_compartment(store: Store, code: str, reason: str, known: tuple[bytes, ...] = ()) -> int:
    """A new key for ``code``: sealed to its holders, then the text re-encrypted.

    Returns how many texts were re-encrypted. The new key is delivered before the
    text moves to it, and the new cipher still opens the old key's text, so a crash
    in between loses nothing; the audit entry is written with the re-encryption.
    """
    holders = store.keyslots.holders_of(code)
    _, new, _ = store.rotate_compartment(code, holders, known)
    with UnitOfWork(store, "Byt avdelningsnyckel") as uow:
        # ``new`` also opens what the old keys sealed: it reads, then writes anew.
        count = _reencrypt(uow.session, code, new)
        if can_sign(store):
            _publish(uow.session, store, code, new)
        uow.audit("compartment.rotate", None, (), detail=f"reason={reason} texts={count}")
    return count


def _reencrypt(session: Session, code: str, new: CompartmentCipher) -> int:
    # Imported here: notes -> users -> revocation would otherwise be a cycle.
    from desktop.services.security.notes import KEY_COMPARTMENT, open_note, seal_note

    if code == PROTECTED_ADDRESSES:
        from desktop.services.protected_addresses import reseal_all

        return reseal_all(session, new, new)
    agency_id = session.scalar(select(Agency.id).where(Agency.code == code))
    if agency_id is None:
        return 0
    count = 0
    for note in session.scalars(select(Note).where(Note.agency_id == agency_id)):
        text = open_note(new, note)
        if text is None:
            continue  # tampered: left as it is, never shown
        note.ciphertext = seal_note(new, note.id, text)
        note.key_version = KEY_COMPARTMENT
        count += 1
    session.flush()
    # Incident descriptions (and their corrections' old texts) of the agency (issue 20).
    from desktop.services.incidents.sealing import reseal_incidents

    count += reseal_incidents(session, agency_id, new)
    return count


def _publish(session: Session, store: Store, code: str, new: CompartmentCipher) -> None:
    """The agency's new public key (disclosures are sealed to it from now on)."""
    from desktop.services.security.notes import PUBLIC_KEY_SETTING

    if code == PROTECTED_ADDRESSES:
        return
    value = base64.b64encode(new.public_key()).decode("ascii")
    row = session.get(Setting, PUBLIC_KEY_SETTING + code)
    if row is None:
        session.add(Setting(key=PUBLIC_KEY_SETTING + code, value=value))
    else:
        row.value = value
    session.flush()
    _sign_agency_key(session, store, code, value)


def can_sign(store: Store) -> bool:
    """Whether this user may publish a new agency key (holds the trust root, or none)."""
    from desktop.services.errors import PermissionDenied
    from desktop.services.security import integrity

    try:
        integrity.require_trust_key(store)
    except PermissionDenied:
        return False
    return True


def _sign_agency_key(session: Session, store: Store, code: str, value: str) -> None:
    """Re-sign the agency key with the trust root if the installation has one."""
    from desktop.services.security import integrity
    from desktop.store import trust

    key = integrity.require_trust_key(store)
    if key is None:
        return
    records = trust.load(session, store.database_id, None)
    trust.sign_agency_key(session, records, key, code, value)
