"""Addresses of persons with skyddad identitet, sealed under their own key (issue 15).

What identifies an address is sealed together: street, postcode, city, area (a
district narrows a protected address down to a few blocks, so it goes too) and the
access notes (door code, who lives there). The model has no coordinates. Only the dates
a row is valid stay in the clear (they say when someone moved, not where). Such a row
has empty plain columns and its fields in ``Address.sealed``, AES-256-GCM bound to the
row id, under the protected-address key: the reserved compartment code
``PROTECTED_ADDRESSES`` in the keyslots.

Who holds the key: the roles allowed ``Action.PROTECTED_ADDRESS`` — those who plan
visits and print the team's packets (coordinator, team lead). Officers, auditors and
administrators do not: their data key opens the file, but not these fields. The key
is given at user creation (from the administrator's own keys or the recovery code) and
taken away at a role change; an account that should hold it and does not gets it
sealed to its slot at the next login of a holder (``after_login``).

Every read of an address goes through :func:`read_address` (or :func:`address_rows`,
built on it): a screen, paper, export, calendar, planner or search gets the plain
fields, the opened fields for a holder, or :data:`HIDDEN` for anyone else. Writes are
sealed on flush (a listener on every session) when the writer holds the key; a
protected address written without it (an administrator's demo data, an old database)
stays plain until the next login of a holder, which seals every such row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, exists, inspect, select
from sqlalchemy.orm import Session

from desktop.models import Address, Person, Role, User
from desktop.services.permissions import Action, allowed
from desktop.store import crypto
from desktop.store.compartment import CompartmentCipher
from desktop.store.interface import Store
from desktop.store.keyslots import PROTECTED_ADDRESSES, RECOVERY
from desktop.store.unlocked import COMPARTMENTS

#: The roles that hold the protected-address key.
HOLDER_ROLES = frozenset(role for role in Role if allowed(role, Action.PROTECTED_ADDRESS))


@dataclass(frozen=True)
class AddressText:
    """The identifying fields of one address, as the reader may see them."""

    street: str
    postcode: str | None
    city: str | None
    area: str | None
    access_notes: str
    # True: the row is sealed and this reader does not hold the key (fields empty).
    hidden: bool = False


HIDDEN = AddressText("", None, None, None, "", hidden=True)


def needs_key(role: Role) -> bool:
    return role in HOLDER_ROLES


def address_cipher(session: Session) -> CompartmentCipher | None:
    """The protected-address cipher if the session's user holds the key, else None."""
    lookup: Callable[[str], CompartmentCipher | None] | None = session.info.get(COMPARTMENTS)
    return lookup(PROTECTED_ADDRESSES) if lookup is not None else None


def _context(address_id: int) -> str:
    return f"address:{address_id}"


def seal_fields(cipher: CompartmentCipher, address_id: int, text: AddressText) -> bytes:
    payload = {
        "street": text.street,
        "postcode": text.postcode,
        "city": text.city,
        "area": text.area,
        "access_notes": text.access_notes,
    }
    return cipher.encrypt(json.dumps(payload, ensure_ascii=False), _context(address_id))


def read_address(
    session: Session,
    address_id: int,
    street: str | None,
    postcode: str | None,
    city: str | None,
    area: str | None,
    access_notes: str | None,
    sealed: bytes | None,
) -> AddressText:
    """The one read of an address's identifying fields (plain, opened, or HIDDEN).

    A sealed row that fails to authenticate (tampered, or moved to another row) is
    HIDDEN too: never shown, never a crash.
    """
    if sealed is None:
        return AddressText(street or "", postcode, city, area, access_notes or "")
    cipher = address_cipher(session)
    if cipher is None:
        return HIDDEN
    try:
        data = json.loads(cipher.decrypt(sealed, _context(address_id)))
    except (crypto.UnwrapError, ValueError):
        return HIDDEN
    return AddressText(
        str(data.get("street") or ""),
        data.get("postcode"),
        data.get("city"),
        data.get("area"),
        str(data.get("access_notes") or ""),
    )


def read_row(session: Session, address: Address) -> AddressText:
    """:func:`read_address` for an ORM row."""
    return read_address(
        session,
        address.id,
        address.street,
        address.postcode,
        address.city,
        address.area,
        address.access_notes,
        address.sealed,
    )


#: The columns :func:`read_address` needs after the id, in its order (for column selects).
ADDRESS_COLUMNS = (
    Address.street,
    Address.postcode,
    Address.city,
    Address.area,
    Address.access_notes,
    Address.sealed,
)


def read_columns(session: Session, address_id: int, row: Any) -> AddressText:
    """:func:`read_address` from a row of ``ADDRESS_COLUMNS`` (a tuple of six)."""
    street, postcode, city, area, access_notes, sealed = row
    return read_address(session, address_id, street, postcode, city, area, access_notes, sealed)


# -- writing ---------------------------------------------------------------------------
def _seal_row(cipher: CompartmentCipher, address: Address) -> None:
    text = AddressText(
        address.street or "",
        address.postcode,
        address.city,
        address.area,
        address.access_notes or "",
    )
    address.sealed = seal_fields(cipher, address.id, text)
    address.street, address.postcode, address.city = "", None, None
    address.area, address.access_notes = None, ""


def _unseal_row(session: Session, address: Address) -> bool:
    text = read_row(session, address)
    if text.hidden:
        return False
    address.street, address.postcode, address.city = text.street, text.postcode, text.city
    address.area, address.access_notes = text.area, text.access_notes
    address.sealed = None
    return True


def _plain_changed(address: Address) -> bool:
    """True when a sealed row got plain values written into it (an edit)."""
    return bool(address.street or address.postcode or address.city or address.area) or bool(
        address.access_notes
    )


def _protected(session: Session, person_id: int) -> bool:
    person = session.get(Person, person_id)
    return bool(person is not None and person.protected_identity)


_WRITTEN = "rondplan.addresses_written"


@event.listens_for(Session, "after_flush")
def _note_written(session: Session, _context: object) -> None:
    """Remember the addresses (and persons) this flush wrote, for the step below."""
    if address_cipher(session) is None:
        return
    written = session.info.setdefault(_WRITTEN, [])
    for obj in (*session.new, *session.dirty):
        if obj in session.deleted:
            continue
        # A person only if protected or its protection changed: an import of thousands
        # of others costs no extra query.
        person_counts = isinstance(obj, Person) and (
            obj.protected_identity or inspect(obj).attrs.protected_identity.history.has_changes()
        )
        if isinstance(obj, Address) or person_counts:
            written.append(obj)


@event.listens_for(Session, "after_flush_postexec")
def _seal_on_flush(session: Session, _context: object) -> None:
    """Seal every written address of a protected person; unseal when protection ends.

    After the flush, so new rows have their ids (the ciphertext is bound to the id);
    the sealing UPDATE goes out with the next flush of the same transaction (at the
    latest just before the commit). Without the key nothing is sealed here (the next
    holder's login does it).
    """
    written = session.info.pop(_WRITTEN, None)
    cipher = address_cipher(session)
    if not written or cipher is None:
        return
    rows: list[Address] = []
    for obj in written:
        if isinstance(obj, Address):
            rows.append(obj)
        elif obj.id is not None:
            rows.extend(obj.addresses)
    seen: set[int] = set()
    for address in rows:
        if address.id is None or address.id in seen or address in session.deleted:
            continue
        seen.add(address.id)
        protected = _protected(session, address.person_id)
        if protected and (address.sealed is None or _plain_changed(address)):
            if address.sealed is not None:
                address.sealed = None  # an edit: the new plain values win
            _seal_row(cipher, address)
        elif not protected and address.sealed is not None:
            _unseal_row(session, address)


@event.listens_for(Session, "before_commit")
def _flush_seals(session: Session) -> None:
    # The after_flush listener changes rows; make sure those changes are written too.
    if any(isinstance(obj, Address) for obj in session.dirty):
        session.flush()


def seal_plain_protected(session: Session, cipher: CompartmentCipher) -> int:
    """Seal every plain address of a protected person (an old database, demo data)."""
    rows = session.scalars(
        select(Address).where(
            Address.sealed.is_(None),
            # Named columns: a role without PERSON_REVEAL_ID may not SELECT * from person
            # on a server (issue 16).
            select(Person.id)
            .where(Person.id == Address.person_id, Person.protected_identity.is_(True))
            .exists(),
        )
    ).all()
    for address in rows:
        _seal_row(cipher, address)
    session.flush()
    return len(rows)


def reseal_all(session: Session, old: CompartmentCipher, new: CompartmentCipher) -> int:
    """Re-encrypt every sealed address from ``old`` to ``new`` (a key rotation)."""
    count = 0
    for address in session.scalars(select(Address).where(Address.sealed.is_not(None))):
        assert address.sealed is not None
        try:
            plain = old.decrypt(address.sealed, _context(address.id))
        except crypto.UnwrapError:
            continue  # tampered: left as it is, never shown
        address.sealed = new.encrypt(plain, _context(address.id))
        count += 1
    session.flush()
    return count


# -- who holds the key -----------------------------------------------------------------
def revoke_key(store: Store, username: str) -> bool:
    revoked = store.keyslots.revoke_compartment(username, PROTECTED_ADDRESSES)
    store.keyslots.save()
    return bool(revoked)


def _vouched_holders(session: Session, store: Store) -> set[str] | None:
    """Active accounts whose role needs the key, as the trust root signed them.

    A role written into the file by anyone else (issue 15) gets no key: the account's
    signed record must hold. A database without a trust root yet takes the table as is.
    None when the signed records themselves are not intact (nothing is then changed).
    """
    from desktop.store import trust
    from desktop.store.errors import TamperedRecord

    try:
        records = trust.load(session, store.database_id, None)
    except TamperedRecord:
        return None
    found = set()
    for user in session.scalars(select(User).where(User.active.is_(True))):
        if not needs_key(user.role):
            continue
        try:
            records.check_user(user)
        except TamperedRecord:
            continue
        found.add(user.username)
    return found


def after_login(store: Store) -> int:
    """At every login: reconcile who holds the key, then seal plain protected addresses.

    A holder seals the key to every active account whose role needs it and lacks it,
    takes it from slots whose account no longer needs it, and seals what is still
    plain. Returns how many addresses it sealed. Does nothing for others.
    """
    if store.shares_keyslots:
        _reconcile_holders(store)
    cipher = store.compartment(PROTECTED_ADDRESSES)
    if cipher is None:
        return 0
    from desktop.services.uow import UnitOfWork

    with UnitOfWork(store, "Skydda adresser") as uow:
        sealed = seal_plain_protected(uow.session, cipher)
        if sealed:
            uow.audit("address.protect", "address", (), detail=f"sealed={sealed}")
    return sealed


def _reconcile_holders(store: Store) -> None:
    """Grant the key to accounts that need it, take it from those that do not.

    On a server each user sees only their own slot: the key is given at creation from
    the recovery code there, and this step is skipped.
    """
    with store.read_session() as session:
        vouched = _vouched_holders(session, store)
        any_sealed = session.scalar(select(exists().where(Address.sealed.is_not(None))))
    if vouched is None:
        return
    should = vouched
    if (
        needs_key(store.identity.role)
        and not any_sealed
        and not store.keyslots.holding(PROTECTED_ADDRESSES)
    ):
        # A database older than issue 15 (or made without the key): the first holder
        # to log in creates it; nothing can have been sealed under another one.
        store.create_compartment(PROTECTED_ADDRESSES, should)
    holding = store.keyslots.holding(PROTECTED_ADDRESSES) - {RECOVERY}
    for name in sorted(holding - should):
        if name in store.keyslots.slots:
            revoke_key(store, name)
    if store.compartment(PROTECTED_ADDRESSES) is None:
        return
    missing = {n for n in should - holding if n in store.keyslots.slots}
    if RECOVERY not in store.keyslots.holding(PROTECTED_ADDRESSES):
        missing.add(RECOVERY)
    store.share_compartment(PROTECTED_ADDRESSES, missing)


def protected_ids(session: Session, person_ids: Iterable[int]) -> set[int]:
    ids = sorted(set(person_ids))
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        found.update(
            session.scalars(
                select(Person.id).where(
                    Person.id.in_(ids[start : start + 500]), Person.protected_identity.is_(True)
                )
            )
        )
    return found
